#!/bin/sh
# Installs the Debian packages some tests need: Chromium (the browser tests), nginx (two
# LanguageTool servers behind it, tests/scale/), Redis (a rate limit shared by two app
# instances, tests/web/test_access.py) and PostgreSQL (the names store on a real server,
# tests/databases.py). Does nothing for what is there already.
set -e
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/sbin/nginx ] || missing="$missing nginx"
[ -x /usr/bin/redis-server ] || missing="$missing redis-server"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
if [ -z "$missing" ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing Debian packages:$missing (install them as root; the tests that need them skip without)." >&2
    exit 0
fi
echo "Installing$missing for the tests …"
apt-get update -qq
# The tests run nginx, Redis and PostgreSQL with configurations of their own; they need no services.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
