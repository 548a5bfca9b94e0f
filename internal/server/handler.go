package server

import (
	"bytes"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	_ "embed"
)

// Paths the server answers itself; they never exist in a built site.
const (
	eventsPath  = "/_statusgen/events"
	scriptPath  = "/_statusgen/reload.js"
	overlayPath = "/_statusgen/overlay.css"
)

// injectScript is added to every page the preview server builds, and to no
// page `statusgen build` writes. It is an external script so that the
// site's Content-Security-Policy holds in preview too.
const injectScript = template.HTML(`<script src="` + scriptPath + `"></script>`)

var (
	//go:embed reload.js
	reloadJS []byte
	//go:embed overlay.css
	overlayCSS []byte
	started    = time.Now()
)

// contentTypes covers the site's file types explicitly, so answers do not
// depend on the machine's MIME database.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml":  "application/xml",
	".svg":  "image/svg+xml",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".png":  "image/png",
	".ico":  "image/x-icon",
	// Web app manifest.
	".webmanifest": "application/manifest+json",
}

// ServeHTTP answers like the production host: files, then redirects, then
// directory-style URLs, then the 404 page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p, ok := safePath(r)
	if !ok {
		http.Error(w, "400 bad request: invalid path", http.StatusBadRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch p {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case scriptPath:
		serveStatic(w, r, "reload.js", reloadJS)
		return
	case overlayPath:
		serveStatic(w, r, "overlay.css", overlayCSS)
		return
	}

	st := s.state.Load()
	if st.version == "" {
		s.serveNoBuild(w, st)
		return
	}
	name, f := st.lookup(p)
	if rd, ok := st.rules.Match(p, f != nil); ok {
		if rd.Status >= 300 && rd.Status < 400 {
			http.Redirect(w, r, rd.To, rd.Status)
			return
		}
		if rn, rf := st.lookup(rd.To); rf != nil {
			name, f = rn, rf
		}
	}
	if f == nil && !strings.HasSuffix(p, "/") && st.files[strings.TrimPrefix(p, "/")+"/index.html"] != nil {
		target := p + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	for k, v := range st.rules.HeadersFor(p) {
		w.Header().Set(k, v)
	}
	if f == nil {
		s.serveNotFound(w, r, st)
		return
	}
	serveFile(w, r, name, f)
}

// safePath returns the request's path if it is one a site file could have:
// absolute, without "." or ".." segments, NUL bytes, backslashes or encoded
// slashes. Files are served from memory, so nothing here ever reaches the
// file system; rejecting these paths keeps the answers honest anyway.
func safePath(r *http.Request) (string, bool) {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\x00\\") {
		return "", false
	}
	raw := strings.ToLower(r.URL.RawPath)
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	return p, true
}

// lookup finds the file for a URL path: "/" and "/status/" are their
// index.html. Files the host does not publish (_redirects) are not found.
func (st *state) lookup(p string) (string, *file) {
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if name == "_redirects" {
		return "", nil
	}
	f := st.files[name]
	if f == nil {
		return "", nil
	}
	return name, f
}

func contentType(name string) string {
	if ct, ok := contentTypes[path.Ext(name)]; ok {
		return ct
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

// compressible reports whether gzip is worth it for a file.
func compressible(name string, size int) bool {
	if size < 512 {
		return false
	}
	switch path.Ext(name) {
	case ".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".md", ".webmanifest":
		return true
	}
	return false
}

// acceptsGzip reports whether the client accepts gzip, honouring q=0.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		if strings.TrimSpace(fields[0]) != "gzip" {
			continue
		}
		for _, param := range fields[1:] {
			param = strings.ReplaceAll(strings.TrimSpace(param), " ", "")
			if param == "q=0" || param == "q=0.0" || param == "q=0.00" || param == "q=0.000" {
				return false
			}
		}
		return true
	}
	return false
}

// serveFile answers with a file, handling conditional and range requests
// through http.ServeContent, compressed when the client accepts gzip.
func serveFile(w http.ResponseWriter, r *http.Request, name string, f *file) {
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	data, etag := f.data, f.etag
	if compressible(name, f.size()) {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) && r.Header.Get("Range") == "" {
			data = f.gzipped()
			etag = strings.TrimSuffix(f.etag, `"`) + `-gzip"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	if data == nil {
		data = f.bytes()
	}
	h.Set("ETag", etag)
	if h.Get("Cache-Control") == "" {
		// Revalidate every time: a preview must never show a stale page.
		h.Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, name, f.modTime, bytes.NewReader(data))
}

func serveStatic(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, started, bytes.NewReader(data))
}

// serveNotFound answers 404 with the site's own 404 page.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request, st *state) {
	w.Header().Del("ETag")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	if f := st.files["404.html"]; f != nil && r.Method != http.MethodHead {
		_, _ = w.Write(f.bytes())
	}
}

// noBuildPage is shown while no build has ever succeeded: the errors, and
// the reload script that replaces it with the site once they are fixed.
var noBuildPage = template.Must(template.New("").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="` + overlayPath + `"></head>
<body><main class="statusgen-nobuild"><h1>The site does not build yet</h1>
<p>Fix these problems and this page reloads by itself.</p>
<pre>{{range .}}{{.}}
{{end}}</pre></main>` + string(injectScript) + `</body></html>`))

func (s *Server) serveNoBuild(w http.ResponseWriter, st *state) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	_ = noBuildPage.Execute(w, st.errs)
}
