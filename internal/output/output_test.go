package output

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// site returns a tree of n files whose contents all name generation gen, so
// that a reader can tell a whole site from a mix of two.
func site(gen, n int) *Files {
	f := NewFiles()
	f.Add("index.html", []byte(fmt.Sprintf("gen %d", gen)))
	for i := 0; i < n; i++ {
		f.Add(fmt.Sprintf("status/%d/index.html", 100+i), []byte(fmt.Sprintf("gen %d page %d", gen, i)))
	}
	return f
}

// generation reads dir and returns the one generation all its files have,
// or an error if the site is missing, incomplete or mixed.
func generation(dir string, n int) (int, error) {
	var gen int
	if _, err := fmt.Sscanf(readFile(dir, "index.html"), "gen %d", &gen); err != nil {
		return 0, fmt.Errorf("index.html: %v", err)
	}
	count := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == Marker || d.Name() == "index.html" && filepath.Dir(p) == dir {
			return err
		}
		count++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !strings.HasPrefix(string(b), fmt.Sprintf("gen %d page", gen)) {
			return fmt.Errorf("%s is %q in a site of generation %d", p, b, gen)
		}
		return nil
	})
	if err == nil && count != n {
		err = fmt.Errorf("%d pages, want %d", count, n)
	}
	if _, serr := os.Stat(filepath.Join(dir, Marker)); err == nil && serr != nil {
		err = fmt.Errorf("no marker: %v", serr)
	}
	return gen, err
}

func readFile(dir, name string) string {
	b, _ := os.ReadFile(filepath.Join(dir, name))
	return string(b)
}

// beside lists what is in dir's parent other than dir.
func beside(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteDir_ReplacesWholeDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := NewFiles()
	first.Add("index.html", []byte("one"))
	first.Add("old/page.html", []byte("stale"))
	if err := WriteDir(context.Background(), dir, first); err != nil {
		t.Fatal(err)
	}
	second := NewFiles()
	second.Add("index.html", []byte("two"))
	if err := WriteDir(context.Background(), dir, second); err != nil {
		t.Fatal(err)
	}
	if got := readFile(dir, "index.html"); got != "two" {
		t.Errorf("index.html = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "old")); err == nil {
		t.Error("stale file from the previous build survived")
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
		t.Errorf("output has no marker: %v", err)
	}
	if left := beside(t, dir); len(left) != 0 {
		t.Errorf("leftovers beside the output: %v", left)
	}
}

func TestWriteDir_FailureLeavesPreviousOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	good := NewFiles()
	good.Add("index.html", []byte("good"))
	if err := WriteDir(context.Background(), dir, good); err != nil {
		t.Fatal(err)
	}
	// "a" as a file and as a directory cannot both be written.
	bad := NewFiles()
	bad.Add("index.html", []byte("bad"))
	bad.Add("a", []byte("file"))
	bad.Add("a/b.html", []byte("under a file"))
	if err := WriteDir(context.Background(), dir, bad); err == nil {
		t.Fatal("want an error")
	}
	if got := readFile(dir, "index.html"); got != "good" {
		t.Errorf("previous output changed: index.html = %q", got)
	}
	if left := beside(t, dir); len(left) != 0 {
		t.Errorf("temporary directory left behind: %v", left)
	}
}

func TestWriteDir_CancelledLeavesPreviousOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := WriteDir(context.Background(), dir, site(1, 10)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteDir(ctx, dir, site(2, 10)); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if gen, err := generation(dir, 10); err != nil || gen != 1 {
		t.Errorf("generation %d, %v; want the whole old site", gen, err)
	}
	if left := beside(t, dir); len(left) != 0 {
		t.Errorf("temporary directory left behind: %v", left)
	}
}

