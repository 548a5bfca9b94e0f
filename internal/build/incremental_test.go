package build

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// edit is one change a contributor makes. Each is a toggle or a rewrite
// that leaves the site valid whatever state it finds it in, so that edits
// can be applied in any order.
type edit struct {
	name  string
	apply func(fsys fstest.MapFS, step int)
}

func replaceRE(fsys fstest.MapFS, name, re, repl string) {
	f := fsys[name]
	f.Data = regexp.MustCompile(re).ReplaceAll(f.Data, []byte(repl))
}

func toggle(fsys fstest.MapFS, name, content string) {
	if _, ok := fsys[name]; ok {
		delete(fsys, name)
		return
	}
	fsys[name] = &fstest.MapFile{Data: []byte(content)}
}

var edits = []edit{
	{"body", func(fsys fstest.MapFS, step int) {
		replaceRE(fsys, "content/status/410.md", `It is gone[^\n]*`, fmt.Sprintf("It is gone (edit %d).", step))
	}},
	{"summary", func(fsys fstest.MapFS, step int) {
		replaceRE(fsys, "content/status/410.md", `(?m)^summary: .*$`, fmt.Sprintf("summary: The resource was removed on purpose (edit %d).", step))
	}},
	{"title", func(fsys fstest.MapFS, step int) {
		replaceRE(fsys, "content/status/599.md", `(?m)^title: .*$`, fmt.Sprintf("title: Network Connect Timeout %d", step))
	}},
	{"visitor and deprecated", func(fsys fstest.MapFS, step int) {
		replaceRE(fsys, "content/status/599.md", `(?m)^(visitor|deprecated): .*\n`, "")
		if step%2 == 0 {
			replaceRE(fsys, "content/status/599.md", `(?m)^registered:`, fmt.Sprintf("visitor: The proxy gave up. Try again %d.\ndeprecated: true\nregistered:", step))
		}
	}},
	{"faq answer", func(fsys fstest.MapFS, step int) {
		replaceRE(fsys, "content/status/404.md", `a: An empty list[^\n]*`, fmt.Sprintf("a: An empty list, when the collection exists (%d).", step))
	}},
	{"related", func(fsys fstest.MapFS, step int) {
		rel := map[bool]string{true: "[410, 200]", false: "[200, 410]"}[step%2 == 0]
		replaceRE(fsys, "content/status/404.md", `(?m)^related: .*$`, "related: "+rel)
	}},
	{"status page", func(fsys fstest.MapFS, step int) {
		toggle(fsys, "content/status/500.md", "---\ncode: 500\ntitle: Internal Server Error\nsummary: The server failed.\n"+
			"spec: {name: \"RFC 9110, Section 15.6.1\", url: \"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1\"}\n"+
			"registered: true\nrelated: [404]\n---\n## What it means\n\nIt broke.\n")
	}},
	{"concept page", func(fsys fstest.MapFS, step int) {
		toggle(fsys, "content/concepts/retries.md", "---\ntitle: Retries\nsummary: When to send a request again.\n---\n## When\n\nAfter a 503.\n")
	}},
	{"every concept", func(fsys fstest.MapFS, step int) {
		// Removing every concept and adding the first one changes the
		// header of every page.
		if _, ok := fsys["content/concepts/caching.md"]; ok {
			for _, n := range []string{"caching", "http-methods", "retries"} {
				delete(fsys, "content/concepts/"+n+".md")
			}
			for _, n := range []string{"200", "404", "410", "599"} {
				replaceRE(fsys, "content/status/"+n+".md", `(?m)^concepts: .*\n`, "")
				replaceRE(fsys, "content/status/"+n+".md", `/concepts/[a-z-]+/(#[a-z-]+)?`, "/status/404/")
			}
			return
		}
		fsys["content/concepts/caching.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Caching\nsummary: How responses are stored and reused.\n---\n## Freshness\n\nFresh for a while.\n")}
	}},
	{"template", func(fsys fstest.MapFS, step int) {
		replaceRE(fsys, "templates/status.html", `(?s)<!-- edit \d+ -->|$`, fmt.Sprintf("<!-- edit %d -->", step))
	}},
	{"site.yaml", func(fsys fstest.MapFS, step int) {
		replaceRE(fsys, "content/site.yaml", `(?m)^title: .*$`, fmt.Sprintf("title: Fixture Codes %d", step))
	}},
	{"netlify.toml", func(fsys fstest.MapFS, step int) {
		fsys["netlify.toml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("[[redirects]]\n  from = \"/old/%d\"\n  to = \"/status/404/\"\n", step))}
	}},
	{"title of a code the tools show", func(fsys fstest.MapFS, step int) {
		replaceRE(fsys, "content/status/410.md", `(?m)^title: .*$`, fmt.Sprintf("title: Gone %d", step))
	}},
}

// TestIncremental_EqualsFullBuild applies edits in random orders and checks,
// after every one, that the incremental builder's output is byte for byte
// what a fresh full build makes of the same sources.
func TestIncremental_EqualsFullBuild(t *testing.T) {
	steps := 3 * len(edits)
	if testing.Short() {
		steps = len(edits)
	}
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed-", seed), func(t *testing.T) {
			fsys := sitetest.FixtureFS(t)
			inc := NewIncremental()
			mustBuildWith(t, inc, fsys)
			r := rand.New(rand.NewPCG(seed, 0))
			for step := 0; step < steps; step++ {
				e := edits[step%len(edits)]
				if step >= len(edits) {
					e = edits[r.IntN(len(edits))]
				}
				e.apply(fsys, step)
				got := mustBuildWith(t, inc, fsys)
				want := mustBuildWith(t, New(), fsys)
				if diff := compareFiles(got, want); diff != "" {
					t.Fatalf("step %d (%s): incremental output differs from a full build: %s", step, e.name, diff)
				}
				if fmt.Sprint(got.Rules) != fmt.Sprint(want.Rules) {
					t.Fatalf("step %d (%s): host rules differ", step, e.name)
				}
			}
		})
	}
}

func compareFiles(got, want *Result) string {
	gn, wn := got.Files.Names(), want.Files.Names()
	if strings.Join(gn, " ") != strings.Join(wn, " ") {
		return fmt.Sprintf("files %v, want %v", gn, wn)
	}
	var bad []string
	for _, n := range gn {
		a, _ := got.Files.Get(n)
		b, _ := want.Files.Get(n)
		if !bytes.Equal(a, b) {
			bad = append(bad, n)
		}
	}
	if len(bad) > 0 {
		return fmt.Sprintf("%d of %d files differ: %v", len(bad), len(gn), bad)
	}
	return ""
}

// TestIncremental_MarkdownCacheDoesNotGrow rebuilds many times after edits
// and checks that the Markdown cache holds one site's worth of documents.
func TestIncremental_MarkdownCacheDoesNotGrow(t *testing.T) {
	fsys := sitetest.FixtureFS(t)
	inc := NewIncremental()
	mustBuildWith(t, inc, fsys)
	size := inc.md.len()
	for step := 0; step < 20; step++ {
		edits[0].apply(fsys, step) // a body edit
		edits[4].apply(fsys, step) // an FAQ answer edit
		mustBuildWith(t, inc, fsys)
	}
	if got := inc.md.len(); got != size {
		t.Errorf("after 20 rebuilds the Markdown cache holds %d documents, want %d", got, size)
	}
}
