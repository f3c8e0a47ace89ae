#!/usr/bin/env bash
# Sign-up benchmark (SignUpBenchmark): concurrent callers sign up for, cancel and accept seats of ONE
# session on the embedded PostgreSQL with durable commits, then the whole audit trail is replayed to prove
# no overbooking and strict first come, first served. Reports seat changes per second, the p50/p95/p99
# latency of a sign-up, and CPU per attempt (Java and PostgreSQL). Not part of the build.
# Usage: bench/signups.sh [callers attempts seats people durable], default 20 20000 30 200 true (JAVA_HOME: JDK 21+)
# (Compiling and running are two Maven calls: -Dexec.args would also reach the build's own exec step.)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=nl.omzien.sessions.SignUpBenchmark \
  -Dexec.args="${1:-20} ${2:-20000} ${3:-30} ${4:-200} ${5:-true}"
