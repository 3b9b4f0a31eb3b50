#!/usr/bin/env bash
# The Firefox browser tests drive Debian's Firefox ESR over WebDriver BiDi (puppeteer-core; browsers cannot be
# downloaded by npm here). Install it when missing.
set -euo pipefail
BIN="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
if [ -x "$BIN" ]; then exit 0; fi
echo "Firefox ESR is missing: installing Debian's firefox-esr package..."
bash "$(dirname "$0")/apt-install.sh" firefox-esr
"$BIN" --version
