#!/usr/bin/env bash
# Runs every test (unit, component, integration, browser). On a fresh Debian machine it first installs
# what the tests need from Debian's packages: Chromium for the browser tests, a CJK font so screenshots show
# Chinese, and redis-server for the scale-out tests (started by the tests on a free port). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} from Debian's packages..."
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
log=$(mktemp)
status=0
dotnet test SalesCockpit.sln "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line: "N passed, N failed, N skipped".
summary=$(grep -E '(Passed|Failed)!\s+-\s+Failed:' "$log" | tail -1 || true)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed:\s+([0-9]+).*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped:\s+([0-9]+).*/\1/' <<<"$summary")
  echo "$passed passed, $failed failed, $skipped skipped"
fi
rm -f "$log"
exit "$status"
