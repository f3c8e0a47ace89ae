#!/usr/bin/env bash
# Sign-up benchmark (SignUpBenchmark): many threads sign up for, cancel and accept seats of ONE session
# on the embedded PostgreSQL, then the whole audit trail is replayed to prove no overbooking and strict
# first come, first served. Reports attempts/s, sign-up calls/s, how many seat changes shared a commit
# and CPU per attempt (Java and PostgreSQL). Not part of the build.
# Usage: bench/signups.sh [threads attempts seats people durable], default 64 100000 50 400 true (JAVA_HOME: JDK 21+)
# (Compiling and running are two Maven calls: -Dexec.args would also reach the build's own exec step.)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=nl.omzien.sessions.SignUpBenchmark \
  -Dexec.args="${1:-64} ${2:-100000} ${3:-50} ${4:-400} ${5:-true}"
