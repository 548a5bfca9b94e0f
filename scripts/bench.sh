#!/usr/bin/env bash
# Runs the project's benchmarks and rewrites docs/benchmarks.md with the
# figures: statusgen against Hugo on the same synthetic corpus, then
# statusgen's own Go benchmarks (real site, save-to-reload). The machines
# are shared and noisy: compare numbers from one run of this script, not
# across runs.
#
#   scripts/bench.sh            # 1,000 and 10,000 pages, all benchmarks
#   QUICK=1 scripts/bench.sh    # skip the 10,000-page runs
#   RUNS_1K=7 RUNS_10K=5 scripts/bench.sh
#   INSTALL_HUGO=1 scripts/bench.sh   # first go install the newer Hugo
#
# Hugo: Debian's package (installed if missing) and, when present, the one
# `go install github.com/gohugoio/hugo@$HUGO_VERSION` puts in $(go env
# GOPATH)/bin. Every Hugo found is measured; HUGO=/path/to/hugo measures
# only that one.
set -euo pipefail
cd "$(dirname "$0")/.."

runs_1k=${RUNS_1K:-5}
runs_10k=${RUNS_10K:-3}
hugo_version=${HUGO_VERSION:-v0.163.3}
sizes=(1000)
[ -z "${QUICK:-}" ] && sizes+=(10000)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gobench=$work/gobench.txt
runs=$work/runs.tsv # size, tool, run, wall seconds, peak RSS KiB, CPU seconds

log() { echo "== $*" >&2; }
die() { echo "bench.sh: $*" >&2; exit 1; }

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    apt-get update -qq >&2
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# --- tools --------------------------------------------------------------------

[ -x /usr/bin/time ] || apt_install time
[ -x /usr/bin/hugo ] || apt_install hugo

gobin=$(go env GOBIN)
[ -n "$gobin" ] || gobin=$(go env GOPATH)/bin
if [ -n "${INSTALL_HUGO:-}" ] && [ ! -x "$gobin/hugo" ]; then
  log "go install github.com/gohugoio/hugo@$hugo_version"
  go install "github.com/gohugoio/hugo@$hugo_version" >&2
fi

hugos=()
if [ -n "${HUGO:-}" ]; then
  hugos=("$HUGO")
else
  [ -x "$gobin/hugo" ] && hugos+=("$gobin/hugo")
  hugos+=(/usr/bin/hugo)
fi
hugo_name() { # hugo_name BIN -> "Hugo 0.163.3" or "Hugo 0.111.3 (Debian)"
  local v
  v=$("$1" version | awk '{print $2}' | sed 's/^v//; s/+.*//; s/-.*//')
  # Matched on the captured text: grep -q on a pipe can stop reading early,
  # and under pipefail the writer's SIGPIPE would make the test false.
  if [[ $("$1" version) == *VendorInfo=debian* ]]; then
    echo "Hugo $v (Debian)"
  else
    echo "Hugo $v"
  fi
}

log "build statusgen"
sg=$work/statusgen
go build -o "$sg" ./cmd/statusgen
sg_flags=()
if [[ $("$sg" build -h 2>&1) == *-no-cache* ]]; then
  sg_flags=(-no-cache)
fi
sg_version=$(git describe --always --dirty --abbrev=7)

# --- statusgen against Hugo -----------------------------------------------------

