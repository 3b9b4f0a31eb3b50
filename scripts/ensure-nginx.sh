#!/usr/bin/env bash
# The deployment test serves the built app from a sub-path of a real nginx (Debian's package, started by the
# test itself with its own config, never as the system service). Install it when missing.
set -euo pipefail
BIN="${NGINX_BIN:-/usr/sbin/nginx}"
if [ -x "$BIN" ]; then exit 0; fi
echo "nginx is missing: installing Debian's nginx package..."
bash "$(dirname "$0")/apt-install.sh" nginx
"$BIN" -v
