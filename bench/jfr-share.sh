#!/usr/bin/env bash
# Share of the app's CPU samples whose stack contains a given frame, from a JFR recording.
# Usage: bench/jfr-share.sh recording.jfr [frame ...]   (default frame: Spring AOP deciding whether to proxy a bean)
# Record a load run with: JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile" bench/load.sh ...
set -euo pipefail
JFR=${JAVA_HOME:+$JAVA_HOME/bin/}jfr
file=$1; shift
frames=("${@:-AbstractAdvisorAutoProxyCreator.findEligibleAdvisors}")
"$JFR" print --events jdk.ExecutionSample --stack-depth 200 "$file" | python3 -c '
import sys
frames = sys.argv[1:]
total = 0; hits = {f: 0 for f in frames}; stack = []
def flush():
    global total
    if stack:
        total += 1
        text = "\n".join(stack)
        for f in frames:
            if f in text: hits[f] += 1
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        flush(); stack = []
    else:
        stack.append(line)
flush()
print(f"{total} samples")
for f in frames:
    print(f"{hits[f]:7d} ({100 * hits[f] / max(total, 1):5.1f}%)  {f}")
' "${frames[@]}"
