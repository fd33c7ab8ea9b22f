#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium (/usr/bin/chromium) with Playwright, which never downloads a
# browser here. Installs chromium and chromium-driver when missing (as root, from Debian's packages); when that is
# not possible the browser tests report themselves skipped with the reason.
set -uo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then exit 0; fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "chromium.sh: /usr/bin/chromium missing and cannot be installed here (needs root and apt-get); browser tests will be skipped" >&2
  exit 0
fi
echo "chromium.sh: installing Debian's chromium and chromium-driver for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1
  apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 || echo "chromium.sh: installing chromium failed; browser tests will be skipped" >&2
fi
exit 0
