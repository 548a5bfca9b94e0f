package output

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"
)

// Files is a built site held in memory: slash-separated paths without a
// leading slash, such as "status/404/index.html", mapped to their contents.
// It is safe for concurrent use.
type Files struct {
	mu   sync.RWMutex
	m    map[string][]byte
	lazy map[string]*Lazy
}

// NewFiles returns an empty file tree.
func NewFiles() *Files { return NewFilesSize(0) }

// NewFilesSize returns an empty file tree with room for about n files, so
// that a build whose size is known up front never grows the tree's index:
// at 10,000 pages growing it cost a tenth of a preview rebuild.
func NewFilesSize(n int) *Files {
	return &Files{m: make(map[string][]byte, n), lazy: map[string]*Lazy{}}
}

// Lazy is a file whose bytes are made the first time they are read: a
// large file that a preview may never be asked for, such as one that
// concatenates every page, costs nothing to rebuild until it is.
type Lazy struct {
	// Sum identifies the bytes without making them: two Lazy files with
	// the same Sum have the same bytes.
	Sum  [32]byte
	Size int

	once sync.Once
	make func() []byte
	data []byte
}

// NewLazy returns a file of size bytes, identified by sum, that make
// makes.
func NewLazy(sum [32]byte, size int, make func() []byte) *Lazy {
	return &Lazy{Sum: sum, Size: size, make: make}
}

// Bytes returns the file's bytes, making them on the first call.
func (l *Lazy) Bytes() []byte {
	l.once.Do(func() { l.data, l.make = l.make(), nil })
	return l.data
}

// LazySink is a Sink that can hold a Lazy file.
type LazySink interface {
	Sink
	AddLazy(name string, l *Lazy) error
}

// AddLazy sets name to a file made when first read. It implements
// LazySink and never fails.
func (f *Files) AddLazy(name string, l *Lazy) error {
	f.mu.Lock()
	delete(f.m, name)
	f.lazy[name] = l
	f.mu.Unlock()
	return nil
}

// Lazy returns the file name if it is a Lazy one.
func (f *Files) Lazy(name string) (*Lazy, bool) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	l, ok := f.lazy[name]
	return l, ok
}

// Add sets the contents of name. It implements Sink and never fails.
func (f *Files) Add(name string, data []byte) error {
	f.mu.Lock()
	delete(f.lazy, name)
	f.m[name] = data
	f.mu.Unlock()
	return nil
}

// Get returns the contents of name, making them if it is a Lazy file.
func (f *Files) Get(name string) ([]byte, bool) {
	f.mu.RLock()
	b, ok := f.m[name]
	l := f.lazy[name]
	f.mu.RUnlock()
	if l != nil {
		return l.Bytes(), true
	}
	return b, ok
}

// Len returns the number of files.
func (f *Files) Len() int {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return len(f.m) + len(f.lazy)
}

// Names returns every path, sorted.
func (f *Files) Names() []string {
	f.mu.RLock()
	out := make([]string, 0, len(f.m)+len(f.lazy))
	for n := range f.m {
		out = append(out, n)
	}
	for n := range f.lazy {
		out = append(out, n)
	}
	f.mu.RUnlock()
	sort.Strings(out)
	return out
}

// FS returns a read-only fs.FS snapshot of the files, each with
// modification time mod. Directory listings are sorted by name; looking up
// a file or listing a directory costs a binary search, not a scan of every
// file, so a site of many thousands of pages lists as fast as a small one.
func (f *Files) FS(mod time.Time) fs.FS {
	names := f.Names()
	data := make([][]byte, len(names))
	lazy := map[int]*Lazy{}
	f.mu.RLock()
	for i, n := range names {
		if l := f.lazy[n]; l != nil {
			lazy[i] = l
		}
		data[i] = f.m[n]
	}
	f.mu.RUnlock()
	return &treeFS{names: names, data: data, lazy: lazy, mod: mod}
}

// treeFS serves sorted file names. Directories are implied by the names.
type treeFS struct {
	names []string
	data  [][]byte
	lazy  map[int]*Lazy // files made when opened, by index
	mod   time.Time
}

func (t *treeFS) bytes(i int) []byte {
	if l := t.lazy[i]; l != nil {
		return l.Bytes()
	}
	return t.data[i]
}

func (t *treeFS) size(i int) int64 {
	if l := t.lazy[i]; l != nil {
		return int64(l.Size)
	}
	return int64(len(t.data[i]))
}

func (t *treeFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	i := sort.SearchStrings(t.names, name)
	if i < len(t.names) && t.names[i] == name {
		return &memFile{info: fileInfo{name: path.Base(name), size: t.size(i), mod: t.mod},
			data: func() []byte { return t.bytes(i) }}, nil
	}
	entries, ok := t.list(name)
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memDir{info: fileInfo{name: path.Base(name), dir: true, mod: t.mod}, entries: entries}, nil
}

// ReadFile implements fs.ReadFileFS without copying through a reader.
func (t *treeFS) ReadFile(name string) ([]byte, error) {
	i := sort.SearchStrings(t.names, name)
	if !fs.ValidPath(name) || i == len(t.names) || t.names[i] != name {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
	}
	return append([]byte(nil), t.bytes(i)...), nil
}

// list returns the entries of directory dir, sorted, and whether it exists.
func (t *treeFS) list(dir string) ([]fs.DirEntry, bool) {
	prefix := dir + "/"
	if dir == "." {
		prefix = ""
	}
	i := sort.SearchStrings(t.names, prefix)
	var out []fs.DirEntry
	for i < len(t.names) && strings.HasPrefix(t.names[i], prefix) {
		rest := t.names[i][len(prefix):]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			sub := rest[:j]
			out = append(out, fs.FileInfoToDirEntry(fileInfo{name: sub, dir: true, mod: t.mod}))
			// Skip everything under sub: the next name after
			// "sub/\xff..." in sort order.
			i = sort.SearchStrings(t.names, prefix+sub+"/\xff")
			continue
		}
		out = append(out, fs.FileInfoToDirEntry(fileInfo{name: rest, size: t.size(i), mod: t.mod}))
		i++
	}
	return out, len(out) > 0 || dir == "."
}

type fileInfo struct {
	name string
	size int64
	dir  bool
	mod  time.Time
}

func (fi fileInfo) Name() string       { return fi.name }
func (fi fileInfo) Size() int64        { return fi.size }
func (fi fileInfo) ModTime() time.Time { return fi.mod }
func (fi fileInfo) IsDir() bool        { return fi.dir }
func (fi fileInfo) Sys() any           { return nil }
func (fi fileInfo) Mode() fs.FileMode {
	if fi.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

// memFile is an open file. Its bytes are fetched on the first read, so that
// a Lazy file is made only when read, not when opened for its size.
type memFile struct {
	info fileInfo
	data func() []byte
	r    *bytes.Reader
}

func (f *memFile) reader() *bytes.Reader {
	if f.r == nil {
		f.r = bytes.NewReader(f.data())
	}
	return f.r
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error) { return f.reader().Read(b) }
func (f *memFile) Close() error               { return nil }

// Seek and ReadAt let http.FileServer and http.ServeContent serve ranges.
func (f *memFile) Seek(off int64, whence int) (int64, error) { return f.reader().Seek(off, whence) }
func (f *memFile) ReadAt(b []byte, off int64) (int, error)   { return f.reader().ReadAt(b, off) }

type memDir struct {
	info    fileInfo
	entries []fs.DirEntry
	off     int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}
func (d *memDir) Close() error { return nil }

func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return rest[:n], nil
}
