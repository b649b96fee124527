#!/usr/bin/env bash
# Single-node Elasticsearch 9 for dev and CI, started from Maven Central jars
# (see EngineLauncher.java for why there is no Docker image or tarball, and for
# what this node lacks compared with a distribution). Sibling of
# ../opensearch/run.sh (OpenSearch 2.19), with the same commands and output.
#
# Usage: tools/search-engines/elasticsearch/run.sh [start|stop|status|pid]
#   start   build if needed, start the node in the background, wait for health,
#           then print exactly one line on stdout: elasticsearch://127.0.0.1:PORT
#   stop    stop the node recorded in the pid file
#   status  exit 0 if the node answers green or yellow
#   pid     print the running node's pid (the search tests freeze it: OPENSEARCH_PID /
#           ELASTICSEARCH_PID)
#
# Environment:
#   ES_ENGINE_HOME  node home (data, logs, pid)   default <repo>/var/elasticsearch
#   ES_ENGINE_PORT  HTTP port                      default 9201
#   ES_ENGINE_HEAP  JVM heap (-Xms and -Xmx)       default 512m
#   ES_ENGINE_WAIT  seconds to wait for health     default 120
#   JAVA_HOME       used if it is a JDK 21 or later; else /usr/lib/jvm is searched
#
# The commands themselves are in ../engine-node.sh, shared with OpenSearch's.
set -euo pipefail

ENGINE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$ENGINE_DIR/../../.." && pwd)
ENGINE_LABEL=Elasticsearch
URL_SCHEME=elasticsearch
LOG_PREFIX=es-engine
NODE_HOME=${ES_ENGINE_HOME:-$REPO_DIR/var/elasticsearch}
PORT=${ES_ENGINE_PORT:-9201}
PORT_VARIABLE=ES_ENGINE_PORT
HEAP=${ES_ENGINE_HEAP:-512m}
WAIT_SECONDS=${ES_ENGINE_WAIT:-120}
PID_FILE=$NODE_HOME/elasticsearch.pid
LOG_FILE=$NODE_HOME/logs/elasticsearch.log
MAIN_CLASS=fr.orne.marketplace.search.engine.elasticsearch.EngineLauncher
# Elasticsearch 9 needs Java 21 or later.
JAVA_MIN=21
JAVA_MAX=999

# A node already on the port is used only if it says it is Elasticsearch (not OpenSearch).
foreign_node_ok() {
    curl -s -o /dev/null -D - --max-time 3 "http://127.0.0.1:$PORT/" 2>/dev/null \
        | tr -d '\r' | grep -qi '^x-elastic-product: *Elasticsearch$'
}

# Elasticsearch's native libraries (libzstd, libvec) ship in the distribution, not on
# Maven Central: native-lib/ stays empty, the node logs "Native methods will be disabled"
# (naming the missing file) and runs without them: no memory locking, no native vector
# scoring, and no zstd, so an index with index.codec=best_compression cannot start its
# shards (tested). Our indices use the default codec.
prepare_home() { mkdir -p "$NODE_HOME/native-lib"; }

# The relevant flags of the distribution's jvm.options, less
# -Dlog4j.shutdownHookEnabled=false: with the default log4j configuration used here (no
# log4j2.properties) it silences every log line (tested), so the last lines of a shutdown
# may be lost instead.
engine_java_options() {
    printf '%s\n' \
        -Djava.locale.providers=CLDR \
        -Dlog4j2.disable.jmx=true \
        -Dio.netty.noUnsafe=true \
        -Dio.netty.noKeySetOptimization=true \
        -Dio.netty.recycler.maxCapacityPerThread=0 \
        "-Des.nativelibs.path=$NODE_HOME/native-lib" \
        --enable-native-access=ALL-UNNAMED \
        --add-modules=jdk.incubator.vector
}

# shellcheck source=../engine-node.sh
source "$ENGINE_DIR/../engine-node.sh"
engine_main "$@"
