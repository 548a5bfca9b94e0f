package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// A build that replaces an output it wrote before need not write again the
// files that did not change: it hard-links them from the old tree into the
// new one. What makes that safe is a manifest of the old output: for each
// file, the key of what it was made from (a page's cache key, or the hash
// of the bytes), the SHA-256 of its bytes, which a linked file still has
// to count in a digest of the build, and the identity of the file on disk
// (size, modification time, inode). A file is linked only when its key is the same and the file
// is untouched since it was written; anything else is written anew.
//
// The manifest is not kept in the output, which is published: the caller
// keeps it (statusgen keeps it in its build cache) and hands it back.

// manifestEntry is one file of an output.
type manifestEntry struct {
	key  [32]byte
	sum  [32]byte // SHA-256 of the bytes
	id   fileID
	have bool // id is known
}

// Keyed is a Sink that can reuse the files of a previous output.
type Keyed interface {
	Sink
	// Link puts the previous output's file name into the new one if it
	// was made from key and has not changed since, and reports whether it
	// did and the SHA-256 of the file's bytes.
	Link(name string, key [32]byte) (sum [32]byte, ok bool)
	// AddKeyed is Add for a file made from key, whose bytes have the
	// SHA-256 sum.
	AddKeyed(name string, key, sum [32]byte, data []byte) error
}

// Reuse gives d the manifest of the output it replaces, so that unchanged
// files are linked instead of written, and makes d keep the manifest of the
// output it writes (Manifest). A manifest that does not parse is ignored:
// every file is written. nil is the manifest of no previous output.
func (d *Dir) Reuse(manifest []byte) {
	d.mu.Lock()
	d.prev = map[string]manifestEntry{}
	d.mu.Unlock()
	m := map[string]manifestEntry{}
	sc := bufio.NewScanner(bytes.NewReader(manifest))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 6 {
			return
		}
		k, err := hex.DecodeString(f[1])
		sum, err1 := hex.DecodeString(f[2])
		size, err2 := strconv.ParseInt(f[3], 10, 64)
		mod, err3 := strconv.ParseInt(f[4], 10, 64)
		ino, err4 := strconv.ParseUint(f[5], 10, 64)
		if err != nil || err1 != nil || err2 != nil || err3 != nil || err4 != nil || len(k) != 32 || len(sum) != 32 {
			return
		}
		var e manifestEntry
		copy(e.key[:], k)
		copy(e.sum[:], sum)
		e.id, e.have = fileID{size: size, mod: mod, ino: ino}, true
		m[f[0]] = e
	}
	d.mu.Lock()
	d.prev = m
	d.mu.Unlock()
}

// Link implements Keyed.
func (d *Dir) Link(name string, key [32]byte) ([32]byte, bool) {
	d.mu.Lock()
	e, ok := d.prev[name]
	d.mu.Unlock()
	if !ok || e.key != key || !validName(name) {
		return [32]byte{}, false
	}
	old := filepath.Join(d.target, filepath.FromSlash(name))
	if id, ok := identify(old); !ok || id != e.id {
		return [32]byte{}, false
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return [32]byte{}, false
	}
	if err := os.Link(old, p); err != nil {
		return [32]byte{}, false
	}
	d.record(name, key, e.sum, p)
	d.mu.Lock()
	d.linked++
	d.mu.Unlock()
	return e.sum, true
}

// AddKeyed implements Keyed.
func (d *Dir) AddKeyed(name string, key, sum [32]byte, data []byte) error {
	if _, ok := d.Link(name, key); ok {
		return nil
	}
	if err := d.write(name, data); err != nil {
		return err
	}
	d.record(name, key, sum, filepath.Join(d.tmp, filepath.FromSlash(name)))
	return nil
}

func (d *Dir) record(name string, key, sum [32]byte, path string) {
	id, ok := identify(path)
	d.mu.Lock()
	if d.next == nil {
		d.next = map[string]manifestEntry{}
	}
	d.next[name] = manifestEntry{key: key, sum: sum, id: id, have: ok}
	d.mu.Unlock()
}

// Linked reports how many files were linked from the previous output.
func (d *Dir) Linked() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.linked
}

// Manifest returns the manifest of the output written, for the next build's
// Reuse. Files whose identity could not be read are left out.
func (d *Dir) Manifest() []byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	names := make([]string, 0, len(d.next))
	for n, e := range d.next {
		if e.have {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		e := d.next[n]
		fmt.Fprintf(&b, "%s\t%x\t%x\t%d\t%d\t%d\n", n, e.key, e.sum, e.id.size, e.id.mod, e.id.ino)
	}
	return b.Bytes()
}

// contentKey is the key of a file known only by its bytes.
func contentKey(data []byte) [32]byte { return sha256.Sum256(data) }
