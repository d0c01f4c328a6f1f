#!/usr/bin/env bash
# Installs what src/it/zig-mirror.groovy needs to make a signed file: mirror of Zig for the cgo ITs: the real
# minisign (Debian's 0.11), which signs the mirror's archive independently of gomvn's own verifier, and xz, which
# packs it as ziglang.org does. Does nothing when both are there.
set -euo pipefail
if command -v minisign >/dev/null 2>&1 && command -v xz >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "minisign or xz missing: install them (apt-get install -y minisign xz-utils) and run again" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends minisign xz-utils >/dev/null
