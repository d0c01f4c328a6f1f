#!/usr/bin/env bash
# Prints the path of a server the tests start on 127.0.0.1, building it first when it is not cached:
#   registry           the CNCF distribution registry v3.1.2 (./registry: its registry package with the filesystem
#                      driver and htpasswd auth), from the Go module proxy, checked against ./registry/go.sum
#   build-cache-store  the shared build cache store of ./build-cache-store, for machines without nginx
# Built with the Go on PATH (GOTOOLCHAIN=local) into a cache keyed by server, version and Go version:
# $GOMVN_TEST_SERVERS, else ${XDG_CACHE_HOME:-~/.cache}/gomvn-test-servers. Concurrent callers (two test
# JVMs, two ITs) wait for one build under a lock; a build that fails leaves nothing behind.
set -euo pipefail
export GOTOOLCHAIN=local
here="$(cd "$(dirname "$0")" && pwd)"
name="${1:?usage: provision.sh registry|build-cache-store}"
case "$name" in
  registry|build-cache-store) ;;
  *) echo "provision.sh: unknown server '$name'; use registry or build-cache-store" >&2; exit 2 ;;
esac
# The sources' digest names the build: a changed pin or program builds anew.
version="$(cat "$here/$name"/go.* "$here/$name"/*.go | sha256sum | cut -c1-12)"
cache="${GOMVN_TEST_SERVERS:-${XDG_CACHE_HOME:-$HOME/.cache}/gomvn-test-servers}"
directory="$cache/$name-$version-$(go env GOVERSION)"
binary="$directory/$name"
if [ ! -x "$binary" ]; then
  mkdir -p "$cache"
  exec 9> "$cache/$name.lock"
  flock 9
  if [ ! -x "$binary" ]; then
    partial="$(mktemp -d "$cache/.$name.XXXXXX")"
    trap 'rm -rf "$partial"' EXIT
    started=$SECONDS
    (cd "$here/$name" && GOFLAGS=-mod=readonly go build -trimpath -o "$partial/$name" .) >&2
    rm -rf "$directory"
    mv "$partial" "$directory"
    trap - EXIT
    echo "provision.sh: built $name $version with $(go env GOVERSION) in $((SECONDS - started)) s: $binary" >&2
  fi
fi
echo "$binary"
