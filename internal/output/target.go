package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// CheckTarget refuses output directories whose replacement would destroy
// the sources: the file system root, the source directory src itself, any
// ancestor of it, and any directory inside it except defaultOut (the
// relative path of the one output directory a source tree may hold,
// "public"). Paths are compared after resolving symbolic links, so a link
// cannot smuggle the sources in. The message says why and what to do.
func CheckTarget(out, src, defaultOut string) error {
	ao, err := resolve(out)
	if err != nil {
		return fmt.Errorf("-out %s: %w", out, err)
	}
	as, err := resolve(src)
	if err != nil {
		return fmt.Errorf("-src %s: %w", src, err)
	}
	allowed := filepath.Join(as, defaultOut)
	switch {
	case ao == filepath.Dir(ao):
		return fmt.Errorf("-out %s is the root of the file system; refusing to replace it: choose a directory of its own, like public", out)
	case ao == as:
		return fmt.Errorf("-out %s is the source directory %s; replacing it would delete the sources: choose a directory of its own, like %s", out, src, defaultOut)
	case within(as, ao):
		return fmt.Errorf("-out %s contains the source directory %s; replacing it would delete the sources: choose a directory of its own, like %s", out, src, defaultOut)
	case ao != allowed && within(ao, as):
		return fmt.Errorf("-out %s is inside the source directory %s, where only %s/ is build output: use -out %s, or a directory outside %s", out, src, defaultOut, defaultOut, src)
	}
	return nil
}

// within reports whether p is strictly inside dir.
func within(p, dir string) bool {
	return p != dir && strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// resolve returns the absolute path of p with every symbolic link in its
// existing part resolved; the part that does not exist yet is kept as
// written.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var missing []string
	cur := abs
	for {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			for i := len(missing) - 1; i >= 0; i-- {
				real = filepath.Join(real, missing[i])
			}
			return real, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		missing = append(missing, filepath.Base(cur))
		cur = parent
	}
}
