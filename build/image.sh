#!/usr/bin/env bash
# Builds the container image as a tar, without a Docker daemon or an image registry (decision 019), and checks it:
#   1. a Java runtime for the image: jlink from the JDK that builds (JAVA_HOME), plus the C libraries it links
#      against, copied from this (Debian) machine: the image is "from scratch", with nothing else in it;
#   2. mvn jib:buildTar -> target/omzien-image.tar (load it with: docker load -i target/omzien-image.tar);
#   3. the tar holds the app, its libraries (the same as the jar's, so no development tools) and the runtime;
#   4. with SMOKE_DATASOURCE_URL (+ _USER, _PASSWORD) set and root: runs the image's file system in a chroot
#      as the image's user against that PostgreSQL and waits for /actuator/health to say UP.
# Run after mvn package (CI: after mvn -B verify). Usage: bash build/image.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
RUNTIME="$PWD/target/image-runtime"
IMAGE=target/omzien-image.tar

# 1. The runtime. Modules: what Spring Boot, Vaadin, Tomcat, PostgreSQL's driver, PDFBox/AWT (headless), JMX
#    (metrics) and Dutch locale data need.
rm -rf "$RUNTIME" && mkdir -p "$RUNTIME/opt" "$RUNTIME/tmp" "$RUNTIME/data"
"$JAVA_HOME/bin/jlink" --strip-debug --no-header-files --no-man-pages --output "$RUNTIME/opt/java" --add-modules \
  java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# Every shared library the runtime's programs and libraries load from the system (glibc, zlib, ...), same paths.
find "$RUNTIME/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | LD_LIBRARY_PATH="$RUNTIME/opt/java/lib:$RUNTIME/opt/java/lib/server" xargs -0 ldd 2>/dev/null \
  | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | grep -v "^$RUNTIME" | sort -u \
  | while read -r lib; do mkdir -p "$RUNTIME$(dirname "$lib")"; cp -L "$lib" "$RUNTIME$lib"; done
# The dynamic loader is looked up at its absolute path; Debian keeps the real file under /lib/x86_64-linux-gnu.
[ -e "$RUNTIME/lib64/ld-linux-x86-64.so.2" ] || { mkdir -p "$RUNTIME/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$RUNTIME/lib64/"; }
mkdir -p "$RUNTIME/etc" && echo "omzien:x:10001:10001::/tmp:/sbin/nologin" > "$RUNTIME/etc/passwd" && echo "omzien:x:10001:" > "$RUNTIME/etc/group"

# 2. The image.
mvn -B -q jib:buildTar

# 3. What is in it.
[ -s "$IMAGE" ] || { echo "no image tar at $IMAGE" >&2; exit 1; }
WORK=$(mktemp -d)
# /proc is mounted into the unpacked image below (as a container runtime would): unmount before removing, and
# never let rm cross into another file system.
cleanup() { umount "$WORK/root/proc" 2>/dev/null || true; rm -rf --one-file-system "$WORK"; }
trap cleanup EXIT
tar -xf "$IMAGE" -C "$WORK"
mkdir -p "$WORK/root"
for layer in $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$WORK/manifest.json"); do
  tar -xzf "$WORK/$layer" -C "$WORK/root" 2>/dev/null || tar -xf "$WORK/$layer" -C "$WORK/root"
done
for must in app/classes/nl/omzien/Application.class app/classes/db/migration opt/java/bin/java lib64/ld-linux-x86-64.so.2; do
  [ -e "$WORK/root/$must" ] || { echo "image lacks /$must" >&2; exit 1; }
done
diff <(ls "$WORK/root/app/libs" | sort) <(unzip -Z1 target/omzien-*.jar 'BOOT-INF/lib/*' | sed 's#BOOT-INF/lib/##' | grep -v '^$' | grep -v '^spring-boot-jarmode' | sort) \
  || { echo "the image's libraries differ from the jar's (above)" >&2; exit 1; }
# Running it needs root and the right to mount /proc (a container without it still builds and checks the image).
CAN_RUN=false
mkdir -p "$WORK/root/proc" "$WORK/root/dev"
if [ "$(id -u)" -eq 0 ] && mount -t proc proc "$WORK/root/proc" 2>/dev/null; then
  CAN_RUN=true
  # What a container runtime provides: /proc and the few device files the JVM reads (random numbers, null).
  for node in "null c 1 3" "zero c 1 5" "random c 1 8" "urandom c 1 9"; do
    set -- $node; mknod -m 666 "$WORK/root/dev/$1" "$2" "$3" "$4"
  done
  chroot --userspec=10001:10001 "$WORK/root" /opt/java/bin/java -version 2>&1 | head -1
fi
echo "Image OK: $IMAGE ($(du -h "$IMAGE" | cut -f1)), $(ls "$WORK/root/app/libs" | wc -l) libraries, Java $(ls "$WORK/root/opt/java/release" >/dev/null && sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$WORK/root/opt/java/release")"

# 4. Start it (CI): the image's entrypoint, in a chroot as user 10001, against the real PostgreSQL.
if [ -n "${SMOKE_DATASOURCE_URL:-}" ] && ! $CAN_RUN; then
  echo "Image smoke test skipped: not root, or /proc cannot be mounted here (the image itself is built and checked)"
fi
if [ -n "${SMOKE_DATASOURCE_URL:-}" ] && $CAN_RUN && command -v curl >/dev/null; then
  mapfile -t ENTRY < <(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print("\n".join(c["config"]["Entrypoint"]))' \
      "$WORK/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["Config"])' "$WORK/manifest.json")")
  PORT=18080
  env -i PATH=/opt/java/bin JAVA_HOME=/opt/java OMZIEN_DATA_DIR=/data LANG=C.UTF-8 PORT=$PORT \
      SPRING_DATASOURCE_URL="$SMOKE_DATASOURCE_URL" SPRING_DATASOURCE_USERNAME="$SMOKE_DATASOURCE_USER" \
      SPRING_DATASOURCE_PASSWORD="$SMOKE_DATASOURCE_PASSWORD" OMZIEN_DEMO_DATA=false \
      "$(command -v chroot)" --userspec=10001:10001 "$WORK/root" "${ENTRY[@]}" > target/image-smoke.log 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      echo "Image smoke test: /actuator/health is UP"; kill "$APP"; wait "$APP" 2>/dev/null || true; exit 0
    fi
    kill -0 "$APP" 2>/dev/null || break
    sleep 1
  done
  kill "$APP" 2>/dev/null || true
  echo "The image's app did not become healthy; target/image-smoke.log:" >&2; tail -40 target/image-smoke.log >&2; exit 1
fi