# wall FILE -> seconds from GNU time's "Elapsed (wall clock)" line, h:mm:ss or m:ss.
wall() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0
    for (i = 1; i <= n; i++) s = s * 60 + p[i]
    printf "%.3f", s
  }' "$1"
}
rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
cpu() { awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {printf "%.2f", s}' "$1"; }

# timed SIZE TOOL RUN CMD... runs CMD under GNU time and appends a row to $runs.
timed() {
  local size=$1 tool=$2 run=$3 tf=$work/time.txt
  shift 3
  if ! /usr/bin/time -v -o "$tf" "$@" >"$work/cmd.log" 2>&1; then
    cat "$work/cmd.log" >&2
    die "$tool failed on $size pages"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$run" "$(wall "$tf")" "$(rss "$tf")" "$(cpu "$tf")" >>"$runs"
  printf '   %-24s run %s: %7ss wall %7ss CPU %7s KiB\n' "$tool" "$run" "$(wall "$tf")" "$(cpu "$tf")" "$(rss "$tf")" >&2
}

# Each run is cold: a fresh output directory; for Hugo also a fresh cache
# directory, no resources/ left in the site, --gc and --ignoreCache.
run_statusgen() { # SIZE RUN
  local out=$work/out-sg-$1
  rm -rf "$out"
  timed "$1" statusgen "$2" "$sg" build "${sg_flags[@]}" -src "$work/sg-$1" -out "$out"
}
run_hugo() { # SIZE RUN INDEX
  local site=$work/hugo-$1 out=$work/out-hugo$3-$1 cache=$work/hugo-cache
  rm -rf "$out" "$cache" "$site/resources" "$site/.hugo_build.lock"
  mkdir -p "$cache"
  HUGO_CACHEDIR=$cache timed "$1" "${hugo_names[$3]}" "$2" "${hugos[$3]}" \
    --source "$site" --destination "$out" --cacheDir "$cache" --minify --gc --ignoreCache --quiet
}

# facts FILE -> the page's h1, its related pages' titles and its FAQ
# questions, one a line, whatever each minifier does with quotes.
facts() {
  grep -oE '<h1>[^<]*</h1>|>[^<>]+</a><p>|<h3>[^<]*</h3>' "$1" | sed -E 's/^>//; s/<\/a><p>$//'
}

# verify SIZE: every output has every page, the lists, sitemap, robots and
# 404, and a sample of pages says the same things.
verify() {
  local n=$1 sgout=$work/out-sg-$1 i out f count
  for i in "${!hugos[@]}"; do
    out=$work/out-hugo$i-$n
    for f in index.html concepts/index.html 404.html sitemap.xml robots.txt; do
      [ -s "$sgout/$f" ] || die "statusgen wrote no $f at $n pages"
      [ -s "$out/$f" ] || die "${hugo_names[$i]} wrote no $f at $n pages"
    done
    for d in "$sgout" "$out"; do
      count=$(find "$d/concepts" -path '*/page-*/index.html' | wc -l || true)
      [ "$count" -eq "$n" ] || die "$d: $count concept pages, want $n"
      count=$(grep -o '/concepts/page-[0-9]*/<' "$d/sitemap.xml" | wc -l || true)
      [ "$count" -eq "$n" ] || die "$d/sitemap.xml: $count concept pages, want $n"
      # The home page links every page by its title, as statusgen's does.
      count=$(grep -oE 'href="?/concepts/page-[0-9]+/' "$d/index.html" | sort -u | wc -l || true)
      [ "$count" -eq "$n" ] || die "$d/index.html links $count pages, want $n"
    done
    for p in 1 $((n / 2)) "$n"; do
      f=concepts/page-$p/index.html
      facts "$sgout/$f" >"$work/facts-sg" || true
      facts "$out/$f" >"$work/facts-hugo" || true
      [ "$(wc -l <"$work/facts-sg")" -eq 10 ] || die "$sgout/$f: want a title, 4 related and 5 questions, got: $(cat "$work/facts-sg")"
      diff -u "$work/facts-sg" "$work/facts-hugo" >&2 || die "$f: statusgen and ${hugo_names[$i]} differ"
    done
    echo "   statusgen and ${hugo_names[$i]}: $(find "$sgout" -name '*.html' | wc -l) and $(find "$out" -name '*.html' | wc -l) HTML files; pages 1, $((n / 2)) and $n agree" >&2
  done
}

hugo_names=()
for h in "${hugos[@]}"; do
  [ -x "$h" ] || die "no Hugo at $h"
  hugo_names+=("$(hugo_name "$h")")
done
: >"$runs"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for n in "${sizes[@]}"; do
  log "corpus of $n pages"
  go run ./internal/cmd/gencorpus -n "$n" -out "$work/sg-$n"
  go run ./internal/cmd/gencorpus -n "$n" -hugo -out "$work/hugo-$n"
  count=$runs_1k
  [ "$n" -ge 10000 ] && count=$runs_10k
  if [ "$n" = "${sizes[0]}" ]; then # warm the binaries into the page cache, untimed
    "$sg" build "${sg_flags[@]}" -src "$work/sg-$n" -out "$work/warm" >/dev/null
    for i in "${!hugos[@]}"; do
      "${hugos[$i]}" --source "$work/hugo-$n" --destination "$work/warm" --cacheDir "$work/hugo-cache" --quiet
    done
    rm -rf "$work/warm"
  fi
  log "statusgen and Hugo alternately, $count cold runs each at $n pages"
  for ((r = 1; r <= count; r++)); do
    if ((r % 2)); then # alternate who goes first
      run_statusgen "$n" "$r"
      for i in "${!hugos[@]}"; do run_hugo "$n" "$r" "$i"; done
    else
      for i in "${!hugos[@]}"; do run_hugo "$n" "$r" "$i"; done
      run_statusgen "$n" "$r"
    fi
  done
  verify "$n"
  rm -rf "$work/out-"*"-$n"
done

load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# median SIZE TOOL COLUMN -> the median of that column over the tool's runs.
median() {
  awk -F'\t' -v n="$1" -v t="$2" -v c="$3" '$1 == n && $2 == t {print $c}' "$runs" | sort -g |
    awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
fmt_wall() { awk -v s="$1" 'BEGIN { if (s < 10) printf "%.2f s", s; else printf "%.1f s", s }'; }
fmt_rss() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
thousands() { printf "%s" "$1" | sed -E ':a; s/^([0-9]+)([0-9]{3})/\1,\2/; ta'; }

compare_table() {
  local n sw sr sc hw hr hc i
  echo "| Pages | Tool | Median wall time | Median peak RSS | Median CPU time | Wall time vs statusgen | RSS vs statusgen | CPU time vs statusgen |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for n in "${sizes[@]}"; do
    sw=$(median "$n" statusgen 4)
    sr=$(median "$n" statusgen 5)
    sc=$(median "$n" statusgen 6)
    echo "| $(thousands "$n") | statusgen | $(fmt_wall "$sw") | $(fmt_rss "$sr") | $(fmt_wall "$sc") | 1.00× | 1.00× | 1.00× |"
    for i in "${!hugos[@]}"; do
      hw=$(median "$n" "${hugo_names[$i]}" 4)
      hr=$(median "$n" "${hugo_names[$i]}" 5)
      hc=$(median "$n" "${hugo_names[$i]}" 6)
      echo "| $(thousands "$n") | ${hugo_names[$i]} | $(fmt_wall "$hw") | $(fmt_rss "$hr") | $(fmt_wall "$hc") | $(ratio "$hw" "$sw") | $(ratio "$hr" "$sr") | $(ratio "$hc" "$sc") |"
    done
  done
}

# --- targets that are statusgen's alone ------------------------------------------

largest=${sizes[${#sizes[@]}-1]}
log "warm cache, one page edited, $largest pages"
cache_dir=$work/sg-cache
"$sg" build -cache "$cache_dir" -src "$work/sg-$largest" -out "$work/out-warm" >/dev/null # fills the cache
edited=$work/sg-$largest/content/concepts/page-1.md
for r in 1 2 3; do
  printf '\nA sentence added for warm run %s.\n' "$r" >>"$edited"
  timed "$largest" "statusgen warm edit" "$r" "$sg" build -cache "$cache_dir" -src "$work/sg-$largest" -out "$work/out-warm"
done
grep -q "warm run 3" "$work/out-warm/concepts/page-1/index.html" || die "the warm rebuild did not publish the edit"

log "real site, cold, no cache: 10 runs"
for r in $(seq 1 10); do
  rm -rf "$work/real-cold"
  timed real "statusgen real site" "$r" "$sg" build -no-cache -out "$work/real-cold"
done

log "profile of a cold 1,000-page build"
go test ./internal/build -run '^$' -bench 'Build_Corpus$' -benchtime 3x -count 1 \
  -o "$work/build.test" -cpuprofile "$work/cpu.out" -memprofile "$work/mem.out" >&2
pprof_top() { # pprof_top ARGS... -> the table of go tool pprof -top, without the runtime's own lines
  go tool pprof "$@" "$work/build.test" 2>/dev/null | sed -n '/flat%/,$p' | grep -vE ' (runtime|testing|internal/runtime)\.' | awk 'NR <= 26' # not head: it would stop reading, and pipefail would fail the script on the SIGPIPE
}
cpu_cum=$(pprof_top -top -cum -nodecount=80 "$work/cpu.out")
cpu_flat=$(go tool pprof -top -nodecount=15 "$work/build.test" "$work/cpu.out" 2>/dev/null | sed -n '/flat%/,$p')
alloc_top=$(pprof_top -sample_index=alloc_space -top -cum -nodecount=80 "$work/mem.out")

# targets_table prints each target of issue 13 with the figure measured in
# this run and whether it is met.
targets_table() {
  local fast_wall fast_rss w r i verdict
  echo "| Target | Measured | Met |"
  echo "| --- | --- | --- |"
  for n in "${sizes[@]}"; do
    fast_wall='' fast_rss=''
    for i in "${!hugos[@]}"; do
      w=$(median "$n" "${hugo_names[$i]}" 4)
      r=$(median "$n" "${hugo_names[$i]}" 5)
      fast_wall=$(awk -v a="$w" -v b="$fast_wall" 'BEGIN { print (b == "" || a < b) ? a : b }')
      fast_rss=$(awk -v a="$r" -v b="$fast_rss" 'BEGIN { print (b == "" || a < b) ? a : b }')
    done
    want=3
    [ "$n" -ge 10000 ] && want=4
    w=$(awk -v h="$fast_wall" -v s="$(median "$n" statusgen 4)" 'BEGIN { printf "%.2f", h / s }')
    verdict=$(awk -v x="$w" -v t="$want" 'BEGIN { print (x >= t) ? "yes" : "no" }')
    echo "| $(thousands "$n") pages cold: ≥ ${want}× faster than the faster Hugo | ${w}× | $verdict |"
    if [ "$n" -ge 10000 ]; then
      r=$(awk -v h="$fast_rss" -v s="$(median "$n" statusgen 5)" 'BEGIN { printf "%.1f", h / s }')
      verdict=$(awk -v x="$r" 'BEGIN { print (x >= 10) ? "yes" : "no" }')
      echo "| $(thousands "$n") pages cold: peak RSS ≤ 1/10 of Hugo's lower | 1/${r} ($(fmt_rss "$(median "$n" statusgen 5)") against $(fmt_rss "$fast_rss")) | $verdict |"
    fi
  done
  w=$(median "$largest" "statusgen warm edit" 4)
  echo "| $(thousands "$largest") pages, one page edited, warm cache: < 1 s | $(fmt_wall "$w") | $(awk -v x="$w" 'BEGIN { print (x < 1) ? "yes" : "no" }') |"
  w=$(median real "statusgen real site" 4)
  echo "| Real site cold, no cache, wall incl. process start (median of 10): < 150 ms | $(awk -v x="$w" 'BEGIN { printf "%.0f ms", x * 1000 }') | $(awk -v x="$w" 'BEGIN { print (x < 0.15) ? "yes" : "no" }') |"
  if [ -z "${QUICK:-}" ]; then
    w=$(field 'SaveToReload/synthetic-10k' 'median-ms')
    echo "| serve save → reload at 10,000 pages: < 50 ms median | $w ms | $(awk -v x="$w" 'BEGIN { print (x < 50) ? "yes" : "no" }') |"
  fi
  w=$(field 'SaveToReload/real-site' 'median-ms')
  echo "| serve save → reload, real site: < 20 ms median | $w ms | $(awk -v x="$w" 'BEGIN { print (x < 20) ? "yes" : "no" }') |"
  echo "| Budgets (\`TestBuild_RealSiteIsWithinSizeBudgets\`): page ≤ 60 KB, CSS ≤ 15 KB and JS ≤ 10 KB gzipped | $budgets | $([ -n "$budgets_ok" ] && echo yes || echo no) |"
}

# --- statusgen's own benchmarks -------------------------------------------------

log "full build and rebuild after a one-page edit (real site)"
go test ./internal/build -run '^$' -bench 'Build_RealContent|Rebuild_OneBodyEdit' -benchtime 10x -count 1 | tee -a "$gobench" >&2

log "size budgets"
budgets_ok=
if go test ./internal/build -run 'RealSiteIsWithinSizeBudgets' -count 1 -v >"$work/budgets.txt" 2>&1; then budgets_ok=1; fi
budgets=$(grep -o 'largest page.*' "$work/budgets.txt" | sed -n 1p)

log "save-to-reload latency"
pattern='SaveToReload/real-site'
[ -z "${QUICK:-}" ] && pattern='SaveToReload'
go test ./internal/server -run '^$' -bench "$pattern" -benchtime 40x -count 1 -timeout 60m | tee -a "$gobench" >&2

field() { # field BENCH-REGEX UNIT -> value before UNIT on the matching line
  awk -v re="$1" -v unit="$2" '$1 ~ re { for (i = 2; i <= NF; i++) if ($i == unit) print $(i-1) }' "$gobench" | sed -n 1p
}
ms() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e6 }'; }

full=$(field 'Build_RealContent' 'ns/op')
scratch=$(field 'Rebuild_OneBodyEdit/from-scratch' 'ns/op')
incr=$(field 'Rebuild_OneBodyEdit/incremental' 'ns/op')
speedup=$(awk -v a="$scratch" -v b="$incr" 'BEGIN { printf "%.0f", a / b }')
pages=$("$sg" build -out "$work/real" | awk '{print $2}')

# --- docs/benchmarks.md ---------------------------------------------------------

cpu=$(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//')
{
  echo "# Benchmarks"
  echo
  echo "Written by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD),"
  echo "$(go version | cut -d' ' -f3), $(nproc) cores ($cpu)."
  echo "All figures below come from one run; ratios compare numbers measured side by side."
  echo
  echo "## statusgen and Hugo on the same pages"
  echo
  echo "Versions:"
  echo
  echo "- statusgen $sg_version, built with $(go version | cut -d' ' -f3)"
  for i in "${!hugos[@]}"; do
    echo "- ${hugo_names[$i]}: \`$("${hugos[$i]}" version)\`"
  done
  echo
  compare_table
  echo
  echo "Median of $runs_1k runs at 1,000 pages$([ -z "${QUICK:-}" ] && echo " and $runs_10k at 10,000")."
  echo "Ratios are the Hugo figure over statusgen's: above 1 means Hugo took longer or more memory."
  echo "Wall time, peak resident set size and CPU time (user plus system) are GNU time's"
  echo "(\`/usr/bin/time -v\`) for the whole process. The machine is shared: the load average"
  echo "was $load_start when the runs began and $load_end when they ended, so wall times"
  echo "are noisy; CPU time suffers less from other work on the machine."
  echo
  echo "The corpus is \`internal/corpus\`: each page has about 800 words of prose, a table,"
  echo "four highlighted code blocks (http, js, go, json), five FAQ entries and four related pages."
  echo "\`go run ./internal/cmd/gencorpus -n N [-hugo] -out DIR\` writes it; the Hugo layouts are"
  echo "\`bench/hugo/layouts\` and do the same work as statusgen's templates: class-based"
  echo "highlighting with a label on each block, table of contents, related pages looked up"
  echo "with \`site.GetPage\` and shown with title and summary, FAQ answers rendered as Markdown,"
  echo "breadcrumb and FAQ JSON-LD, fingerprinted and minified CSS and JS, a home page and a"
  echo "section page listing every page, sitemap.xml, robots.txt and 404.html, all minified."
  echo "statusgen also validates the content and checks every internal link; Hugo does not."
  echo
  echo "The runs alternate between the tools, and each is cold: a fresh output directory,"
  echo "$([ ${#sg_flags[@]} -gt 0 ] && echo "\`statusgen build -no-cache\`, ")Hugo with \`--gc --ignoreCache\`, a fresh \`--cacheDir\`"
  echo "and \`HUGO_CACHEDIR\`, and no \`resources/\` left from the run before. After the runs the"
  echo "script checks that both wrote every page and that pages 1, n/2 and n have the same"
  echo "title, related titles and FAQ questions."
  echo
  echo "## Targets"
  echo
  targets_table
  echo
  echo "## statusgen on its own"
  echo
  echo "| What | Figure |"
  echo "| --- | --- |"
  echo "| Full build of the real site ($pages pages), \`BenchmarkBuild_RealContent\` | $(ms "$full") ms |"
  echo "| Rebuild after a one-page body edit, from scratch | $(ms "$scratch") ms |"
  echo "| Same rebuild, incremental (as \`serve\` does) | $(ms "$incr") ms (${speedup}x faster) |"
  echo "| Save-to-reload, real site: median / p95 | $(field 'SaveToReload/real-site' 'median-ms') ms / $(field 'SaveToReload/real-site' 'p95-ms') ms |"
  if [ -z "${QUICK:-}" ]; then
    echo "| Save-to-reload, 10,000-page synthetic site: median / p95 | $(field 'SaveToReload/synthetic-10k' 'median-ms') ms / $(field 'SaveToReload/synthetic-10k' 'p95-ms') ms |"
  fi
  echo
  echo "Save-to-reload is the time from writing a content file to the \`reload\` event"
  echo "on the live-reload stream: the watcher's debounce (10 ms), an incremental"
  echo "rebuild, and publishing the new site. It is measured by"
  echo "\`BenchmarkSaveToReload\` in \`internal/server\`, which edits a page body 40 times."
  echo
  echo "## Where the time and the allocations go"
  echo
  echo "A profile of \`BenchmarkBuild_Corpus\` (\`internal/build\`): three cold builds of the"
  echo "1,000-page corpus streamed to disk, as \`statusgen build -no-cache\` runs them."
  echo "Cumulative CPU by function, without the Go runtime's own lines:"
  echo
  echo '```text'
  echo "$cpu_cum"
  echo '```'
  echo
  echo "Flat CPU, the functions that do the work themselves:"
  echo
  echo '```text'
  echo "$cpu_flat"
  echo '```'
  echo
  echo "Allocated bytes, cumulative:"
  echo
  echo '```text'
  echo "$alloc_top"
  echo '```'
  echo
  echo "## Raw output"
  echo
  echo "Every timed run (pages, tool, run, wall seconds, peak RSS in KiB, CPU seconds):"
  echo
  echo '```text'
  cat "$runs"
  echo '```'
  echo
  echo '```text'
  grep -E '^(Benchmark|goos|goarch|cpu)' "$gobench"
  echo '```'
} >docs/benchmarks.md
echo "wrote docs/benchmarks.md" >&2
