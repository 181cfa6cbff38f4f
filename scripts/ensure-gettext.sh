#!/usr/bin/env bash
# The translator-file tests check the exported PO files with GNU gettext's msgfmt. Install it if missing.
set -euo pipefail
if command -v msgfmt >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian's gettext for the PO file tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gettext >/dev/null
