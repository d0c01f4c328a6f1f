#!/usr/bin/env bash
# Installs nginx with WebDAV (Debian's nginx-light has ngx_http_dav_module built in), the reference server of the
# shared Go build cache store, which IT build-cache-shared and bench/run start on 127.0.0.1. Without it the IT
# runs against src/it/servers/build-cache-store and the build says so in one WARNING; CI always installs it.
# Called by .ci/run; does nothing when nginx is already there.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "nginx missing: install Debian's nginx-light (apt-get install -y nginx-light) and run again" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
