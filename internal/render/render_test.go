package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/sitetest"
)

// templates returns the real templates/ directory as a MapFS.
func templates(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(filepath.Join(root, TemplateDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func loadDiags(fsys fs.FS) string {
	_, errs := Load(fsys)
	errs.Sort()
	var out []string
	for _, d := range errs {
		out = append(out, d.String())
	}
	return strings.Join(out, "\n")
}

func TestLoad_RealTemplatesHaveNoProblems(t *testing.T) {
	if got := loadDiags(templates(t)); got != "" {
		t.Fatalf("diagnostics:\n%s", got)
	}
}

func TestLoad_UnreadableIsNotMissing(t *testing.T) {
	tests := []struct{ denied, want string }{
		{"templates/class.html", `templates/class.html: error: cannot read template: open: permission denied`},
		{"templates/base.html", `templates/base.html: error: cannot read template: open: permission denied`},
		{"templates/assets/site.js", `templates/assets/site.js: error: cannot read asset: open: permission denied`},
		{"templates/assets", `templates/assets: error: cannot read directory: open: permission denied`},
	}
	for _, tc := range tests {
		fsys := sitetest.Denied(templates(t), tc.denied)
		if got := loadDiags(fsys); got != tc.want {
			t.Errorf("%s unreadable:\n got: %s\nwant: %s", tc.denied, got, tc.want)
		}
	}
	m := templates(t)
	delete(m, "templates/class.html")
	if got, want := loadDiags(m), `templates/class.html: error: missing template: needed for the class page`; got != want {
		t.Errorf("class.html missing:\n got: %s\nwant: %s", got, want)
	}
}

func TestLoad_RejectsSymbolicLinks(t *testing.T) {
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink | 0o777}
	}
	tests := []struct {
		name string
		edit func(fstest.MapFS)
		want string
	}{
		{"asset", func(m fstest.MapFS) { m["templates/assets/secret.txt"] = link("../../../outside/secret.txt") },
			`templates/assets/secret.txt: error: symbolic links are not allowed in templates; commit the file itself`},
		{"page template", func(m fstest.MapFS) { m["templates/class.html"] = link("../../outside/class.html") },
			`templates/class.html: error: symbolic links are not allowed in templates; commit the file itself`},
		{"base template", func(m fstest.MapFS) { m["templates/base.html"] = link("../../outside/base.html") },
			`templates/base.html: error: symbolic links are not allowed in templates; commit the file itself`},
		{"asset directory", func(m fstest.MapFS) {
			for k := range m {
				if strings.HasPrefix(k, "templates/assets/") {
					delete(m, k)
				}
			}
			m["templates/assets"] = link("../../outside/assets")
		}, `templates/assets: error: symbolic links are not allowed in templates; commit the directory itself`},
		{"template directory", func(m fstest.MapFS) {
			for k := range m {
				delete(m, k)
			}
			m["templates"] = link("../outside/templates")
		}, `templates: error: symbolic links are not allowed in templates; commit the directory itself`},
	}
	for _, tc := range tests {
		m := templates(t)
		tc.edit(m)
		if got := loadDiags(m); got != tc.want {
			t.Errorf("%s:\n got: %s\nwant: %s", tc.name, got, tc.want)
		}
	}
}

func TestLoad_AssetErrorsArePositioned(t *testing.T) {
	m := templates(t)
	m["templates/assets/site.js"] = &fstest.MapFile{Data: []byte("// ok\nfunction ( {\n")}
	want := `templates/assets/site.js:2:10: error: cannot minify: expected Identifier instead of ( in function declaration`
	if got := loadDiags(m); got != want {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", got, want)
	}
}

func TestMergeSame(t *testing.T) {
	at := diag.Pos{Path: "templates/class.html", Line: 4, Col: 23}
	var l diag.List
	l.Errorf(at, "template: boom")
	l.Errorf(diag.Pos{Path: "templates/status.html", Line: 1}, "template: other")
	l.Errorf(at, "template: boom")
	l.Errorf(at, "template: boom")
	got := mergeSame(l).Error()
	want := "templates/class.html:4:23: error: template: boom (on 3 pages)\n" +
		"templates/status.html:1: error: template: other"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
