#!/usr/bin/env bash
# Load test of the whole app (issue 23): Gatling virtual users drive the packaged jar over HTTP the way
# Vaadin's browser client does (bench/load/). For each jar given, in turn: start it on its own data folder,
# run the scenario, and record the machine's load, p50/p95/p99 per action, errors, and the CPU seconds the
# app and its PostgreSQL used. With MODE=memory: full GC and the heap after 0 users, then after N users who
# signed in and hold Mijn training and the player open (one app start per N).
#
# Usage:  mvn package -DskipTests            (the jar to test; copy an older build aside to compare)
#         bench/load.sh [label=jar ...]      default: after=target/omzien-*.jar
# Settings (environment): USERS="50 200" concurrent users per run, RAMP=30 s, DURATION=120 s at full load,
#   THINK_MIN=2000 THINK_MAX=5000 ms, SETTLE=30 s after the ramp before the full-load window (its requests and
#   CPU are reported apart: the steady state without sign-ins and JIT warm-up), LEAD_SHARE=20 (one in N users is a coalition lead on the dashboard),
#   MODE=mix|floor|memory (floor: every user only sends empty UIDL requests after signing in, the cost of a
#   round trip through Tomcat, Spring Security and Vaadin with no page work; HEAP_DUMP=1: also a heap dump with the users in; START_MODULE=false: the users stay on
#   the module's first page with its confidence questions instead of starting it), ROUNDS=1 (before/after alternate ROUNDS times), JAVA_OPTS for the app (e.g. -Xmx1g),
#   JAVA_OPTS_<label> added for that label only (compare JVM flags on one jar: a=x.jar b=x.jar JAVA_OPTS_b=...),
#   OUT=bench/load/results. Results: $OUT/summary.md (one line per run and action), Gatling's HTML reports
#   beside it.
# Runs the client on the same machine as the app: on a 2-core machine its CPU competes with the app's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
USERS=${USERS:-50}
RAMP=${RAMP:-30}
DURATION=${DURATION:-120}
THINK_MIN=${THINK_MIN:-2000}
THINK_MAX=${THINK_MAX:-5000}
LEAD_SHARE=${LEAD_SHARE:-20}
SETTLE=${SETTLE:-30}
MODE=${MODE:-mix}
ROUNDS=${ROUNDS:-1}
OUT=${OUT:-$ROOT/bench/load/results}
PORT=${PORT:-18090}
DB_PORT=${DB_PORT:-15490}
mkdir -p "$OUT"
if [ $# -eq 0 ]; then set -- "after=$(ls target/omzien-*.jar | grep -v original | head -1)"; fi
SUMMARY=$OUT/summary.md
TICKS=$(getconf CLK_TCK)

(cd bench/load && MAVEN_OPTS="--add-opens java.base/java.lang=ALL-UNNAMED" mvn -B -q -o test-compile)

cpu_ticks() { # utime+stime (+ waited-for children) of a process and its live children
  local pid=$1 total=0 child
  total=$(awk '{print $14+$15+$16+$17}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    total=$((total + $(awk '{print $14+$15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
app_ticks() { awk '{print $14+$15}' "/proc/$APP/stat"; }
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; } # the whole machine, all cores
pg_pid() { head -1 "$DATA/postgres/postmaster.pid"; }
heap_after_gc() { # MiB used after a full GC
  "$JCMD" "$APP" GC.run > /dev/null; sleep 2; "$JCMD" "$APP" GC.run > /dev/null; sleep 1
  "$JCMD" "$APP" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{print int($2/1024)}'
}

start_app() { # label jar
  DATA=$OUT/data-$1
  mkdir -p "$DATA"
  OMZIEN_DATA_DIR="$DATA" PORT=$PORT OMZIEN_EMBEDDED_DB_PORT=$DB_PORT \
    "$JAVA" ${JAVA_OPTS:-} $(eval echo "\${JAVA_OPTS_$1:-}") -jar "$2" > "$DATA/app.log" 2>&1 &
  APP=$!
  until grep -q "Started Application" "$DATA/app.log"; do
    sleep 1; kill -0 $APP 2>/dev/null || { tail -30 "$DATA/app.log"; exit 1; }
  done
  echo "  $(grep -o 'Started Application in [0-9.]* seconds' "$DATA/app.log" | tail -1)"
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; sleep 2; }

gatling() { # label users mode duration -> runs the simulation, prints the report folder
  local results=$OUT/gatling-$1-$2-$3
  (cd bench/load && MAVEN_OPTS="--add-opens java.base/java.lang=ALL-UNNAMED -Xmx1g" mvn -B -q -o \
    org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
    -DbaseUrl=http://localhost:$PORT -Dusers="$2" -Dmode="$3" -DrampSeconds="$RAMP" -DdurationSeconds="$4" \
    -DthinkMinMs="$THINK_MIN" -DthinkMaxMs="$THINK_MAX" -DleadShare="$LEAD_SHARE" -DstartModule="${START_MODULE:-true}" \
    -DsettleSeconds="$SETTLE" \
    -DdbUrl="jdbc:postgresql://localhost:$DB_PORT/postgres" \
    -DdbPassword="$(cat "$DATA/postgres/omzien-db-password")" -Dresults="$results" > "$results.log" 2>&1) || true
  ls -td "$results"/*/ | head -1
}

# p50/p95/p99 per action from Gatling's report (index.html: count, ok, ko, %ko, rps, min, p50, p75, p95, p99, ...).
report_rows() { # label users load cpuApp cpuPg wall report
  python3 - "$@" <<'EOF'
import re, sys
label, users, load, cpu_app, cpu_pg, wall, report = sys.argv[1:8]
w0, w1, ticks = (sys.argv[8:11] + ['', '', '100'])[:3]
html = open(report + '/index.html', encoding='utf-8').read()
rows = re.findall(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', html, re.S)
total = 0
lines = []
for name, rest in rows:
    cols = dict(re.findall(r'col-(\d+)">([^<]*)<', rest))
    if not cols: continue
    count = int(cols['2'].replace(',', '') or 0)
    if name != 'All Requests': total += count
    lines.append(f"| {label} | {users} | {load} | {name} | {count} | {cols['4']} | {cols['8']} | {cols['10']} | {cols['11']} |")
cpu_app, cpu_pg, wall = float(cpu_app), float(cpu_pg), float(wall)
for l in lines: print(l)
print(f"| {label} | {users} | {load} | **all: {total} requests in {wall:.0f} s; app {cpu_app:.1f} CPU s ({cpu_app/wall:.2f} cores, "
      f"{1000*cpu_app/max(total,1):.1f} ms/request), PostgreSQL {cpu_pg:.1f} CPU s ({1000*cpu_pg/max(total,1):.1f} ms/request)** | | | | | |")
if w0 and w1:
    # Only the full-load window: its requests carry the suffix " (full load)", its CPU was read at its two marks.
    (s0, a0, p0, b0, l0), (s1, a1, p1, b1, l1) = w0.split(), w1.split()
    n = sum(int(dict(re.findall(r'col-(\d+)">([^<]*)<', rest))['2'].replace(',', '') or 0)
            for name, rest in rows if name.endswith(' (full load)') and dict(re.findall(r'col-(\d+)">([^<]*)<', rest)))
    secs, t = float(s1) - float(s0), float(ticks)
    app, pg, busy = (int(a1) - int(a0)) / t, (int(p1) - int(p0)) / t, (int(b1) - int(b0)) / t
    print(f"| {label} | {users} | {l0} → {l1} | **full load: {n} requests in {secs:.0f} s ({n/secs:.0f}/s); app {app/secs:.2f} cores "
          f"({1000*app/max(n,1):.1f} ms/request), PostgreSQL {pg/secs:.2f} cores ({1000*pg/max(n,1):.1f} ms/request), "
          f"whole machine {busy/secs:.2f} cores ({1000*busy/max(n,1):.1f} ms/request; the rest is the load tool)** | | | | | |")
EOF
}

echo "# Load test $(date -u +%FT%TZ) on $(nproc) cores; MODE=$MODE USERS='$USERS' RAMP=$RAMP DURATION=$DURATION think $THINK_MIN-$THINK_MAX ms" >> "$SUMMARY"
if [ "$MODE" != memory ]; then
  echo "| code | users | load 1 min (start → end) | action | requests | errors | p50 ms | p95 ms | p99 ms |" >> "$SUMMARY"
  echo "|---|---|---|---|---|---|---|---|---|" >> "$SUMMARY"
else
  echo "| code | users | load 1 min | heap after full GC, 0 users | with the users, connections open | per user | connections closed, sessions and UIs kept | per user |" >> "$SUMMARY"
  echo "|---|---|---|---|---|---|---|---|" >> "$SUMMARY"
fi

for round in $(seq "$ROUNDS"); do
  for users in $USERS; do
    for spec in "$@"; do
      label=${spec%%=*}; jar=${spec#*=}
      echo "round $round, $label ($jar), $users users, $MODE"
      start_app "$label" "$jar"
      load_start=$(cut -d' ' -f1 /proc/loadavg)
      if [ "$MODE" != memory ]; then
        t0=$(date +%s.%N); a0=$(app_ticks); p0=$(cpu_ticks "$(pg_pid)")
        log=$OUT/gatling-$label-$users-$MODE.log
        rm -f "$log"
        gatling "$label" "$users" "$MODE" "$DURATION" > "$OUT/report-path" &
        GATLING=$!
        # The full-load window (after ramp and settle): CPU of the app, its PostgreSQL and the whole machine.
        window() { until grep -q "$1" "$log" 2>/dev/null; do sleep 0.2; kill -0 $GATLING 2>/dev/null || return 1; done
          echo "$(date +%s.%N) $(app_ticks) $(cpu_ticks "$(pg_pid)") $(busy_ticks) $(cut -d' ' -f1 /proc/loadavg)"; }
        w0=$(window OMZIEN-WINDOW-START || true); w1=$(window OMZIEN-WINDOW-END || true)
        wait $GATLING || true
        report=$(cat "$OUT/report-path")
        t1=$(date +%s.%N); a1=$(app_ticks); p1=$(cpu_ticks "$(pg_pid)")
        load_end=$(cut -d' ' -f1 /proc/loadavg)
        report_rows "$label" "$users" "$load_start → $load_end" \
          "$(echo "($a1-$a0)/$TICKS" | bc -l)" "$(echo "($p1-$p0)/$TICKS" | bc -l)" "$(echo "$t1-$t0" | bc -l)" "$report" \
          "$w0" "$w1" "$TICKS" \
          | tee -a "$SUMMARY"
      else
        heap0=$(heap_after_gc)
        "$JCMD" "$APP" GC.class_histogram > "$OUT/histogram-$label-$users-0.txt"
        # Gatling holds the users for RAMP + 60 s and then stops by itself; measure while all are in.
        gatling "$label" "$users" hold 60 > /dev/null &
        GATLING=$!
        sleep $((RAMP + 45))
        heapN=$(heap_after_gc)
        # What the users hold, class by class: compare with the 0-user histogram (bench/histogram-diff.py)
        "$JCMD" "$APP" GC.class_histogram > "$OUT/histogram-$label-$users-n.txt"
        if [ -n "${HEAP_DUMP:-}" ]; then "$JCMD" "$APP" GC.heap_dump "$OUT/heap-$label-$users.hprof" > /dev/null; fi
        # Users who got as far as the player by then (Gatling prints its counts every 5 s).
        arrived=$(grep -E '^> open player ' "$OUT/gatling-$label-$users-hold.log" | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3+0}')
        arrived=${arrived:-0}
        wait "$GATLING" || true
        # The users' connections are closed now (as a browser's are between heartbeats); sessions and UIs stay.
        sleep 3
        heapIdle=$(heap_after_gc)
        "$JCMD" "$APP" GC.class_histogram > "$OUT/histogram-$label-$users-idle.txt"
        per() { echo $(( ($1 - heap0) * 1024 / (arrived > 0 ? arrived : 1) )); }
        echo "| $label | $users ($arrived in the player) | $load_start | $heap0 MiB | $heapN MiB | $(per "$heapN") KiB | $heapIdle MiB | $(per "$heapIdle") KiB |" | tee -a "$SUMMARY"
      fi
      stop_app
    done
  done
done
echo >> "$SUMMARY"
echo "Summary: $SUMMARY"
