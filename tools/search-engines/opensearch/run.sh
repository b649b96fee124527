#!/usr/bin/env bash
# Single-node OpenSearch 2.19 for dev and CI, started from Maven Central jars
# (see EngineLauncher.java for why there is no Docker image or tarball).
#
# Usage: tools/search-engines/opensearch/run.sh [start|stop|status|pid]
#   start   build if needed, start the node in the background, wait for health,
#           then print exactly one line on stdout: opensearch://127.0.0.1:PORT
#   stop    stop the node recorded in the pid file
#   status  exit 0 if the node answers green or yellow
#   pid     print the running node's pid (the search tests freeze it: OPENSEARCH_PID /
#           ELASTICSEARCH_PID)
#
# Environment:
#   SEARCH_ENGINE_HOME  node home (data, logs, pid)   default <repo>/var/opensearch
#   SEARCH_ENGINE_PORT  HTTP port                      default 9200
#   SEARCH_ENGINE_HEAP  JVM heap (-Xms and -Xmx)       default 512m
#   SEARCH_ENGINE_WAIT  seconds to wait for health     default 120
#   JAVA_HOME           used if it is a JDK 17; else /usr/lib/jvm is searched
#
# The commands themselves are in ../engine-node.sh, shared with Elasticsearch's.
set -euo pipefail

ENGINE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$ENGINE_DIR/../../.." && pwd)
ENGINE_LABEL=OpenSearch
URL_SCHEME=opensearch
LOG_PREFIX=search-engine
NODE_HOME=${SEARCH_ENGINE_HOME:-$REPO_DIR/var/opensearch}
PORT=${SEARCH_ENGINE_PORT:-9200}
PORT_VARIABLE=SEARCH_ENGINE_PORT
HEAP=${SEARCH_ENGINE_HEAP:-512m}
WAIT_SECONDS=${SEARCH_ENGINE_WAIT:-120}
PID_FILE=$NODE_HOME/opensearch.pid
LOG_FILE=$NODE_HOME/logs/opensearch.log
MAIN_CLASS=fr.orne.marketplace.search.engine.EngineLauncher
# OpenSearch 2.19 runs on 17 (3.x needs 21); the JDK 25 also installed here is not used.
JAVA_MIN=17
JAVA_MAX=17

engine_java_options() { :; }

# A node already on the port is used only if it says it is OpenSearch (not Elasticsearch).
foreign_node_ok() {
    curl -s --max-time 3 "http://127.0.0.1:$PORT/" 2>/dev/null \
        | grep -q '"distribution" *: *"opensearch"'
}

# shellcheck source=../engine-node.sh
source "$ENGINE_DIR/../engine-node.sh"
engine_main "$@"
