#!/usr/bin/env bash
# Certificate rendering benchmark (CertificateRenderBenchmark): median and p95 per certificate after
# 1,000 warm-up renders, throughput on 2 threads, peak heap. Not part of the build.
# Usage: bench/certificates.sh [count, default 10000]   (needs JAVA_HOME pointing at JDK 21+)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  nl.omzien.certificates.internal.CertificateRenderBenchmark "${1:-10000}"