func TestWriteDir_OnlyReplacesItsOwnDirectories(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(dir string) error
		ok      bool
	}{
		{"missing", func(string) error { return nil }, true},
		{"empty", func(dir string) error { return os.Mkdir(dir, 0o755) }, true},
		{"marked", func(dir string) error {
			if err := os.Mkdir(dir, 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, Marker), nil, 0o644)
		}, true},
		{"someone's files", func(dir string) error {
			if err := os.MkdirAll(filepath.Join(dir, "status"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "status", "404.md"), []byte("a contributor's page"), 0o644)
		}, false},
		{"a file", func(dir string) error { return os.WriteFile(dir, []byte("x"), 0o644) }, false},
		{"a symbolic link to a marked directory", func(dir string) error {
			real := dir + "-real"
			if err := os.Mkdir(real, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(real, Marker), nil, 0o644); err != nil {
				return err
			}
			return os.Symlink(real, dir)
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if err := tc.prepare(dir); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, filepath.Dir(dir))
			err := WriteDir(context.Background(), dir, site(1, 2))
			if tc.ok {
				if err != nil {
					t.Fatalf("WriteDir: %v", err)
				}
				if _, err := generation(dir, 2); err != nil {
					t.Error(err)
				}
				return
			}
			if err == nil {
				t.Fatal("replaced a directory statusgen did not write")
			}
			if after := snapshot(t, filepath.Dir(dir)); after != before {
				t.Errorf("refused, but changed files:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// snapshot describes every file under dir with its contents.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s %v", rel, d.Type())
		if d.Type().IsRegular() {
			data, _ := os.ReadFile(p)
			fmt.Fprintf(&b, " %q", data)
		}
		b.WriteString("; ")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteDir_RemovesStaleTemporaryDirectoriesItOwns(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	mk := func(name string, files ...string) {
		p := filepath.Join(parent, name)
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(p, f), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk(".public.new-111", Marker, "index.html") // a killed build's new tree
	mk(".public.old-222", Marker)               // a removal cut short
	mk(".public.new-333")                       // killed right after mkdir
	mk(".public.new-444", "notes.txt")          // not ours: no marker
	mk(".other.new-555", Marker)                // another target's
	if err := WriteDir(context.Background(), dir, site(1, 1)); err != nil {
		t.Fatal(err)
	}
	got := beside(t, dir)
	want := []string{".other.new-555", ".public.new-444"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("left beside the output: %v, want %v", got, want)
	}
}

func TestWriteDir_OneBuildAtATime(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock")
	}
	dir := filepath.Join(t.TempDir(), "public")
	d, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := WriteDir(context.Background(), dir, site(1, 1)); err == nil || !strings.Contains(err.Error(), "another build is writing it") {
		t.Fatalf("second build at once: err = %v", err)
	}
}

// TestWriteDir_CrashAtAnyStep stops a write at each of its steps, as a
// killed process would stop, and checks that the target holds the whole old
// site or the whole new one, and that the next build cleans up.
func TestWriteDir_CrashAtAnyStep(t *testing.T) {
	const n = 5
	steps := []string{"created", "marker", "file", "swap", "swapped"}
	for _, step := range steps {
		for _, nth := range []int{1, 3} {
			if nth > 1 && step != "file" {
				continue
			}
			t.Run(fmt.Sprintf("%s-%d", step, nth), func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "public")
				if err := WriteDir(context.Background(), dir, site(1, n)); err != nil {
					t.Fatal(err)
				}
				seen := 0
				hook := func(s string) error {
					if s == step {
						if seen++; seen == nth {
							return errCrash
						}
					}
					return nil
				}
				err := writeWithHook(dir, site(2, n), hook)
				if !errors.Is(err, errCrash) {
					t.Fatalf("err = %v, want the simulated crash", err)
				}
				gen, err := generation(dir, n)
				if err != nil {
					t.Fatalf("after a crash at %s: %v", step, err)
				}
				if want := map[bool]int{true: 2, false: 1}[step == "swapped"]; gen != want {
					t.Errorf("generation %d after a crash at %s, want %d", gen, step, want)
				}
				if err := WriteDir(context.Background(), dir, site(3, n)); err != nil {
					t.Fatal(err)
				}
				if left := beside(t, dir); len(left) != 0 {
					t.Errorf("the next build left %v", left)
				}
			})
		}
	}
}

func writeWithHook(dir string, f *Files, hook func(string) error) error {
	d, err := create(dir, hook)
	if err != nil {
		return err
	}
	for _, name := range f.Names() {
		data, _ := f.Get(name)
		if err := d.Add(name, data); err != nil {
			return err
		}
	}
	return d.Commit()
}

