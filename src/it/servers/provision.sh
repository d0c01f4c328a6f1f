#!/usr/bin/env bash
# Prints the path of a server the tests start on 127.0.0.1, or of a tool they run, building it first when it is not cached:
#   registry           the CNCF distribution registry v3.1.2 (./registry: its registry package with the filesystem
#                      driver and htpasswd auth), from the Go module proxy, checked against ./registry/go.sum
#   build-cache-store  the shared build cache store of ./build-cache-store, for machines without nginx
#   crane              go-containerregistry v0.22.1's crane (./crane: its cmd/crane main), a tool with no gomvn code
#                      that the image ITs read gomvn's images and layouts with, checked against ./crane/go.sum
#   cosign             sigstore's cosign v2.6.5 (./cosign: its cli package), a tool with no gomvn code that checks
#                      gomvn's signatures and attestations, checked against ./cosign/go.sum; the first build
#                      takes minutes (about 5 on 2 cores with an empty module cache)
# Built with the Go on PATH (GOTOOLCHAIN=local) into a cache keyed by server, version and Go version:
# $GOMVN_TEST_SERVERS, else ${XDG_CACHE_HOME:-~/.cache}/gomvn-test-servers. Concurrent callers (two test
# JVMs, two ITs) wait for one build under a lock; a build that fails leaves nothing behind.
set -euo pipefail
export GOTOOLCHAIN=local
here="$(cd "$(dirname "$0")" && pwd)"
name="${1:?usage: provision.sh registry|build-cache-store|crane|cosign}"
case "$name" in
  registry|build-cache-store|crane|cosign) ;;
  *) echo "provision.sh: unknown server '$name'; use registry, build-cache-store, crane or cosign" >&2; exit 2 ;;
esac
# The sources' digest names the build: a changed pin or program builds anew.
sha256() { if command -v sha256sum > /dev/null; then sha256sum; else shasum -a 256; fi; }
version="$(cat "$here/$name"/go.* "$here/$name"/*.go | sha256 | cut -c1-12)"
cache="${GOMVN_TEST_SERVERS:-${XDG_CACHE_HOME:-$HOME/.cache}/gomvn-test-servers}"
directory="$cache/$name-$version-$(go env GOVERSION)"
binary="$directory/$name"
if [ ! -x "$binary" ]; then
  mkdir -p "$cache"
  if command -v flock > /dev/null; then
    exec 9> "$cache/$name.lock"
    flock 9
  else
    # macOS has no flock(1): a directory is created atomically; one left by a killed build is taken over.
    until mkdir "$cache/$name.lock.d" 2> /dev/null; do
      owner="$(cat "$cache/$name.lock.d/pid" 2> /dev/null || true)"
      if [ -n "$owner" ] && ! kill -0 "$owner" 2> /dev/null; then rm -rf "$cache/$name.lock.d"; else sleep 1; fi
    done
    echo $$ > "$cache/$name.lock.d/pid"
    trap 'rm -rf "$cache/$name.lock.d"' EXIT
  fi
  if [ ! -x "$binary" ]; then
    partial="$(mktemp -d "$cache/.$name.XXXXXX")"
    trap 'rm -rf "$partial" "$cache/$name.lock.d"' EXIT
    started=$SECONDS
    (cd "$here/$name" && GOFLAGS=-mod=readonly go build -trimpath -o "$partial/$name" .) >&2
    rm -rf "$directory"
    mv "$partial" "$directory"
    echo "provision.sh: built $name $version with $(go env GOVERSION) in $((SECONDS - started)) s: $binary" >&2
  fi
fi
echo "$binary"
