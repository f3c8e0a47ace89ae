#!/usr/bin/env bash
# Coalition dashboard at national scale: fills a separate embedded PostgreSQL (target/national-scale,
# never the dev or test database) with NationalScaleGenerator, then times every dashboard query with
# DashboardBenchmark. Not part of the build. JAVA_HOME: JDK 21+.
# Usage: bench/dashboard.sh generate [scale]   (default 1.0: 342 municipalities, 1,000,000 participants)
#        bench/dashboard.sh measure [runs]     (default 20 timed runs per query, after 5 warm-up runs)
# (Compiling and running are two Maven calls: -Dexec.args would also reach the build's own exec step.)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
case "${1:-}" in
  generate) mvn -B -q exec:java -Dexec.classpathScope=test \
              -Dexec.mainClass=nl.omzien.dashboard.internal.NationalScaleGenerator -Dexec.args="${2:-1.0}" ;;
  measure)  mvn -B -q exec:java -Dexec.classpathScope=test \
              -Dexec.mainClass=nl.omzien.dashboard.internal.DashboardBenchmark -Dexec.args="${2:-20}" ;;
  *) echo "usage: bench/dashboard.sh generate [scale] | measure [runs]" >&2; exit 2 ;;
esac
