#!/usr/bin/env bash
# Runs the project's benchmarks side by side and rewrites docs/benchmarks.md
# with the figures. The machines are shared and noisy: compare numbers from
# one run of this script, not across runs.
#
#   scripts/bench.sh            # real site and the 10,000-page site (a few minutes)
#   QUICK=1 scripts/bench.sh    # skip the 10,000-page site
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "== full build and rebuild after a one-page edit (real site)" >&2
go test ./internal/build -run '^$' -bench 'Build_RealContent|Rebuild_OneBodyEdit' -benchtime 10x -count 1 | tee -a "$out" >&2

echo "== save-to-reload latency" >&2
pattern='SaveToReload/real-site'
[ -z "${QUICK:-}" ] && pattern='SaveToReload'
go test ./internal/server -run '^$' -bench "$pattern" -benchtime 40x -count 1 -timeout 60m | tee -a "$out" >&2

field() { # field BENCH-REGEX UNIT -> value before UNIT on the matching line
  awk -v re="$1" -v unit="$2" '$1 ~ re { for (i = 2; i <= NF; i++) if ($i == unit) print $(i-1) }' "$out" | head -1
}
ms() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e6 }'; }

full=$(field 'Build_RealContent' 'ns/op')
scratch=$(field 'Rebuild_OneBodyEdit/from-scratch' 'ns/op')
incr=$(field 'Rebuild_OneBodyEdit/incremental' 'ns/op')
ratio=$(awk -v a="$scratch" -v b="$incr" 'BEGIN { printf "%.0f", a / b }')
pages=$(go run ./cmd/statusgen build -out "$(mktemp -d)/public" | awk '{print $2}')

{
  echo "# Benchmarks"
  echo
  echo "Written by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD),"
  echo "$(go version | cut -d' ' -f3), $(nproc) cores ($(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//'))."
  echo "All figures below come from one run; ratios compare numbers measured side by side."
  echo
  echo "| What | Figure |"
  echo "| --- | --- |"
  echo "| Full build of the real site ($pages pages), \`BenchmarkBuild_RealContent\` | $(ms "$full") ms |"
  echo "| Rebuild after a one-page body edit, from scratch | $(ms "$scratch") ms |"
  echo "| Same rebuild, incremental (as \`serve\` does) | $(ms "$incr") ms (${ratio}x faster) |"
  echo "| Save-to-reload, real site: median / p95 | $(field 'SaveToReload/real-site' 'median-ms') ms / $(field 'SaveToReload/real-site' 'p95-ms') ms |"
  if [ -z "${QUICK:-}" ]; then
    echo "| Save-to-reload, 10,000-page synthetic site: median / p95 | $(field 'SaveToReload/synthetic-10k' 'median-ms') ms / $(field 'SaveToReload/synthetic-10k' 'p95-ms') ms |"
  fi
  echo
  echo "Save-to-reload is the time from writing a content file to the \`reload\` event"
  echo "on the live-reload stream: the watcher's debounce (10 ms), an incremental"
  echo "rebuild, and publishing the new site. It is measured by"
  echo "\`BenchmarkSaveToReload\` in \`internal/server\`, which edits a page body $(echo 40) times."
  echo
  echo "## Raw output"
  echo
  echo '```text'
  grep -E '^(Benchmark|goos|goarch|cpu)' "$out"
  echo '```'
} > docs/benchmarks.md
echo "wrote docs/benchmarks.md" >&2
