package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Marker is the file every output directory written by statusgen carries.
// A directory that has it was written by statusgen and may be replaced; one
// that has not is left alone unless it is empty.
const Marker = ".statusgen-output"

const markerText = "statusgen build output: this directory is replaced as a whole by every `statusgen build`.\n"

// ErrNotOutput means the target exists, is not empty, and was not written
// by statusgen, so replacing it could destroy someone's files.
var ErrNotOutput = errors.New("not a statusgen output directory")

// Dir is a build being written to disk. Files go into a new temporary
// directory beside the target; Commit puts the whole tree in place at once,
// Abort throws it away. While a Dir is open it holds a lock on the target's
// parent directory, so two builds never write the same target at once.
type Dir struct {
	target string
	tmp    string
	unlock func()

	// hook, when set by tests, runs at each step; errCrash from it stops
	// the write where it is, as a killed process would.
	hook func(step string) error

	mu   sync.Mutex
	done bool

	prev   map[string]manifestEntry // the output it replaces, for Link
	next   map[string]manifestEntry // the output it writes
	linked int

	made sync.Map // directories of tmp known to exist, to skip MkdirAll
}

// Create prepares to replace target. It refuses a target that exists and
// was not written by statusgen (ErrNotOutput) unless it is empty, removes the
// temporary directories that earlier, interrupted builds left beside it, and
// opens the new temporary directory.
func Create(target string) (*Dir, error) { return create(target, nil) }

func create(target string, hook func(string) error) (*Dir, error) {
	d := &Dir{target: filepath.Clean(target), hook: hook}
	parent, base := filepath.Dir(d.target), filepath.Base(d.target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockDir(parent)
	if err != nil {
		return nil, fmt.Errorf("%s: another build is writing it right now (%v); try again when it has finished", d.target, err)
	}
	d.unlock = unlock
	if err := checkReplaceable(d.target); err != nil {
		d.release()
		return nil, err
	}
	if err := removeStale(parent, base); err != nil {
		d.release()
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(base, "new"))
	if err != nil {
		d.release()
		return nil, err
	}
	d.tmp = tmp
	if err := d.step("created"); err != nil {
		return nil, err
	}
	// The marker goes in first, so that any temporary directory of ours
	// that a crash leaves behind is recognisably ours.
	err = os.Chmod(tmp, 0o755)
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644)
	}
	if err != nil {
		d.Abort()
		return nil, err
	}
	if err := d.step("marker"); err != nil {
		return nil, err
	}
	return d, nil
}

// errCrash is what a test hook returns to stop a write dead, leaving
// everything as a killed process would.
var errCrash = errors.New("simulated crash")

func (d *Dir) step(name string) error {
	if d.hook == nil {
		return nil
	}
	err := d.hook(name)
	if errors.Is(err, errCrash) {
		d.release() // the kernel drops a dead process's locks
		d.done = true
	}
	return err
}

// Add writes one file into the new tree, or links it from the previous
// output if that has the same bytes (see Reuse). It implements Sink.
func (d *Dir) Add(name string, data []byte) error {
	if d.prev != nil {
		k := contentKey(data)
		return d.AddKeyed(name, k, k, data)
	}
	return d.write(name, data)
}

func validName(name string) bool { return fs.ValidPath(name) && name != "." && name != Marker }

// mkdir makes the directory dir of the new tree and its parents. A site
// puts two or three files in each of thousands of directories: once one
// is made, the files after the first need not ask the file system again.
func (d *Dir) mkdir(dir string) error {
	if _, ok := d.made.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.made.Store(dir, struct{}{})
	return nil
}

func (d *Dir) write(name string, data []byte) error {
	if !validName(name) {
		return fmt.Errorf("%s: invalid output path", name)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	return d.step("file")
}

// Commit replaces the target with the new tree and removes the old one.
// After Commit or Abort the Dir must not be used.
func (d *Dir) Commit() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return errors.New("output: Commit after Commit or Abort")
	}
	if err := d.step("swap"); err != nil {
		return err
	}
	d.done = true
	defer d.release()
	old, err := replace(d.tmp, d.target)
	if err != nil {
		_ = removeOwned(d.tmp)
		return err
	}
	if old == "" {
		return nil
	}
	if err := d.step("swapped"); err != nil {
		return err
	}
	return removeOwned(old)
}

// Abort removes the new tree; the target is left as it was.
func (d *Dir) Abort() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done {
		return
	}
	d.done = true
	_ = removeOwned(d.tmp)
	d.release()
}

func (d *Dir) release() {
	if d.unlock != nil {
		d.unlock()
		d.unlock = nil
	}
}

func tempPrefix(base, kind string) string { return "." + base + "." + kind + "-" }

// checkReplaceable reports why target must not be replaced, if it must
// not: it is not a directory, or it holds files statusgen did not write.
func checkReplaceable(target string) error {
	fi, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; give the directory itself", target)
	case !fi.IsDir():
		return fmt.Errorf("%s exists and is not a directory", target)
	}
	if ours, err := isOwned(target); err != nil || ours {
		return err
	}
	return fmt.Errorf("%s: %w: it is not empty and has no %s file, so statusgen did not write it; "+
		"delete it yourself if it is an old build, or choose another output directory", target, ErrNotOutput, Marker)
}

// isOwned reports whether dir is empty or carries the marker.
func isOwned(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	if len(entries) == 0 {
		return true, nil
	}
	fi, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && fi.Mode().IsRegular(), nil
}

// removeStale removes the temporary directories that interrupted builds of
// target left in parent. The caller holds the lock, so no other build is
// using them; only directories of our naming that are empty or marked are
// touched.
func removeStale(parent, base string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !(strings.HasPrefix(name, tempPrefix(base, "new")) || strings.HasPrefix(name, tempPrefix(base, "old"))) {
			continue
		}
		p := filepath.Join(parent, name)
		if ours, err := isOwned(p); err == nil && ours {
			if err := removeOwned(p); err != nil {
				return fmt.Errorf("removing %s, left by an interrupted build: %w", p, err)
			}
		}
	}
	return nil
}

// removeOwned deletes a tree statusgen wrote, its marker last, so that a
// deletion cut short still leaves a directory recognisably ours.
func removeOwned(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == Marker {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	if err := os.Remove(filepath.Join(dir, Marker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Remove(dir)
}

// replace puts the tree at tmp in place of target. It returns where the old
// tree now is, to be removed, or "" if there was none.
func replace(tmp, target string) (string, error) {
	parent, base := filepath.Dir(target), filepath.Base(target)
	old := filepath.Join(parent, tempPrefix(base, "old")+strings.TrimPrefix(filepath.Base(tmp), tempPrefix(base, "new")))
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, target)
	}
	switch err := exchange(tmp, target); {
	case err == nil:
		// tmp now holds the old tree: give it the name of an old one.
		if err := os.Rename(tmp, old); err != nil {
			return tmp, nil
		}
		return old, nil
	case !errors.Is(err, errNoExchange):
		return "", err
	}
	// No atomic exchange here: two renames, with a moment between them in
	// which target does not exist.
	if err := os.Rename(target, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, target); err != nil {
		if rerr := os.Rename(old, target); rerr != nil {
			return "", fmt.Errorf("%w (and restoring the previous output failed: %v)", err, rerr)
		}
		return "", err
	}
	return old, nil
}
