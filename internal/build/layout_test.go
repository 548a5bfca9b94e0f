package build

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"
)

// TestBuild_WideTablesScrollInTheirOwnBox guards the phone layout: a table
// wider than a 390px screen must scroll inside its .table-scroll region,
// not push the whole page sideways. Markdown tables get the box from the
// renderer; tables written by hand in a template have to add it, and the
// API page's once did not. Only the index's fixed-layout code tables,
// which wrap their cells instead, are exempt.
func TestBuild_WideTablesScrollInTheirOwnBox(t *testing.T) {
	res := mustBuild(t, os.DirFS(repoRoot), Options{})
	fsys := res.Files.FS(time.Time{})
	checked := 0
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		ts := tags(b)
		n := 0
		for i, tg := range ts {
			if tg.name != "table" || hasClass(tg, "code-table") {
				continue
			}
			n++
			if i == 0 || ts[i-1].name != "div" || !hasClass(ts[i-1], "table-scroll") {
				t.Errorf("%s: table %d is not the first child of a .table-scroll box", name, n)
				continue
			}
			box := ts[i-1].attrs
			if box["role"] != "region" || box["tabindex"] != "0" || box["aria-label"] == "" {
				t.Errorf("%s: the .table-scroll box of table %d needs role=region, tabindex=0 and an aria-label, has %v", name, n, box)
			}
		}
		checked += n
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Errorf("checked only %d tables; the site has far more", checked)
	}
}

func hasClass(tg tag, class string) bool {
	for _, c := range strings.Fields(tg.attrs["class"]) {
		if c == class {
			return true
		}
	}
	return false
}
