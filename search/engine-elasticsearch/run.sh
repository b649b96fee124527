#!/usr/bin/env bash
# Single-node Elasticsearch 9 for dev and CI, started from Maven Central jars
# (see EngineLauncher.java for why there is no Docker image or tarball, and for
# what this node lacks compared with a distribution). Sibling of
# search/engine/run.sh (OpenSearch 2.19), with the same commands and output.
#
# Usage: search/engine-elasticsearch/run.sh [start|stop|status]
#   start   build if needed, start the node in the background, wait for health,
#           then print exactly one line on stdout: elasticsearch://127.0.0.1:PORT
#   stop    stop the node recorded in the pid file
#   status  exit 0 if the node answers green or yellow
#
# Environment:
#   ES_ENGINE_HOME  node home (data, logs, pid)   default <repo>/var/elasticsearch
#   ES_ENGINE_PORT  HTTP port                      default 9201
#   ES_ENGINE_HEAP  JVM heap (-Xms and -Xmx)       default 512m
#   ES_ENGINE_WAIT  seconds to wait for health     default 120
#   JAVA_HOME       used if it is a Java 21 or later; else /usr/lib/jvm is searched
#
# Only the URL goes to stdout; every message goes to stderr, so callers can do
#   SEARCH_URL=$(search/engine-elasticsearch/run.sh start)
set -euo pipefail

ENGINE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$ENGINE_DIR/../.." && pwd)
ES_HOME=${ES_ENGINE_HOME:-$REPO_DIR/var/elasticsearch}
PORT=${ES_ENGINE_PORT:-9201}
HEAP=${ES_ENGINE_HEAP:-512m}
WAIT_SECONDS=${ES_ENGINE_WAIT:-120}
PID_FILE=$ES_HOME/elasticsearch.pid
LOG_FILE=$ES_HOME/logs/elasticsearch.log
MAIN_CLASS=fr.orne.marketplace.search.engine.elasticsearch.EngineLauncher
HEALTH_URL=http://127.0.0.1:$PORT/_cluster/health

log() { echo "es-engine: $*" >&2; }

die() {
    log "$*"
    # LOG_FILE is emptied when the port belongs to a process we did not start.
    if [[ -n $LOG_FILE && -f $LOG_FILE ]]; then
        log "last 50 lines of $LOG_FILE:"
        tail -n 50 "$LOG_FILE" >&2
    fi
    exit 1
}

