package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const fuzzSiteYAML = "title: T\ndescription: D.\nbaseURL: https://example.com\nrepository: https://github.com/example/site\n"

// FuzzLoad loads arbitrary bytes as a status page and as a concept page.
// Load must not panic, must position every diagnostic in a file, and must
// return sorted diagnostics. Seeds are the repository's real pages.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"../../content/status", "../../content/concepts"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("---\ncode: 404\n---\n"))
	f.Fuzz(func(t *testing.T, page []byte) {
		fsys := fstest.MapFS{
			"content/site.yaml":           {Data: []byte(fuzzSiteYAML)},
			"content/status/404.md":       {Data: page},
			"content/concepts/fuzzing.md": {Data: page},
			"content/concepts/caching.md": {Data: []byte("---\ntitle: Caching\nsummary: S.\n---\nBody.\n")},
			"content/status/410.md":       {Data: []byte("---\ncode: 410\ntitle: Gone\nsummary: S.\nspec: {name: N, url: \"https://example.com\"}\nregistered: true\n---\nBody.\n")},
		}
		c, errs := Load(fsys)
		if c == nil {
			t.Fatal("nil content")
		}
		for i, d := range errs {
			if d.Pos.Path == "" || !strings.HasPrefix(d.Pos.Path, "content/") {
				t.Errorf("diagnostic without a content file: %v", d)
			}
			if d.Msg == "" {
				t.Errorf("empty message at %v", d.Pos)
			}
			if i > 0 && errs[i-1].Pos.Path > d.Pos.Path {
				t.Errorf("diagnostics not sorted: %v before %v", errs[i-1], d)
			}
		}
		if !errs.HasErrors() {
			if s := c.Status(404); s == nil || s.Code != 404 || len([]rune(s.Summary)) > maxSummary {
				t.Errorf("page loaded without errors but is not a valid 404 page: %+v", s)
			}
		}
	})
}
