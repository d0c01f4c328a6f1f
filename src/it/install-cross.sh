#!/usr/bin/env bash
# What the cgo ITs test against, from Debian: the real minisign and xz, which sign and pack the file: mirror of Zig
# (src/it/zig-mirror.groovy) independently of gomvn's own verifier; qemu-user-static, which runs the arm64 binaries
# ("it built" is not "it runs"); and gcc-aarch64-linux-gnu with its arm64 glibc (libc6-dev-arm64-cross), the
# bring-your-own cross compiler, whose /usr/aarch64-linux-gnu is also the sysroot qemu runs glibc binaries in.
# Does nothing when all are there.
set -euo pipefail
missing=()
command -v minisign >/dev/null 2>&1 || missing+=(minisign)
command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu)
[ -f /usr/aarch64-linux-gnu/lib/libc.so.6 ] || missing+=(libc6-dev-arm64-cross)
[ ${#missing[@]} = 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing for the cgo ITs: ${missing[*]}; install them (apt-get install -y ${missing[*]}) and run again" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
