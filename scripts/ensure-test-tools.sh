#!/usr/bin/env bash
# The checkers the tests run on the built site: the W3C Nu HTML checker (vnu-jar, needs Java) and
# Lighthouse (needs Node.js), exact versions from tools/package-lock.json. Installs what is missing:
# Java and Node.js from Debian, the npm packages into tools/node_modules (npm ci, no install scripts:
# vnu-jar ships its jar, Lighthouse drives Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Installing ${missing[*]} for the HTML checker and Lighthouse..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
stamp=tools/node_modules/.installed-from-lock
if [ ! -f "$stamp" ] || [ tools/package-lock.json -nt "$stamp" ]; then
  echo "Installing the pinned npm test tools (tools/package-lock.json)..."
  npm ci --prefix tools --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
