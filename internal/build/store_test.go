package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/statusgen/statusgen/internal/cache"
	"github.com/statusgen/statusgen/internal/sitetest"
)

// TestStore_WarmBuildEqualsColdBuild builds the real site cold, then
// twice with a persistent cache (filling it, then reading it), then with
// every cache entry damaged, and checks that all four outputs are byte for
// byte the same.
func TestStore_WarmBuildEqualsColdBuild(t *testing.T) {
	fsys := sitetest.MapFS(t, sitetest.Real(t))
	cold := mustBuild(t, fsys, Options{})
	dir := t.TempDir()
	store, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []string{"filling the cache", "from the cache"} {
		res, errs := New().WithStore(store).Build(context.Background(), fsys, Options{})
		if res == nil {
			t.Fatal(errs)
		}
		if diff := compareFiles(res, cold); diff != "" {
			t.Fatalf("%s: output differs from a cold build: %s", run, diff)
		}
	}
	// Damage every entry: truncate half of them, flip a byte in the rest.
	n := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if n++; n%2 == 0 {
			b = b[:len(b)/2]
		} else {
			b[len(b)-1] ^= 0x55
		}
		return os.WriteFile(p, b, 0o644)
	})
	if err != nil || n == 0 {
		t.Fatalf("damaged %d entries: %v", n, err)
	}
	res, errs := New().WithStore(store).Build(context.Background(), fsys, Options{})
	if res == nil {
		t.Fatal(errs)
	}
	if diff := compareFiles(res, cold); diff != "" {
		t.Fatalf("with %d damaged cache entries the output differs: %s", n, diff)
	}
}

// TestStore_EditRendersOnlyWhatChanged edits one page and checks that a
// build with a warm cache renders that page and the pages that show its
// summary, and takes the rest from the cache.
func TestStore_EditRendersOnlyWhatChanged(t *testing.T) {
	fsys := sitetest.FixtureFS(t)
	store, _ := cache.Open(t.TempDir())
	build := func() *Result {
		res, errs := New().WithStore(store).Build(context.Background(), fsys, Options{})
		if res == nil {
			t.Fatal(errs)
		}
		return res
	}
	if first := build(); first.Rendered != first.Pages {
		t.Fatalf("cold: rendered %d of %d", first.Rendered, first.Pages)
	}
	if warm := build(); warm.Rendered != 0 {
		t.Errorf("warm, nothing changed: rendered %d pages", warm.Rendered)
	}
	edits[0].apply(fsys, 1) // a body edit of 410
	if res := build(); res.Rendered != 1 {
		t.Errorf("after a body edit: rendered %d pages, want 1", res.Rendered)
	}
}
