#!/usr/bin/env bash
# The recorded-lesson tests make spoken narration from text they own: espeak-ng speaks it, sox pads and joins the
# sentences into one WAV. Install Debian's espeak-ng and sox when missing.
set -euo pipefail
if command -v espeak-ng >/dev/null && command -v sox >/dev/null; then exit 0; fi
echo "espeak-ng or sox is missing: installing Debian's espeak-ng and sox packages..."
bash "$(dirname "$0")/apt-install.sh" espeak-ng sox
espeak-ng --version
sox --version
