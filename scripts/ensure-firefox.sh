#!/usr/bin/env bash
# The Firefox browser tests drive Debian's Firefox ESR over WebDriver BiDi (puppeteer-core; browsers cannot be
# downloaded by npm here). Install it when missing.
set -euo pipefail
BIN="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
if [ -x "$BIN" ]; then exit 0; fi
echo "Firefox ESR is missing: installing Debian's firefox-esr package..."
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq firefox-esr >/dev/null
"$BIN" --version