func TestWriteDir_ReaderNeverSeesTheOutputMissing(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("only Linux and macOS swap directories atomically")
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := WriteDir(context.Background(), dir, site(0, 20)); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	result := make(chan [2]int)
	go func() {
		reads, misses := 0, 0
		for {
			select {
			case <-done:
				result <- [2]int{reads, misses}
				return
			default:
			}
			if _, err := os.ReadFile(filepath.Join(dir, "index.html")); err != nil {
				misses++
			}
			reads++
		}
	}()
	for gen := 1; gen <= 32; gen++ {
		if err := WriteDir(context.Background(), dir, site(gen, 20)); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	r := <-result
	if r[1] != 0 {
		t.Fatalf("index.html was missing in %d of %d reads during 32 builds", r[1], r[0])
	}
	t.Logf("%d reads during 32 builds, none missed", r[0])
}

func TestFiles_FS(t *testing.T) {
	f := NewFiles()
	names := []string{"404.html", "index.html", "status/404/index.html", "status/4xx/index.html", "status/index.html", "assets/a.css"}
	for _, n := range names {
		f.Add(n, []byte("contents of "+n))
	}
	fsys := f.FS(time.Unix(1e9, 0))
	if err := fstest.TestFS(fsys, names...); err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(fsys, "status")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, fmt.Sprintf("%s:%v", e.Name(), e.IsDir()))
	}
	if want := "404:true 4xx:true index.html:false"; strings.Join(got, " ") != want {
		t.Errorf("ReadDir(status) = %v, want %s", got, want)
	}
	if !sort.StringsAreSorted(f.Names()) {
		t.Error("Names not sorted")
	}
}

// BenchmarkFiles_FSWalk walks a 4,000-directory tree, which a map-backed
// file system lists in quadratic time.
func BenchmarkFiles_FSWalk(b *testing.B) {
	f := NewFiles()
	for i := 0; i < 4000; i++ {
		f.Add(fmt.Sprintf("p/%d/index.html", i), []byte("x"))
	}
	fsys := f.FS(time.Time{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		_ = fs.WalkDir(fsys, ".", func(string, fs.DirEntry, error) error { n++; return nil })
	}
}

func TestDir_ReuseLinksUnchangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	write := func(manifest []byte, files map[string]string) (*Dir, []byte) {
		d, err := Create(dir)
		if err != nil {
			t.Fatal(err)
		}
		d.Reuse(manifest)
		for name, data := range files {
			var err error
			if strings.HasPrefix(name, "page") {
				err = d.AddKeyed(name, sha256.Sum256([]byte("key of "+data)), sha256.Sum256([]byte(data)), []byte(data))
			} else {
				err = d.Add(name, []byte(data))
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		m := d.Manifest()
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		return d, m
	}
	_, m := write(nil, map[string]string{"page/a.html": "A", "page/b.html": "B", "style.css": "css"})
	d, m := write(m, map[string]string{"page/a.html": "A", "page/b.html": "B2", "style.css": "css"})
	if d.Linked() != 2 {
		t.Errorf("linked %d files, want 2 (a.html and style.css)", d.Linked())
	}
	if got := readFile(dir, "page/b.html"); got != "B2" {
		t.Errorf("b.html = %q", got)
	}
	// A file changed behind statusgen's back is written again.
	if err := os.WriteFile(filepath.Join(dir, "page", "a.html"), []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, _ = write(m, map[string]string{"page/a.html": "A", "page/b.html": "B2", "style.css": "css"})
	if got := readFile(dir, "page/a.html"); got != "A" || d.Linked() != 2 {
		t.Errorf("a.html = %q after a hand edit, linked %d", got, d.Linked())
	}
	// A manifest that does not parse is ignored.
	d, _ = write([]byte("garbage"), map[string]string{"page/a.html": "A"})
	if d.Linked() != 0 || readFile(dir, "page/a.html") != "A" {
		t.Errorf("a bad manifest linked %d files", d.Linked())
	}
}

// TestFiles_LazyIsMadeOnceWhenRead: a Lazy file is listed and sized
// without being made, and made once however it is read.
func TestFiles_LazyIsMadeOnceWhenRead(t *testing.T) {
	f := NewFiles()
	made := 0
	f.AddLazy("big.txt", NewLazy([32]byte{1}, 5, func() []byte { made++; return []byte("hello") }))
	if n := f.Names(); len(n) != 1 || n[0] != "big.txt" || f.Len() != 1 {
		t.Fatalf("names %v, len %d", n, f.Len())
	}
	fsys := f.FS(time.Time{})
	fi, err := fs.Stat(fsys, "big.txt")
	if err != nil || fi.Size() != 5 || made != 0 {
		t.Fatalf("stat: %v, size %d, made %d times", err, fi.Size(), made)
	}
	if b, ok := f.Get("big.txt"); !ok || string(b) != "hello" {
		t.Errorf("Get = %q, %v", b, ok)
	}
	if b, err := fs.ReadFile(fsys, "big.txt"); err != nil || string(b) != "hello" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
	if made != 1 {
		t.Errorf("made %d times, want 1", made)
	}
	f.Add("big.txt", []byte("plain"))
	if b, _ := f.Get("big.txt"); string(b) != "plain" || f.Len() != 1 {
		t.Errorf("Add over a Lazy file: %q, len %d", b, f.Len())
	}
}
