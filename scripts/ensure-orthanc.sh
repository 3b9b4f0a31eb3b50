#!/usr/bin/env bash
# The DICOMweb browser tests run against a real Orthanc with its DICOMweb plugin (Debian's packages, started by
# the tests themselves with their own config, never as the system service). Install them when missing.
set -euo pipefail
BIN="${ORTHANC_BIN:-/usr/sbin/Orthanc}"
PLUGIN="${ORTHANC_DICOMWEB_PLUGIN:-/usr/share/orthanc/plugins/libOrthancDicomWeb.so}"
if [ -x "$BIN" ] && [ -f "$PLUGIN" ]; then exit 0; fi
echo "Orthanc or its DICOMweb plugin is missing: installing Debian's orthanc and orthanc-dicomweb packages..."
bash "$(dirname "$0")/apt-install.sh" orthanc orthanc-dicomweb
# The first line only, without a pipe: under pipefail a reader that stops early kills the writer (SIGPIPE, 141).
version="$("$BIN" --version 2>&1 || true)"
echo "${version%%$'\n'*}"
