#!/usr/bin/env bash
# Takes a fresh Debian bookworm machine to a working kit: the Debian packages
# the app under test and the browser need, the npm dependencies, then the
# provisioned app under test (the real installers) and the built SPA. Idempotent: what is there is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

# PHP and its extensions for Laravel + SQLite, Composer, Chromium for the specs,
# unzip (Composer's downloads; the e2e run reads the HTML report's data with it),
# and the topologies' parts: nginx (TLS in front of API and SPA; the replicas'
# load balancer), mkcert (a CA made per run), certutil (the launched Chromium's
# trust of it), Redis and its PHP client (the replicas' shared sessions and cache).
packages=(php8.2-cli php8.2-sqlite3 php8.2-curl php8.2-mbstring php8.2-xml composer chromium unzip nginx-light mkcert libnss3-tools redis-server php8.2-redis)

source scripts/lib/ensure-debian-packages.sh
ensure_debian_packages install-machine "${packages[@]}"

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

npm run --silent provision
