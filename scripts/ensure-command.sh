#!/usr/bin/env bash
# A tool the tests need, from Debian's packages if it is missing: ensure-command.sh COMMAND PACKAGE
# (node for the search parity test: ensure-command.sh node nodejs; msgfmt for the PO file tests:
# ensure-command.sh msgfmt gettext).
set -euo pipefail
command="$1" package="$2"
if command -v "$command" >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing Debian's $package (for $command) for the tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null
command -v "$command" >/dev/null 2>&1 || { echo "$package did not provide $command"; exit 1; }
