#!/usr/bin/env bash
# Installs the system packages the tests drive for real: Debian's Chromium (Playwright cannot
# download browsers here) and Debian's PostgreSQL server (integration tests start their own).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing system packages for the tests: ${need[*]}"
sudo=''
[ "$(id -u)" -ne 0 ] && sudo='sudo'
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
