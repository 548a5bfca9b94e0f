#!/usr/bin/env bash
# e2e-serve.sh: start `statusgen serve` on a copy of the site and run
# scripts/e2e-serve.mjs against it in headless Chromium. Needs what
# scripts/validate-html.sh needs (it installs puppeteer-core; run it first).
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${STATUSGEN_VALIDATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/statusgen-validate}
[ -d "$cache/node_modules/puppeteer-core" ] || { echo "e2e-serve: run scripts/validate-html.sh first (installs puppeteer-core)" >&2; exit 1; }

work=$(mktemp -d)
bin="$work/statusgen"
go build -o "$bin" ./cmd/statusgen
mkdir "$work/site"
cp -r content templates netlify.toml "$work/site/"
"$bin" serve -src "$work/site" -addr 127.0.0.1:0 >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
url=""
for _ in $(seq 100); do
  url=$(sed -n 's|^serving .* on \(http://[^/]*\)/ .*|\1|p' "$work/serve.log")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; echo "e2e-serve: server did not start" >&2; exit 1; }
# The first build finishes before the server accepts connections.
node scripts/e2e-serve.mjs "$cache" "$url" "$work/site"
kill -INT $pid
wait $pid || { echo "e2e-serve: serve did not exit 0 on Ctrl-C" >&2; cat "$work/serve.log" >&2; exit 1; }
