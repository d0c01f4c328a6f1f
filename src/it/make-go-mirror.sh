#!/usr/bin/env bash
# Builds go.dev-shaped download roots from the Go installed on this machine, so the integration
# tests can provision an SDK without reaching go.dev:
#   good/       go<ver>.<os>-<arch>.tar.gz with a correct .sha256 sidecar
#   bad-digest/ the same archive with a wrong .sha256 sidecar
#   no-digest/  the same archive and no sidecar at all
set -euo pipefail
out=${1:?usage: make-go-mirror.sh <output-directory>}
export GOTOOLCHAIN=local
goroot=$(go env GOROOT)
version=$(go env GOVERSION)
goos=$(go env GOOS)
goarch=$(go env GOARCH)
[ "$goarch" = arm ] && goarch=armv6l
archive="$version.$goos-$goarch.tar.gz"
if [ -s "$out/good/$archive" ] && [ -s "$out/good/$archive.sha256" ]; then
  echo "Go mirror for $version already in $out"
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/good" "$out/bad-digest" "$out/no-digest"
# Every entry under go/, as in the official archives.
tar -C "$goroot" --transform 's,^\.,go,' --owner=0 --group=0 -cf - . | gzip -1 > "$out/good/$archive.part"
mv "$out/good/$archive.part" "$out/good/$archive"
sha256sum "$out/good/$archive" | cut -d' ' -f1 > "$out/good/$archive.sha256"
ln "$out/good/$archive" "$out/bad-digest/$archive"
echo "0000000000000000000000000000000000000000000000000000000000000000" > "$out/bad-digest/$archive.sha256"
ln "$out/good/$archive" "$out/no-digest/$archive"
echo "Go mirror for $version in $out ($(du -h "$out/good/$archive" | cut -f1))"
