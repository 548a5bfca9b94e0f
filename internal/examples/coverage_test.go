package examples

import (
	"fmt"
	"os"
	"path"
	"testing"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/facts"
)

// clientErrorCodes are the 4xx codes the site must have a page for.
var clientErrorCodes = []int{
	400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414,
	415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
}

func TestEveryClientErrorCodeHasAPage(t *testing.T) {
	table, err := facts.Load()
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS("../..")
	c, loadErrs := content.Load(fsys)
	for _, code := range clientErrorCodes {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			p := path.Join(content.StatusDir, fmt.Sprintf("%d.md", code))
			if _, err := os.Stat(path.Join("../..", p)); err != nil {
				t.Fatalf("no page: %v", err)
			}
			for _, d := range loadErrs.Errors() {
				if d.Pos.Path == p {
					t.Errorf("does not load: %v", d)
				}
			}
			s := c.Status(code)
			if s == nil {
				t.Fatalf("%s did not load", p)
			}
			f, ok := table.Lookup(code)
			if !ok {
				t.Fatalf("%d is not in the facts table", code)
			}
			if s.Title != f.Phrase {
				t.Errorf("%s: title = %q, want the registry phrase %q", p, s.Title, f.Phrase)
			}
			if s.Spec.URL != f.SpecURL {
				t.Errorf("%s: spec.url = %q, want %q", p, s.Spec.URL, f.SpecURL)
			}
		})
	}
}
