#!/bin/sh
# Installs the Debian packages the browser tests need: Chromium. Does nothing if it is there.
set -e
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing: install Debian's 'chromium' package (the browser tests skip without it)." >&2
    exit 0
fi
echo "Installing Chromium for the browser tests …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
