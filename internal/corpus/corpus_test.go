package corpus_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/corpus"
	"github.com/statusgen/statusgen/internal/sitetest"
)

func TestPages_SameEveryTime(t *testing.T) {
	t.Parallel()
	a, b := corpus.Pages(30), corpus.Pages(30)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Pages(30) differs between two calls")
	}
	slugs := map[string]bool{}
	for _, p := range a {
		slugs[p.Slug] = true
	}
	for _, p := range a {
		if len(p.Related) != 4 || len(p.FAQ) != 5 {
			t.Errorf("%s: %d related, %d FAQ entries; want 4 and 5", p.Slug, len(p.Related), len(p.FAQ))
		}
		for _, r := range p.Related {
			if !slugs[r] {
				t.Errorf("%s: related %q is not a page of the corpus", p.Slug, r)
			}
		}
	}
}

// front is the union of both generators' front matter fields.
type front struct {
	Title    string   `yaml:"title"`
	Summary  string   `yaml:"summary"`
	Concepts []string `yaml:"concepts"` // statusgen
	Related  []string `yaml:"related"`  // Hugo
	FAQ      []struct {
		Q string `yaml:"q"`
		A string `yaml:"a"`
	} `yaml:"faq"`
}

// readPage splits a content file into its YAML front matter and body.
func readPage(t *testing.T, path string) (front, string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	if !ok {
		t.Fatalf("%s: no front matter", path)
	}
	head, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		t.Fatalf("%s: front matter not closed", path)
	}
	var f front
	if err := yaml.Unmarshal(head, &f); err != nil {
		t.Fatalf("%s: front matter: %v", path, err)
	}
	return f, string(body)
}

func TestWrite_FilesAndFrontMatter(t *testing.T) {
	t.Parallel()
	const n = 12
	pages := corpus.Pages(n)
	tests := []struct {
		name    string
		write   func(string, int) error
		files   []string // besides the pages
		related func(front) []string
		body    func(string) string // the page body as written
	}{
		{
			name:    "statusgen",
			write:   corpus.Write,
			files:   []string{"content/site.yaml"},
			related: func(f front) []string { return f.Concepts },
			body:    func(s string) string { return s },
		},
		{
			name:    "hugo",
			write:   corpus.WriteHugo,
			files:   []string{"hugo.toml", "content/_index.md", "content/concepts/_index.md"},
			related: func(f front) []string { return f.Related },
			body: func(s string) string {
				return strings.NewReplacer("```js title=\"fetch\"", "```js {title=\"fetch\"}", "```go title=\"Go client\"", "```go {title=\"Go client\"}").Replace(s)
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := tc.write(dir, n); err != nil {
				t.Fatal(err)
			}
			for _, f := range tc.files {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Error(err)
				}
			}
			mds, err := filepath.Glob(filepath.Join(dir, "content/concepts/page-*.md"))
			if err != nil {
				t.Fatal(err)
			}
			if len(mds) != n {
				t.Fatalf("%d pages written, want %d", len(mds), n)
			}
			for _, p := range pages {
				f, body := readPage(t, filepath.Join(dir, "content/concepts", p.Slug+".md"))
				if f.Title != p.Title || f.Summary != p.Summary {
					t.Errorf("%s: title %q, summary %q; want %q, %q", p.Slug, f.Title, f.Summary, p.Title, p.Summary)
				}
				if got := tc.related(f); !reflect.DeepEqual(got, p.Related) {
					t.Errorf("%s: related %q, want %q", p.Slug, got, p.Related)
				}
				if len(f.FAQ) != len(p.FAQ) {
					t.Fatalf("%s: %d FAQ entries, want %d", p.Slug, len(f.FAQ), len(p.FAQ))
				}
				for i, qa := range f.FAQ {
					if qa.Q != p.FAQ[i][0] || qa.A != p.FAQ[i][1] {
						t.Errorf("%s: FAQ %d is %q, want %q", p.Slug, i, qa, p.FAQ[i])
					}
				}
				if want := tc.body(p.Body); body != want {
					t.Errorf("%s: body differs from the corpus page:\n%s", p.Slug, body)
				}
			}
		})
	}
}

func TestWrite_BuildsWithStatusgen(t *testing.T) {
	t.Parallel()
	const n = 20
	dir := t.TempDir()
	if err := corpus.Write(dir, n); err != nil {
		t.Fatal(err)
	}
	sitetest.CopyDir(t, filepath.Join(sitetest.Root(), "templates"), filepath.Join(dir, "templates"))
	res, errs := build.New().Build(context.Background(), os.DirFS(dir), build.Options{})
	if errs.HasErrors() {
		t.Fatal(errs.Errors())
	}
	for _, p := range corpus.Pages(n) {
		html, ok := res.Files.Get("concepts/" + p.Slug + "/index.html")
		if !ok {
			t.Errorf("%s: not built", p.Slug)
			continue
		}
		if !bytes.Contains(html, []byte("<h1>"+p.Title+"</h1>")) {
			t.Errorf("%s: no <h1>%s</h1>", p.Slug, p.Title)
		}
	}
}
