#!/bin/sh
# Installs what tests/test_browser.py needs and the project venv lacks:
#   * Debian's Chromium (/usr/bin/chromium), only when missing and when run as root;
#   * playwright-core from the npm registry into tests/browser/node_modules (no browser download:
#     the test points playwright at /usr/bin/chromium).
# Safe to rerun; exits non-zero when something could not be installed.
set -e
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
  else
    echo "chromium is missing and cannot be installed here (needs root and apt-get)" >&2; exit 1
  fi
fi
command -v node >/dev/null 2>&1 || { echo "node is missing" >&2; exit 1; }
if [ ! -d node_modules/playwright-core ]; then
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund >/dev/null; else npm install --no-audit --no-fund >/dev/null; fi
fi
echo "browser test tools ready: $(chromium --version 2>/dev/null | head -1), node $(node --version), playwright-core $(node -p "require('./node_modules/playwright-core/package.json').version")"
