package browsertest

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// Handler serves a built site the way the host does (see Serve).
func Handler(site http.FileSystem) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		body, ok := read(site, p)
		if ok && !strings.HasSuffix(r.URL.Path, "/") && isDir(site, p) {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		status := http.StatusOK
		name := p
		if !ok {
			body, ok = read(site, "/404.html")
			status, name = http.StatusNotFound, "/404.html"
			if !ok {
				http.NotFound(w, r)
				return
			}
		} else if isDir(site, p) {
			name = path.Join(p, "index.html")
		}
		ct := mime.TypeByExtension(path.Ext(name))
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		if status != http.StatusOK {
			w.WriteHeader(status)
			_, _ = w.Write(body)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
	})
}

func isDir(site http.FileSystem, p string) bool {
	f, err := site.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	return err == nil && fi.IsDir()
}

// read returns the file at p, or the index.html of the directory at p.
func read(site http.FileSystem, p string) ([]byte, bool) {
	if isDir(site, p) {
		p = path.Join(p, "index.html")
	}
	f, err := site.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.IsDir() {
		return nil, false
	}
	b, err := io.ReadAll(f)
	return b, err == nil
}
