#!/usr/bin/env bash
# validate-html.sh: check a built statusgen site with the Nu HTML checker
# (vnu) and axe-core.
#
#   go run ./cmd/statusgen build -out public   # or any other -out
#   scripts/validate-html.sh [SITE_DIR]        # SITE_DIR defaults to public/
#
# Needs these Debian packages (bookworm or newer):
#   apt-get install -y chromium default-jre-headless
# plus Node.js 18 or newer with npm, which the project's machines already
# have (on a bare Debian: apt-get install -y nodejs npm). vnu needs Java 17
# or newer; puppeteer-core drives Debian's Chromium and never downloads a
# browser of its own. The npm registry must be reachable on the first run.
#
# The first run installs vnu-jar, axe-core and puppeteer-core from the npm
# registry into ${XDG_CACHE_HOME:-$HOME/.cache}/statusgen-validate (override
# with $STATUSGEN_VALIDATE_CACHE); later runs reuse them. Versions are pinned
# below; change a pin and the next run reinstalls.
#
# What it checks:
#   - vnu --errors-only on every .html page, and the stylesheet and SVG
#     assets;
#   - scripts/axe-check.mjs: axe on every page, light and dark, at 390x844
#     and 1280x900, plus without JavaScript; sideways page overflow,
#     requests to other hosts and broken tabbed examples fail too.
# Exit status is non-zero if either finds anything. The last line is a
# one-line summary with the counts.
#
# Environment: CHROMIUM (path to the browser, default /usr/bin/chromium),
# AXE_JOBS (pages checked at once, default 2), AXE_SAMPLE=1 (axe on a
# representative page of every kind instead of every page; vnu still checks
# every page).
set -uo pipefail

VNU_VERSION=26.9.27
AXE_VERSION=4.14.1
PUPPETEER_VERSION=24.43.1

here=$(cd "$(dirname "$0")" && pwd)
site=${1:-"$here/../public"}
if [ ! -f "$site/index.html" ]; then
  echo "validate-html: no built site at $site (run: go run ./cmd/statusgen build)" >&2
  exit 2
fi
site=$(cd "$site" && pwd)

for tool in java node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "validate-html: $tool not found (see the top of $0 for what to install)" >&2
    exit 2
  fi
done

cache=${STATUSGEN_VALIDATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/statusgen-validate}
mkdir -p "$cache"

installed() { # name version
  [ -f "$cache/node_modules/$1/package.json" ] &&
    node -e 'process.exit(require(process.argv[1]).version === process.argv[2] ? 0 : 1)' \
      "$cache/node_modules/$1/package.json" "$2"
}
if ! installed vnu-jar "$VNU_VERSION" || ! installed axe-core "$AXE_VERSION" ||
  ! installed puppeteer-core "$PUPPETEER_VERSION"; then
  echo "validate-html: installing vnu-jar@$VNU_VERSION axe-core@$AXE_VERSION puppeteer-core@$PUPPETEER_VERSION into $cache"
  [ -f "$cache/package.json" ] || echo '{"name":"statusgen-validate","private":true}' >"$cache/package.json"
  # --ignore-scripts: vnu-jar's install script only looks for a Java runtime
  # to download, and the jar needs none of it.
  if ! (cd "$cache" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    "vnu-jar@$VNU_VERSION" "axe-core@$AXE_VERSION" "puppeteer-core@$PUPPETEER_VERSION"); then
    echo "validate-html: npm install failed" >&2
    exit 2
  fi
fi
vnu_jar="$cache/node_modules/vnu-jar/build/dist/vnu.jar"

# 1. The Nu HTML checker, once over every page and asset.
pages=$(find "$site" -type f -name '*.html' | wc -l | tr -d ' ')
vnu_log=$(mktemp)
axe_log=$(mktemp)
trap 'rm -f "$vnu_log" "$axe_log"' EXIT
echo "== vnu $VNU_VERSION: $pages pages"
find "$site" -type f \( -name '*.html' -o -name '*.css' -o -name '*.svg' \) -print0 | sort -z |
  xargs -0 java -jar "$vnu_jar" --errors-only --also-check-css --also-check-svg --format gnu >"$vnu_log" 2>&1
vnu_rc=$?
vnu_errors=$(grep -c ': error' "$vnu_log")
cat "$vnu_log"
if [ "$vnu_rc" -ne 0 ] && [ "$vnu_errors" -eq 0 ]; then
  vnu_errors=1 # it failed without saying where: count that as one
fi

# 2. axe-core in Chromium.
echo "== axe-core $AXE_VERSION: every page, light and dark, phone and desktop, and without JavaScript"
axe_flags=()
[ -n "${AXE_SAMPLE:-}" ] && axe_flags+=(--sample)
node "$here/axe-check.mjs" --modules "$cache" --jobs "${AXE_JOBS:-2}" "${axe_flags[@]}" "$site" 2>&1 | tee "$axe_log"
axe_rc=${PIPESTATUS[0]}
axe_summary=$(tail -n 1 "$axe_log")
axe_counts=$(sed -n 's/^axe [^:]*: [0-9]* pages, [0-9]* runs, \(.*\) needing review;.*/\1/p' <<<"$axe_summary")
axe_counts=${axe_counts%, *} # drop "N" of "N needing review": informational

status=OK
if [ "$vnu_errors" -ne 0 ] || [ "$axe_rc" -ne 0 ]; then status=FAILED; fi
if [ "$axe_rc" -ge 2 ] || [ -z "$axe_counts" ]; then
  echo "validate-html: $pages pages: vnu $vnu_errors errors; axe-check could not run (exit $axe_rc): FAILED"
  exit 2
fi
echo "validate-html: $pages pages: vnu $vnu_errors errors; axe $axe_counts: $status"
[ "$status" = OK ]
