#!/usr/bin/env bash
# Measures cold start (empty data folder: initdb, migrations, demo data) and warm start (same folder) of the
# packaged jar, side by side with the same jar started from JDK 25's ahead-of-time cache (JEP 483/514/515):
# Spring Boot's extracted layout (java -Djarmode=tools -jar ... extract) plus -XX:AOTCache, trained once by
# a run that starts the app, loads the sign-in page and stops. For every start it reports Spring's "Started
# Application in" and the time from launching java to the first answered sign-in page; at the end the idle
# resident memory of the JVM and the embedded PostgreSQL. Warm starts alternate jar / AOT, so a busy
# machine weighs on both alike; the machine's load average is printed with each line.
# Usage: mvn package -DskipTests && bench/startup.sh [runs] [jar]
#   COLD=0 skips the cold starts; then DATA_TEMPLATE=<an app data folder> is copied for the warm ones.
#   BEFORE=<an older jar>: its own AOT cache is trained too, and every warm round starts it from its cache
#   right before the jar's AOT start ("before i" lines), for a side-by-side comparison of two builds.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${2:-$(ls target/omzien-*.jar | grep -v original | head -1)}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
RUNS=${1:-3}
PORT=${PORT:-18080}
DATA=$(mktemp -d)
WORK=$(mktemp -d)
trap 'rm -rf "$DATA" "$WORK"' EXIT

start() { # label, java arguments...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  OMZIEN_DATA_DIR="$DATA" PORT=$PORT "$JAVA" "$@" > "$DATA/app.log" 2>&1 &
  APP=$!
  until curl -s -o /dev/null -f "localhost:$PORT/login"; do
    sleep 0.1; kill -0 $APP 2>/dev/null || { cat "$DATA/app.log"; exit 1; }
  done
  t1=$(date +%s.%N)
  printf '%-6s %s; first page after %.1f s (load %s)\n' "$label" \
    "$(grep -o 'Started Application in [0-9.]* seconds' "$DATA/app.log" | tail -1)" \
    "$(echo "$t1 - $t0" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
}
stop() { kill $APP; wait $APP 2>/dev/null || true; sleep 1; }

"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
EXTRACTED="$WORK/app/$(basename "$JAR")"

if [ "${COLD:-1}" = 0 ]; then
  cp -r "${DATA_TEMPLATE:?COLD=0 needs DATA_TEMPLATE}/postgres" "$DATA/"
else
  for i in $(seq "$RUNS"); do
    rm -rf "$DATA/postgres"; start "cold $i" -jar "$JAR"; stop
  done
fi

# Training run: the classes of start-up and of the first page go into the cache, written when the JVM exits.
train() { # extracted jar, cache
  start "train" -XX:AOTCacheOutput="$2" -jar "$1"
  curl -s -o /dev/null "localhost:$PORT/?v-r=init&location=login&query="
  stop
  ls -la "$2" | awk '{printf "AOT cache: %d MiB\n", $5/1048576}'
}
train "$EXTRACTED" "$WORK/app.aot"
if [ -n "${BEFORE:-}" ]; then
  mkdir -p "$WORK/before"
  "$JAVA" -Djarmode=tools -jar "$BEFORE" extract --destination "$WORK/before/app" > /dev/null
  BEFORE_EXTRACTED="$WORK/before/app/$(basename "$BEFORE")"
  train "$BEFORE_EXTRACTED" "$WORK/before.aot"
fi

for i in $(seq "$RUNS"); do
  start "jar $i" -jar "$JAR"; stop
  if [ -n "${BEFORE:-}" ]; then start "before $i" -XX:AOTCache="$WORK/before.aot" -jar "$BEFORE_EXTRACTED"; stop; fi
  start "aot $i" -XX:AOTCache="$WORK/app.aot" -jar "$EXTRACTED"
  if [ "$i" = "$RUNS" ]; then
    sleep 20
    jvm=$(ps -o rss= -p $APP)
    # This app's PostgreSQL only (other programs on the machine may run their own).
    pm=$(head -1 "$DATA/postgres/postmaster.pid")
    pg=$( (ps -o rss= -p "$pm"; ps -o rss= --ppid "$pm") | awk '{s+=$1} END {print s+0}')
    echo "idle RSS (AOT): JVM $((jvm/1024)) MiB, PostgreSQL processes $((pg/1024)) MiB"
  fi
  stop
done
