#!/usr/bin/env bash
# The DICOMweb browser tests run against a real Orthanc with its DICOMweb plugin (Debian's packages, started by
# the tests themselves with their own config, never as the system service). Install them when missing.
set -euo pipefail
BIN="${ORTHANC_BIN:-/usr/sbin/Orthanc}"
PLUGIN="${ORTHANC_DICOMWEB_PLUGIN:-/usr/share/orthanc/plugins/libOrthancDicomWeb.so}"
if [ -x "$BIN" ] && [ -f "$PLUGIN" ]; then exit 0; fi
echo "Orthanc or its DICOMweb plugin is missing: installing Debian's orthanc and orthanc-dicomweb packages..."
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq orthanc orthanc-dicomweb >/dev/null
# Not `| head -1`: under pipefail, head closing the pipe kills the script with SIGPIPE (exit 141) on a fresh machine.
version="$("$BIN" --version 2>&1 || true)"
echo "${version%%$'\n'*}"
