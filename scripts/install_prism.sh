#!/usr/bin/env bash
# Install the Prism mock server (used by tests/runtime/test_contract.py) into .tools/prism,
# a git-ignored, project-local folder. Idempotent: does nothing when the pinned version is there.
# 5.14.2 is the newest @stoplight/prism-cli that runs on Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=5.14.2
DIR=.tools/prism
BIN="$DIR/node_modules/.bin/prism"
PKG="$DIR/node_modules/@stoplight/prism-cli/package.json"
if [ -x "$BIN" ] && [ -f "$PKG" ] && grep -q "\"version\": \"$VERSION\"" "$PKG"; then
  exit 0
fi
command -v npm >/dev/null || { echo "install_prism.sh: npm (Node 20) is needed to install Prism" >&2; exit 1; }
mkdir -p "$DIR"
[ -f "$DIR/package.json" ] || echo '{"name": "sdkgen-tools", "private": true}' > "$DIR/package.json"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error --save-exact "@stoplight/prism-cli@$VERSION"
"$BIN" --version
