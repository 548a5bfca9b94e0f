// Package sitetest gives tests site source trees to work on: the small
// fixture site under testdata/fixture, or the repository's own content, each
// with the real templates, copied to a temporary directory or held in
// memory.
package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"
)

// Root returns the repository's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Fixture copies the fixture site's content and the real templates to a new
// temporary directory and returns it.
func Fixture(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	CopyDir(t, filepath.Join(Root(), "testdata", "fixture", "content"), filepath.Join(dst, "content"))
	CopyDir(t, filepath.Join(Root(), "templates"), filepath.Join(dst, "templates"))
	return dst
}

// Real copies the repository's own content and templates to a new
// temporary directory and returns it.
func Real(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	CopyDir(t, filepath.Join(Root(), "content"), filepath.Join(dst, "content"))
	CopyDir(t, filepath.Join(Root(), "templates"), filepath.Join(dst, "templates"))
	return dst
}

// FixtureFS returns the fixture site with the real templates, in memory.
func FixtureFS(t testing.TB) fstest.MapFS {
	t.Helper()
	return MapFS(t, Fixture(t))
}

// MapFS reads every file under dir into memory.
func MapFS(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// CopyDir copies the tree src to dst, which must not hold any of its files
// yet.
func CopyDir(t testing.TB, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// Denied wraps fsys so that opening any of names fails with
// fs.ErrPermission, as for files a user may not read: chmod cannot show
// that to tests running as root, as CI does.
func Denied(fsys fs.FS, names ...string) fs.FS {
	d := deniedFS{FS: fsys, denied: map[string]bool{}}
	for _, n := range names {
		d.denied[n] = true
	}
	return d
}

type deniedFS struct {
	fs.FS
	denied map[string]bool
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if d.denied[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}
