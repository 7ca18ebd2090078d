#!/usr/bin/env bash
# Takes screenshots of the app's pages (1920x1080 and 1366x768, en-US and zh-CN) with headless Chromium,
# for a person to look at. Same prerequisites as the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${SALESCOCKPIT_SCREENSHOTS:-$PWD/artifacts/screenshots}
mkdir -p "$out"
SALESCOCKPIT_SCREENSHOTS="$out" scripts/test.sh --filter "Category=ScreenshotTour|FullyQualifiedName~Browser"
echo "Screenshots: $out"
