// Package output holds a built site as an in-memory file tree, and writes
// it to disk atomically.
//
// One build produces one Files value; `build` writes it with WriteDir and
// `serve` serves it through FS. Both sinks see the same bytes.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"testing/fstest"
	"time"
)

// Files is a built site: slash-separated paths without a leading slash,
// such as "status/404/index.html", mapped to their contents.
type Files struct {
	m map[string][]byte
}

// NewFiles returns an empty file tree.
func NewFiles() *Files { return &Files{m: map[string][]byte{}} }

// Add sets the contents of name.
func (f *Files) Add(name string, data []byte) { f.m[name] = data }

// Get returns the contents of name.
func (f *Files) Get(name string) ([]byte, bool) {
	b, ok := f.m[name]
	return b, ok
}

// Len returns the number of files.
func (f *Files) Len() int { return len(f.m) }

// Names returns every path, sorted.
func (f *Files) Names() []string {
	out := make([]string, 0, len(f.m))
	for n := range f.m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// FS returns a read-only fs.FS view of the files, each with modification
// time mod.
func (f *Files) FS(mod time.Time) fs.FS {
	m := make(fstest.MapFS, len(f.m))
	for n, b := range f.m {
		m[n] = &fstest.MapFile{Data: b, Mode: 0o644, ModTime: mod}
	}
	return m
}

// WriteDir replaces dir with the files, atomically as far as a reader of
// dir can tell: the files are written into a new directory beside dir, which
// is swapped in by rename only once every file is on disk. If anything fails,
// dir is left exactly as it was.
func WriteDir(dir string, f *Files) (err error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s: exists and is not a directory", dir)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, name := range f.Names() {
		if !fs.ValidPath(name) {
			return fmt.Errorf("%s: invalid output path", name)
		}
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.m[name], 0o644); err != nil {
			return err
		}
	}
	return swap(tmp, dir)
}

// swap moves tmp to dir, moving any existing dir out of the way first and
// back again if the second rename fails.
func swap(tmp, dir string) error {
	old := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".old-"+path.Base(tmp))
	hadOld := true
	if err := os.Rename(dir, old); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		hadOld = false
	}
	if err := os.Rename(tmp, dir); err != nil {
		if hadOld {
			if rerr := os.Rename(old, dir); rerr != nil {
				return fmt.Errorf("%w (and restoring the previous output failed: %v)", err, rerr)
			}
		}
		return err
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}
