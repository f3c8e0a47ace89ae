#!/usr/bin/env bash
# Measures cold start (empty data folder: initdb, migrations, demo data) and warm start (same folder)
# of the packaged jar, and the idle resident memory of the JVM and the embedded PostgreSQL.
# Usage: mvn package -DskipTests && bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(ls target/omzien-*.jar | grep -v original | head -1)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
RUNS=${1:-3}
DATA=$(mktemp -d)
start() {
  OMZIEN_DATA_DIR="$DATA" PORT=18080 "$JAVA" -jar "$JAR" > "$DATA/app.log" 2>&1 &
  APP=$!
  until grep -q "Started Application" "$DATA/app.log"; do sleep 0.5; kill -0 $APP || { cat "$DATA/app.log"; exit 1; }; done
  grep -o "Started Application in [0-9.]* seconds" "$DATA/app.log" | tail -1
}
stop() { kill $APP; wait $APP 2>/dev/null || true; sleep 1; }
for i in $(seq "$RUNS"); do
  rm -rf "$DATA/postgres"; echo -n "cold $i: "; start; stop
done
for i in $(seq "$RUNS"); do
  echo -n "warm $i: "; start
  if [ "$i" = "$RUNS" ]; then
    curl -s -o /dev/null localhost:18080/login; sleep 20
    jvm=$(ps -o rss= -p $APP)
    pg=$(ps -eo rss=,comm= | awk '$2 ~ /postgres/ {s+=$1} END {print s+0}')
    echo "idle RSS: JVM $((jvm/1024)) MiB, PostgreSQL processes $((pg/1024)) MiB"
  fi
  stop
done
rm -rf "$DATA"
