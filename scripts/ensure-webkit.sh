#!/usr/bin/env bash
# The WebKit browser tests drive Debian's WebKitGTK (Safari's engine) through its WebDriver, under Xvfb: its
# MiniBrowser cannot run headless. Install webkit2gtk-driver and xvfb when missing.
set -euo pipefail
DRIVER="${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}"
MINIBROWSER="${MINIBROWSER_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
if [ -x "$DRIVER" ] && [ -x "$MINIBROWSER" ] && command -v xvfb-run >/dev/null; then exit 0; fi
echo "WebKitGTK's WebDriver or Xvfb is missing: installing Debian's webkit2gtk-driver and xvfb packages..."
bash "$(dirname "$0")/apt-install.sh" webkit2gtk-driver xvfb
# WebKitWebDriver has no --version: say what was installed.
dpkg-query -W -f='${Package} ${Version}\n' webkit2gtk-driver xvfb
