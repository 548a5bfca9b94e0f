package server

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// BenchmarkSaveToReload measures what a contributor waits for: the time
// from writing a content file to the reload event on the live-reload
// stream, that is, a debounced incremental rebuild, published. It reports
// the median and 95th percentile over b.N saves.
//
//	go test ./internal/server -run '^$' -bench SaveToReload -benchtime 40x
func BenchmarkSaveToReload(b *testing.B) {
	b.Run("real-site", func(b *testing.B) {
		src := sitetest.Real(b)
		benchSaves(b, src, "content/status/404.md")
	})
	b.Run("synthetic-10k", func(b *testing.B) {
		src := b.TempDir()
		sitetest.CopyDir(b, filepath.Join(sitetest.Root(), "templates"), filepath.Join(src, "templates"))
		writeSynthetic(b, src, 10000)
		benchSaves(b, src, "content/status/404.md")
	})
}

func benchSaves(b *testing.B, src, page string) {
	r := start(b, src)
	ev := r.events(b)
	p := filepath.Join(src, page)
	orig, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// A body edit, as when a contributor fixes a sentence.
		edited := strings.Replace(string(orig), "\n## What it means\n", fmt.Sprintf("\n## What it means\n\nEdit %d.\n", i), 1)
		t0 := time.Now()
		writeFile(b, p, edited)
		ev.next(b, "reload")
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "median-ms")
	b.ReportMetric(ms(lat[(len(lat)*95+99)/100-1]), "p95-ms")
	b.ReportMetric(0, "ns/op")
}

// writeSynthetic writes a site of n pages: every status code from 100 to
// 599, and concept pages for the rest. The pages are small but shaped like
// real ones: frontmatter, related codes, headings, a table and an example.
func writeSynthetic(b *testing.B, src string, n int) {
	b.Helper()
	for _, d := range []string{"content/status", "content/concepts"} {
		if err := os.MkdirAll(filepath.Join(src, d), 0o755); err != nil {
			b.Fatal(err)
		}
	}
	writeFile(b, filepath.Join(src, "content/site.yaml"),
		"title: Synthetic\ndescription: A large generated site.\nbaseURL: https://example.com\nrepository: https://github.com/example/site\n")
	body := func(title string) string {
		return "## What it means\n\n" + strings.Repeat("This paragraph stands in for real prose about "+title+". ", 12) +
			"\n\n```http\nGET /items/1 HTTP/1.1\nHost: example.com\n```\n\n## Headers that matter\n\n| Header | What it does |\n| --- | --- |\n| Retry-After | How long to wait |\n\n## Details\n\nSee [the first code](/status/100/).\n"
	}
	for code := 100; code < 600; code++ {
		rel := []string{}
		for _, d := range []int{-1, 1, 2} {
			if c := code + d; c >= 100 && c < 600 {
				rel = append(rel, fmt.Sprint(c))
			}
		}
		page := fmt.Sprintf("---\ncode: %d\ntitle: Code %d\nsummary: Synthetic page for status code %d.\nspec: {name: Synthetic, url: \"https://example.com/spec\"}\nregistered: true\nrelated: [%s]\nconcepts: [concept-1]\n---\n%s",
			code, code, code, strings.Join(rel, ", "), body(fmt.Sprint(code)))
		writeFile(b, filepath.Join(src, fmt.Sprintf("content/status/%d.md", code)), page)
	}
	for i := 1; i <= n-500; i++ {
		page := fmt.Sprintf("---\ntitle: Concept %d\nsummary: Synthetic concept number %d.\nconcepts: [concept-%d]\n---\n%s",
			i, i, i%(n-500)+1, body(fmt.Sprint("concept ", i)))
		writeFile(b, filepath.Join(src, fmt.Sprintf("content/concepts/concept-%d.md", i)), page)
	}
}
