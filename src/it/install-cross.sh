#!/usr/bin/env bash
# What the cgo ITs test against, from Debian: the real minisign and xz, which sign and pack the file: mirror of Zig
# (src/it/zig-mirror.groovy) independently of gomvn's own verifier; qemu-user-static, which runs the arm64 binaries
# ("it built" is not "it runs"); and gcc-aarch64-linux-gnu with its arm64 glibc (libc6-dev-arm64-cross), the
# bring-your-own cross compiler, whose /usr/aarch64-linux-gnu is also the sysroot qemu runs glibc binaries in.
# Does nothing when all are there. The cgo ITs run it before they start (cross-tools.groovy), so that the README's test
# command works on a fresh machine (root, Debian's packages reachable); .ci/run runs it first.
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
# ITs run two at a time: one installs, the other waits and then finds everything there.
exec 9>"${TMPDIR:-/tmp}/gomvn-install-cross.lock"
flock 9
missing_now=()
for package in "${missing[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing_now+=("$package")
done
[ ${#missing_now[@]} = 0 ] && exit 0
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing_now[@]}" >/dev/null
