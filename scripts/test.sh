#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine, then run all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/python -m pytest "$@"
