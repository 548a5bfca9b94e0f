#!/usr/bin/env bash
# screenshots.sh: build the site and save screenshots of the home page, a
# code page and search in use, at 390 and 1280 CSS pixels wide, light and
# dark, into docs/screenshots/ (NAME-WIDTH-SCHEME.png), with Debian's
# Chromium driven by chromedp (internal/browsertest).
#
#   scripts/screenshots.sh [OUT_DIR]
#
# Needs Chromium (apt-get install -y chromium, or $CHROMIUM). One page at a
# time, with other sizes or without JavaScript:
#   go run ./internal/cmd/screenshots -path /status/404/ -width 1280 -dark -nojs -o shot.png
set -euo pipefail
cd "$(dirname "$0")/.."
go run ./internal/cmd/screenshots -src . -out "${1:-docs/screenshots}"