# Exit 0 if the HTTP port answers with a green or yellow cluster health.
healthy() {
    local body
    body=$(curl -sS --max-time 3 "$HEALTH_URL" 2>/dev/null) || return 1
    [[ $body =~ \"status\":\"(green|yellow)\" ]]
}

# Exit 0 if anything answers HTTP on the port (even an error status).
port_answers() {
    curl -s -o /dev/null --max-time 3 "http://127.0.0.1:$PORT/" 2>/dev/null
}

# Exit 0 if what answers on the port says it is Elasticsearch (not OpenSearch).
is_elasticsearch() {
    curl -s -o /dev/null -D - --max-time 3 "http://127.0.0.1:$PORT/" 2>/dev/null \
        | tr -d '\r' | grep -qi '^x-elastic-product: *Elasticsearch$'
}

# Print the pid from the pid file if that process is alive and is our launcher.
running_pid() {
    [[ -f $PID_FILE ]] || return 1
    local pid
    pid=$(<"$PID_FILE")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$MAIN_CLASS" || return 1
    echo "$pid"
}

# Exit 0 if the java binary is version 21 or later (Elasticsearch 9's minimum).
is_java21_plus() {
    local v major
    v=$("$1" -version 2>&1 | head -n 1) || return 1
    [[ $v =~ \"([0-9]+) ]] || return 1
    major=${BASH_REMATCH[1]}
    ((major >= 21))
}

# Elasticsearch 9 needs Java 21+; the default java here is 17 (for OpenSearch),
# so JAVA_HOME is only taken if recent enough, then the newest JDK in /usr/lib/jvm.
find_java() {
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]] && is_java21_plus "$JAVA_HOME/bin/java"; then
        echo "$JAVA_HOME"
        return 0
    fi
    local dir
    for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        dir=${dir%/}
        if [[ -x $dir/bin/java && -x $dir/bin/javac ]] && is_java21_plus "$dir/bin/java"; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

wait_healthy() {
    local pid=$1 deadline=$((SECONDS + WAIT_SECONDS))
    while ((SECONDS < deadline)); do
        if healthy; then
            return 0
        fi
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PID_FILE"
            die "the node (pid $pid) exited during startup"
        fi
        sleep 1
    done
    if [[ -n $pid ]]; then
        # Do not leave a half-started node behind (CI would wait on it forever).
        log "killing pid $pid"
        kill -KILL "$pid" 2>/dev/null || true
        rm -f "$PID_FILE"
    fi
    die "no green/yellow health at $HEALTH_URL after ${WAIT_SECONDS}s"
}

build() {
    local stamp=$ENGINE_DIR/target/.built-by-run-sh
    # Build when target/lib is missing, or when the pom or the launcher sources
    # changed since the last build made here (else a stale launcher would run).
    if [[ -d $ENGINE_DIR/target/lib && -f $stamp ]] \
        && [[ -z $(find "$ENGINE_DIR/pom.xml" "$ENGINE_DIR/src" -newer "$stamp" -print -quit) ]]; then
        return 0
    fi
    log "building $ENGINE_DIR (first run resolves the jars from Maven Central)"
    # copy-dependencies never deletes: drop old jars so two versions never mix.
    rm -rf "$ENGINE_DIR/target/lib"
    # Maven's own output goes to stderr: stdout is reserved for the URL.
    # (-q still emits bare colour resets; sed drops them.)
    JAVA_HOME=$JAVA_DIR mvn -q -B -f "$ENGINE_DIR/pom.xml" package -DskipTests 2>&1 \
        | sed 's/\x1b\[[0-9;]*m//g' >&2 \
        || die "maven build failed"
    touch "$stamp"
}

cmd_start() {
    local pid=""
    if port_answers; then
        # Something (this node, or one started by another checkout) already
        # serves the port: only accept it if it is Elasticsearch and healthy.
        is_elasticsearch || die "port $PORT answers but not as Elasticsearch (an OpenSearch node?)"
        log "port $PORT already answers; waiting for its health"
        LOG_FILE="" wait_healthy ""
        echo "elasticsearch://127.0.0.1:$PORT"
        return 0
    fi
    if pid=$(running_pid); then
        log "node already starting (pid $pid)"
    else
        JAVA_DIR=$(find_java) || die "no JDK 21 or later found (set JAVA_HOME to one)"
        build
        # Elasticsearch's native libraries (libzstd, libvec) ship in the
        # distribution, not on Maven Central: native-lib/ stays empty, the node
        # logs "Native methods will be disabled" (naming the missing file) and
        # runs without them: no memory locking, no native vector scoring, and
        # no zstd, so an index with index.codec=best_compression cannot start
        # its shards (tested). Our indices use the default codec.
        mkdir -p "$ES_HOME/logs" "$ES_HOME/tmp" "$ES_HOME/native-lib"
        log "starting Elasticsearch on port $PORT, home $ES_HOME, java $JAVA_DIR"
        echo "=== run.sh start $(date -Is) port $PORT ===" >>"$LOG_FILE"
        # setsid + nohup: the node outlives this script and its terminal.
        # The -D and module flags are the relevant ones from the distribution's
        # jvm.options, less -Dlog4j.shutdownHookEnabled=false: with the default
        # log4j configuration used here (no log4j2.properties) it silences every
        # log line (tested), so the last lines of a shutdown may be lost instead.
        setsid nohup "$JAVA_DIR/bin/java" \
            -Xms"$HEAP" -Xmx"$HEAP" \
            -XX:+UseG1GC \
            -XX:+ExitOnOutOfMemoryError \
            -Dfile.encoding=UTF-8 \
            -Djava.awt.headless=true \
            -Djava.locale.providers=CLDR \
            -Dlog4j2.formatMsgNoLookups=true \
            -Dlog4j2.disable.jmx=true \
            -Dio.netty.noUnsafe=true \
            -Dio.netty.noKeySetOptimization=true \
            -Dio.netty.recycler.maxCapacityPerThread=0 \
            -Des.nativelibs.path="$ES_HOME/native-lib" \
            -Djava.io.tmpdir="$ES_HOME/tmp" \
            --enable-native-access=ALL-UNNAMED \
            --add-modules=jdk.incubator.vector \
            -cp "$ENGINE_DIR/target/classes:$ENGINE_DIR/target/lib/*" \
            "$MAIN_CLASS" "$ES_HOME" "$PORT" \
            </dev/null >>"$LOG_FILE" 2>&1 &
        pid=$!
        echo "$pid" >"$PID_FILE"
    fi
    wait_healthy "$pid"
    log "healthy (pid $pid)"
    echo "elasticsearch://127.0.0.1:$PORT"
}

cmd_stop() {
    local pid
    if ! pid=$(running_pid); then
        rm -f "$PID_FILE"
        log "not running (no live pid in $PID_FILE)"
        return 0
    fi
    log "stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 30; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid still alive after 30s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
    log "stopped"
}

cmd_status() {
    if healthy; then
        log "healthy at $HEALTH_URL"
        return 0
    fi
    log "not healthy at $HEALTH_URL"
    return 1
}

[[ $PORT =~ ^[0-9]+$ ]] || { log "ES_ENGINE_PORT must be a number, got '$PORT'"; exit 2; }
case ${1:-start} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *)
        echo "usage: $0 [start|stop|status]" >&2
        exit 2
        ;;
esac
