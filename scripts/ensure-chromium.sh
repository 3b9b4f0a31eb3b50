#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (browsers cannot be downloaded by npm here). Install it when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium is missing: installing Debian's chromium package..."
bash "$(dirname "$0")/apt-install.sh" chromium
/usr/bin/chromium --version
