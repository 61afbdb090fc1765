#!/bin/sh
# Installs the Debian packages some tests need: Chromium (the browser tests) and nginx (two
# LanguageTool servers behind it, tests/scale/). Does nothing for what is there already.
set -e
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/sbin/nginx ] || missing="$missing nginx"
if [ -z "$missing" ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing Debian packages:$missing (install them as root; the tests that need them skip without)." >&2
    exit 0
fi
echo "Installing$missing for the tests …"
apt-get update -qq
# The tests run nginx with a configuration of their own; they need no nginx service.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
