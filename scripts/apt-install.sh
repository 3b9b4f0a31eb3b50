#!/usr/bin/env bash
# Installs Debian packages the tests need: `bash scripts/apt-install.sh <package>…`. As root, or through sudo;
# waits for a dpkg lock another install holds; the variable goes to apt-get itself, through sudo too.
set -euo pipefail
SUDO=()
if [ "$(id -u)" != 0 ]; then SUDO=(sudo); fi
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >/dev/null
