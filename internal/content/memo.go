package content

import (
	"crypto/sha256"
	"errors"
	"io/fs"

	"github.com/statusgen/statusgen/internal/diag"
)

// fileMemo is what one data file of content/ decoded to last time, by the
// hash of its bytes. A Loader keeps one per data file so that an unchanged
// file is not parsed again on every rebuild (the request builder's model
// took a third of a preview rebuild of the real site) and keeps its
// value's identity, which incremental builds rely on.
type fileMemo[T any] struct {
	sum  [32]byte
	val  *T
	errs diag.List
	ok   bool
}

// loadFile reads the data file p, if there is one, and decodes it with
// decode unless m holds the result for the same bytes. Problems reading
// the file are reported afresh each time; what decode reported is
// remembered with its result.
func loadFile[T any](fsys fs.FS, p string, m *fileMemo[T], decode func([]byte, *diag.List) *T, errs *diag.List) *T {
	src, ok := readDataFile(fsys, p, errs)
	if !ok {
		*m = fileMemo[T]{}
		return nil
	}
	if sum := sha256.Sum256(src); !m.ok || m.sum != sum {
		var own diag.List
		v := decode(src, &own)
		*m = fileMemo[T]{sum: sum, val: v, errs: own, ok: true}
	}
	errs.Append(m.errs)
	return m.val
}

// readDataFile reads the data file p. A missing file is not an error: ok
// is false and nothing is reported.
func readDataFile(fsys fs.FS, p string, errs *diag.List) (src []byte, ok bool) {
	if isSymlink(fsys, p) {
		errs.Errorf(diag.Pos{Path: p}, "%s", symlinkFileMsg)
		return nil, false
	}
	src, err := fs.ReadFile(fsys, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false
	case err != nil:
		errs.Errorf(diag.Pos{Path: p}, "cannot read: %v", unwrapPathError(err))
		return nil, false
	}
	return src, true
}
