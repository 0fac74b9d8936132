#!/usr/bin/env bash
# Install the pinned Prism CLI into tools/prism/node_modules (idempotent).
#
# Runs `npm ci` only when node_modules is missing or was installed from a
# different package-lock.json, so the test command can call it every time.
# Exits 0 without installing when npm is missing or `npm ci` fails: the
# contract tests then skip loudly instead of failing the whole run. Set
# BANDWIDTH_REQUIRE_PRISM=1 to make those cases fail instead.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v npm >/dev/null 2>&1; then
    echo "tools/prism/install.sh: npm not found; Prism contract tests will be skipped" >&2
    [[ "${BANDWIDTH_REQUIRE_PRISM:-}" == "1" ]] && exit 1
    exit 0
fi

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.bandwidth-install-stamp"

if [[ -x node_modules/.bin/prism && -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
    exit 0
fi

if ! npm ci --no-audit --no-fund --loglevel=error >/dev/null; then
    echo "tools/prism/install.sh: 'npm ci' FAILED; Prism contract tests will be skipped" >&2
    # Strict mode (for CI that must run the contract tests): fail instead.
    if [[ "${BANDWIDTH_REQUIRE_PRISM:-}" == "1" ]]; then
        exit 1
    fi
    exit 0
fi
echo "$lock_hash" > "$stamp"
