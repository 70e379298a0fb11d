#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine, then run all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install_prism.sh  # the Prism mock server of the contract tests (tests/runtime)
exec .venv/bin/python -m pytest "$@"
