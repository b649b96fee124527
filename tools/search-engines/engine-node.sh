# Shared by opensearch/run.sh (OpenSearch 2.19) and elasticsearch/run.sh
# (Elasticsearch 9): both start a single node from Maven Central jars the same way, and
# differ only in their variables, their Java and their JVM options. Sourced, not run.
#
# The sourcing script sets, before calling `engine_main "$@"`:
#   ENGINE_DIR       its Maven project (pom.xml, src/, target/)
#   ENGINE_LABEL     "OpenSearch" / "Elasticsearch" (messages)
#   URL_SCHEME       printed as URL_SCHEME://127.0.0.1:PORT
#   LOG_PREFIX       prefix of every message on stderr
#   NODE_HOME PORT PORT_VARIABLE HEAP WAIT_SECONDS PID_FILE LOG_FILE MAIN_CLASS
#   JAVA_MIN JAVA_MAX  the Java major versions the engine runs on
# and defines:
#   engine_java_options   prints the engine's own JVM options, one per line
#   foreign_node_ok       exit 0 if the node already serving PORT is this engine
#   prepare_home          creates what the node needs in NODE_HOME (optional)
#
# Only the URL goes to stdout; every message goes to stderr, so callers can do
#   SEARCH_URL=$(tools/search-engines/opensearch/run.sh start)

HEALTH_URL=http://127.0.0.1:$PORT/_cluster/health

log() { echo "$LOG_PREFIX: $*" >&2; }

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

# Exit 0 if $1/bin has java and javac (Maven builds the launcher) of a wanted version.
jdk_fits() {
    [[ -x $1/bin/java && -x $1/bin/javac ]] || return 1
    local version major
    version=$("$1/bin/java" -version 2>&1 | head -n 1) || return 1
    [[ $version =~ \"([0-9]+) ]] || return 1
    major=${BASH_REMATCH[1]}
    ((major >= JAVA_MIN && major <= JAVA_MAX))
}

# Print a JDK home for the engine: JAVA_HOME if it fits, else the newest in /usr/lib/jvm
# that fits, else the java on PATH. (Here the default java is 17, for OpenSearch 2.19; a
# JDK 25 beside it serves Elasticsearch 9.)
find_jdk() {
    if [[ -n ${JAVA_HOME:-} ]] && jdk_fits "$JAVA_HOME"; then
        echo "$JAVA_HOME"
        return 0
    fi
    local dir
    for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        if jdk_fits "${dir%/}"; then
            echo "${dir%/}"
            return 0
        fi
    done
    local java_bin
    java_bin=$(command -v java || true)
    if [[ -n $java_bin ]]; then
        dir=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
        if jdk_fits "$dir"; then
            echo "$dir"
            return 0
        fi
    fi
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
    local jdk=$1 stamp=$ENGINE_DIR/target/.built-by-run-sh
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
    JAVA_HOME=$jdk mvn -q -B -f "$ENGINE_DIR/pom.xml" package -DskipTests 2>&1 \
        | sed 's/\x1b\[[0-9;]*m//g' >&2 \
        || die "maven build failed"
    touch "$stamp"
}

cmd_start() {
    local pid="" jdk
    if port_answers; then
        # Something (this node, or one started by another checkout) already
        # serves the port: only accept it if it is ours to use, once healthy.
        if ! foreign_node_ok; then
            LOG_FILE="" die "port $PORT answers but not as $ENGINE_LABEL"
        fi
        log "port $PORT already answers; waiting for its health"
        LOG_FILE="" wait_healthy ""
        echo "$URL_SCHEME://127.0.0.1:$PORT"
        return 0
    fi
    if pid=$(running_pid); then
        log "node already starting (pid $pid)"
    else
        jdk=$(find_jdk) || die "no JDK $JAVA_MIN..$JAVA_MAX found (set JAVA_HOME to one)"
        build "$jdk"
        mkdir -p "$NODE_HOME/logs" "$NODE_HOME/tmp"
        if declare -F prepare_home >/dev/null; then
            prepare_home
        fi
        log "starting $ENGINE_LABEL on port $PORT, home $NODE_HOME, java $jdk"
        echo "=== run.sh start $(date -Is) port $PORT ===" >>"$LOG_FILE"
        local -a options
        mapfile -t options < <(engine_java_options)
        # setsid + nohup: the node outlives this script and its terminal. Starting Node
        # directly (no Bootstrap) needs no engine system properties: path.home and
        # friends are node settings in the launcher.
        setsid nohup "$jdk/bin/java" \
            -Xms"$HEAP" -Xmx"$HEAP" \
            -XX:+UseG1GC \
            -XX:+ExitOnOutOfMemoryError \
            -Dfile.encoding=UTF-8 \
            -Djava.awt.headless=true \
            -Dlog4j2.formatMsgNoLookups=true \
            -Djava.io.tmpdir="$NODE_HOME/tmp" \
            "${options[@]}" \
            -cp "$ENGINE_DIR/target/classes:$ENGINE_DIR/target/lib/*" \
            "$MAIN_CLASS" "$NODE_HOME" "$PORT" \
            </dev/null >>"$LOG_FILE" 2>&1 &
        pid=$!
        echo "$pid" >"$PID_FILE"
    fi
    wait_healthy "$pid"
    log "healthy (pid $pid)"
    echo "$URL_SCHEME://127.0.0.1:$PORT"
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

# Print the pid of the running node (for tests that freeze it), exit 1 if none.
cmd_pid() {
    running_pid || { log "not running (no live pid in $PID_FILE)"; return 1; }
}

cmd_status() {
    if healthy; then
        log "healthy at $HEALTH_URL"
        return 0
    fi
    log "not healthy at $HEALTH_URL"
    return 1
}

engine_main() {
    [[ $PORT =~ ^[0-9]+$ ]] || { log "$PORT_VARIABLE must be a number, got '$PORT'"; exit 2; }
    case ${1:-start} in
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        pid) cmd_pid ;;
        *)
            echo "usage: $0 [start|stop|status|pid]" >&2
            exit 2
            ;;
    esac
}
