#!/usr/bin/env bash
# Installs the real servers the ITs and bench/run start on 127.0.0.1: nginx with WebDAV (Debian's
# nginx-light has ngx_http_dav_module built in) as the shared Go build cache store.
# Called by .ci/run; does nothing when nginx is already there.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "nginx is missing: install Debian's nginx-light (apt-get install -y nginx-light) and run again" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq nginx-light >/dev/null
