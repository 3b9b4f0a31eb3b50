#!/usr/bin/env bash
# Teaching-file export tests check written presentation states with DCMTK's dcmpschk and route objects to the
# archive with storescu, as a PACS would. Install Debian's dcmtk when either is missing.
set -euo pipefail
if command -v dcmpschk >/dev/null && command -v storescu >/dev/null; then exit 0; fi
echo "dcmtk is missing: installing Debian's dcmtk package..."
bash "$(dirname "$0")/apt-install.sh" dcmtk
command -v dcmpschk storescu
