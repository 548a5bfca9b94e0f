package build

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/sitetest"
)

// TestBuild_StreamedToDiskEqualsInMemory builds the real site into a
// directory, as `statusgen build` does, pages streaming to disk, the
// Markdown twins concatenated into llms-full.txt as pages finish, and
// unchanged files linked from the previous output, and checks that every
// tree is byte for byte the in-memory build of the same sources: the
// service worker's version included, though linked files are never read.
func TestBuild_StreamedToDiskEqualsInMemory(t *testing.T) {
	fsys := sitetest.MapFS(t, sitetest.Real(t))
	target := filepath.Join(t.TempDir(), "public")
	var manifest []byte
	for _, run := range []struct {
		name  string
		reuse bool
		edit  bool
	}{
		{"streamed", false, false},
		{"keeping a manifest", true, false},
		{"linking from the previous output", true, false},
		{"after an edit", true, true},
	} {
		if run.edit {
			f := fsys["content/status/404.md"]
			f.Data = bytes.Replace(f.Data, []byte("\n## "), []byte("\nAn edit.\n\n## "), 1)
		}
		want := mustBuild(t, fsys, Options{})
		dir, err := output.Create(target)
		if err != nil {
			t.Fatal(err)
		}
		if run.reuse {
			dir.Reuse(manifest)
		}
		res, errs := New().Build(context.Background(), fsys, Options{Sink: dir})
		if res == nil {
			dir.Abort()
			t.Fatalf("%s: %v", run.name, errs)
		}
		manifest = dir.Manifest()
		if err := dir.Commit(); err != nil {
			t.Fatal(err)
		}
		if run.name == "linking from the previous output" && dir.Linked() < len(want.Files.Names())/2 {
			t.Errorf("%s: linked %d files of %d", run.name, dir.Linked(), len(want.Files.Names()))
		}
		compareTree(t, run.name, target, want)
	}
}

// compareTree checks that the directory dir holds exactly the files of
// want, with the same bytes, and the output marker.
func compareTree(t *testing.T, what, dir string, want *Result) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name, _ := filepath.Rel(dir, p)
		name = filepath.ToSlash(name)
		if name == output.Marker {
			return nil
		}
		n++
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if b, ok := want.Files.Get(name); !ok {
			t.Errorf("%s: %s is not in the in-memory build", what, name)
		} else if !bytes.Equal(got, b) {
			t.Errorf("%s: %s differs from the in-memory build", what, name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != want.Files.Len() {
		t.Errorf("%s: %d files on disk, want %d", what, n, want.Files.Len())
	}
}
