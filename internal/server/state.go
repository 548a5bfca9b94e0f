package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sync"
	"time"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/netlify"
	"github.com/statusgen/statusgen/internal/output"
)

// state is one published version of the site. It is never modified after
// it is stored, so a request that loaded it sees one consistent site however
// many rebuilds happen meanwhile.
type state struct {
	files   map[string]*file // by output path, e.g. "status/404/index.html"
	rules   netlify.Rules
	version string    // "" until the first successful build
	errs    diag.List // errors of the latest build, if it failed
}

// file is one published file.
type file struct {
	data    []byte
	lazy    *output.Lazy // when set, data is made on the first request
	etag    string
	modTime time.Time

	gzOnce sync.Once
	gz     []byte // gzip-compressed data, made on first request
}

// bytes returns the file's contents.
func (f *file) bytes() []byte {
	if f.lazy != nil {
		return f.lazy.Bytes()
	}
	return f.data
}

// size returns the length of the file's contents without making them.
func (f *file) size() int {
	if f.lazy != nil {
		return f.lazy.Size
	}
	return len(f.data)
}

// gzipped returns the compressed form of f, computed once.
func (f *file) gzipped() []byte {
	f.gzOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
		_, _ = zw.Write(f.bytes())
		_ = zw.Close()
		f.gz = buf.Bytes()
	})
	return f.gz
}

// newState publishes a build. Files whose bytes did not change keep the
// modification time and ETag they had, so browsers' conditional requests
// keep getting 304 for them.
func newState(res *build.Result, prev *state, version string) *state {
	st := &state{files: make(map[string]*file, res.Files.Len()), version: version, rules: res.Rules}
	now := time.Now().UTC().Truncate(time.Second)
	for _, name := range res.Files.Names() {
		// A file made on demand is known by its sum until it is asked
		// for.
		if l, ok := res.Files.Lazy(name); ok {
			etag := `"` + hex.EncodeToString(l.Sum[:8]) + `"`
			if old := prev.files[name]; old != nil && old.etag == etag {
				st.files[name] = old
			} else {
				st.files[name] = &file{lazy: l, etag: etag, modTime: now}
			}
			continue
		}
		data, _ := res.Files.Get(name)
		// Pages the build took from its cache are the very same bytes:
		// no need to hash them again.
		if old := prev.files[name]; old != nil && sameSlice(old.data, data) {
			st.files[name] = old
			continue
		}
		sum := sha256.Sum256(data)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		if old := prev.files[name]; old != nil && old.etag == etag {
			st.files[name] = old
			continue
		}
		st.files[name] = &file{data: data, etag: etag, modTime: now}
	}
	return st
}

// errorsJSON is the payload of a build-error event.
func errorsJSON(errs diag.List) string {
	type item struct {
		Pos      string `json:"pos"`
		Severity string `json:"severity"`
		Msg      string `json:"msg"`
	}
	items := []item{}
	for _, d := range errs {
		items = append(items, item{d.Pos.String(), d.Severity.String(), d.Msg})
	}
	b, _ := json.Marshal(items)
	return string(b)
}

// sameSlice reports whether a and b are the same bytes in memory.
func sameSlice(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
