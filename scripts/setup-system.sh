#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: chromium (browser tests) and
# postgresql (server store). Idempotent; skips what is already there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Debian keeps the server binaries off PATH; the tests look for them where the package puts them.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup-system: need root to apt-get install ${need[*]}; those tests will be skipped" >&2
    exit 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "setup-system: chromium=$(command -v chromium || echo none)" \
  "postgresql=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || echo none)"
