package check

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/facts"
	"github.com/statusgen/statusgen/internal/scaffold"
)

var codes = []int{400, 404, 410, 500}

// notes is prose enough for the longest pages.
var notes = strings.Repeat("These words stand for the prose a page needs. ", 100)

// goodSite is a small site that passes every rule: four pages made by the
// scaffold, placeholders filled in, each relating to the other three.
func goodSite(t *testing.T) fstest.MapFS {
	t.Helper()
	table, err := facts.Load()
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{"content/site.yaml": {Data: []byte("title: T\ndescription: D.\nbaseURL: https://example.com\nrepository: https://github.com/example/site\n")}}
	for _, c := range codes {
		var others []int
		for _, o := range codes {
			if o != c {
				others = append(others, o)
			}
		}
		page, err := scaffold.Page(c, table, others)
		if err != nil {
			t.Fatal(err)
		}
		page = strings.Replace(page, content.Placeholder+": two to four plain sentences on what happened and what to do.",
			"Something went wrong. Try again later.", 1)
		page = strings.ReplaceAll(page, content.Placeholder, "Filled in")
		// Enough prose for the longest pages, at the end so that the
		// positions the tests name stay put.
		page += "\n## Notes\n\n" + notes + "\n"
		m["content/status/"+strconv.Itoa(c)+".md"] = &fstest.MapFile{Data: []byte(page)}
	}
	err = filepath.WalkDir("../../templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel("../..", p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func runCheck(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	table, _ := facts.Load()
	res, errs := build.New().Build(context.Background(), fsys, build.Options{})
	if res == nil {
		t.Fatalf("build failed:\n%v", errs)
	}
	errs.Append(Run(res, table))
	errs.Sort()
	var out []string
	for _, d := range errs {
		out = append(out, d.String())
	}
	return out
}

func TestRun_GoodSiteHasNoProblems(t *testing.T) {
	if got := runCheck(t, goodSite(t)); len(got) != 0 {
		t.Fatalf("unexpected problems:\n%s", strings.Join(got, "\n"))
	}
}

func TestRun_ReportsEachRule(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"level-1 heading", "## When servers send it", "# When servers send it",
			[]string{`content/status/404.md:25:1: error: missing section "## When servers send it"`,
				`content/status/404.md:37:1: error: heading: "When servers send it" is a level-1 heading; the page title is the only one, so start at ##`}},
		{"skipped level", "## Headers that matter", "## Headers that matter\n\n#### Too deep",
			[]string{`content/status/404.md:53:1: error: heading: "Too deep" jumps from level 2 to 4; use ###`}},
		{"missing section", "## Compared with similar codes", "## Compared with others",
			[]string{`content/status/404.md:25:1: error: missing section "## Compared with similar codes"`}},
		{"section out of order", "## What it means", "## When servers send it\n\n## What it means",
			[]string{`content/status/404.md:27:1: error: section "What it means" is out of order`}},
		{"fix without server half", "### As the server owner", "### As the operator",
			[]string{`content/status/404.md:41:1: error: section "How to fix it" needs a "### As the server owner" checklist`}},
		{"too few FAQ", "  - q: \"Filled in: a third real question?\"\n    a: \"Filled in: its answer.\"\n", "",
			[]string{`content/status/404.md:17:1: error: faq: 2 questions; a status page answers at least 3`}},
		{"too few related", "related: [400, 410, 500]", "related: [400, 410]",
			[]string{`content/status/404.md:15:1: error: related: 2 codes; a status page lists at least 3`,
				`content/status/500.md:15:16: warning: related: 404 does not list 500 back; add 500 to related: in content/status/404.md`}},
		{"no go example", "```go title=\"Go client\"", "```python title=\"Go client\"",
			[]string{`content/status/404.md:63:1: error: examples: no ` + "```go" + ` block`}},
		{"title not the registry's", "title: \"Not Found\"", "title: \"Page Not Found\"",
			[]string{`content/status/404.md:3:8: error: title: "Page Not Found" is not the registry's reason phrase "Not Found"`}},
		{"spec not the registry's", "#section-15.5.5", "#section-15.5.4",
			[]string{`content/status/404.md:10:1: warning: spec: links https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4; the facts table has https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5 (RFC 9110, Section 15.5.5)`}},
		{"registered code marked unofficial", "registered: true", "registered: false\nsource: \"someone\"",
			[]string{`content/status/404.md:13:1: error: registered: 404 is in the IANA registry ("Not Found"); say registered: true`}},
		{"no visitor text", "visitor: >-\n  Something went wrong. Try again later.\n", "",
			[]string{`content/status/404.md:4:1: error: visitor: people meet 404 on websites; add a visitor: text`}},
		{"visitor too long", "Something went wrong. Try again later.", "One. Two. Three. Four. Five.",
			[]string{`content/status/404.md:8:10: warning: visitor: 5 sentences; write two to four`}},
		{"too short", notes, "Short.",
			[]string{`content/status/404.md:25:1: warning: length: 88 words of prose, under the 900`}},
		{"related one way", "related: [400, 410, 500]", "related: [400, 410, 500, 404]",
			[]string{`content/status/404.md:15:26: error: related: a page cannot list itself`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := goodSite(t)
			f := fsys["content/status/404.md"]
			if !strings.Contains(string(f.Data), tc.old) {
				t.Fatalf("page has no %q:\n%s", tc.old, f.Data)
			}
			f.Data = []byte(strings.Replace(string(f.Data), tc.old, tc.new, 1))
			var got []string
			if tc.name == "related one way" {
				// Build rejects a self-reference before check runs.
				_, errs := build.New().Build(context.Background(), fsys, build.Options{})
				for _, d := range errs {
					got = append(got, d.String())
				}
			} else {
				got = runCheck(t, fsys)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("problem %d:\n got: %s\nwant: %s...", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestRun_WarnsWhichSideOfARelatedLinkIsMissing(t *testing.T) {
	fsys := goodSite(t)
	g := fsys["content/status/410.md"]
	g.Data = []byte(strings.Replace(string(g.Data), "related: [400, 404, 500]", "related: [400, 500]", 1))
	got := runCheck(t, fsys)
	want := []string{
		`content/status/404.md:15:16: warning: related: 410 does not list 404 back; add 404 to related: in content/status/410.md`,
		`content/status/410.md:15:1: error: related: 2 codes; a status page lists at least 3`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestProseWords_CountsProseNotCode(t *testing.T) {
	res, errs := build.New().Build(context.Background(), goodSite(t), build.Options{})
	if res == nil {
		t.Fatal(errs)
	}
	for _, s := range Stats(res) {
		// The scaffold's prose is short, plus the 900 words of notes;
		// its code blocks are longer and must not count.
		if s.Words < 920 || s.Words > 1020 {
			t.Errorf("%s: %d words", s.Path, s.Words)
		}
	}
}
