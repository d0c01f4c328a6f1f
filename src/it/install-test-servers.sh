#!/usr/bin/env bash
# Installs the real servers the ITs and bench/run start on 127.0.0.1: nginx with WebDAV (Debian's
# nginx-light has ngx_http_dav_module built in) as the shared Go build cache store, and the CNCF
# distribution registry (Debian's docker-registry) that go:image-push pushes to.
# Called by .ci/run; does nothing when both are already there.
set -euo pipefail
missing=()
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  missing+=(nginx-light)
fi
if ! command -v docker-registry >/dev/null 2>&1; then
  missing+=(docker-registry)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "${missing[*]} missing: install Debian's ${missing[*]} (apt-get install -y ${missing[*]}) and run again" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
