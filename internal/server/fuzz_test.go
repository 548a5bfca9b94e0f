package server

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzServeHTTP sends arbitrary methods, paths and headers to a built
// preview server. It must not panic, must refuse unsafe paths, and must only
// ever answer with the bytes of a file of the site, a redirect, its own 404
// page or its own scripts.
func FuzzServeHTTP(f *testing.F) {
	for _, seed := range [][3]string{
		{"GET", "/", ""}, {"GET", "/status/404/", "gzip"}, {"HEAD", "/404", ""}, {"GET", "/old/404", ""},
		{"GET", "/../etc/passwd", ""}, {"GET", "/status/%2e%2e/x", ""}, {"GET", "/a%2fb", ""}, {"POST", "/", ""},
		{"GET", "/status", "gzip;q=0"}, {"GET", "/_redirects", ""}, {"GET", "/assets/", "br, gzip"}, {"GET", "/\\x", ""},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	s := New(Config{Src: site(f)})
	s.Rebuild(context.Background())
	st := s.state.Load()
	if st.version == "" {
		f.Fatalf("the fixture does not build: %v", st.errs)
	}
	f.Fuzz(func(t *testing.T, method, target, acceptEncoding string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || u.Path == eventsPath || !validMethod(method) {
			return
		}
		req := &http.Request{Method: method, URL: u, Header: http.Header{}, Host: "127.0.0.1", RequestURI: target}
		req = req.WithContext(context.Background())
		req.Header.Set("Accept-Encoding", acceptEncoding)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		code, body := w.Code, w.Body.Bytes()
		switch {
		case strings.Contains(u.Path, "..") && code != http.StatusBadRequest && code < 300:
			t.Fatalf("%s %q: %d for a path with ..", method, target, code)
		case code >= 500:
			t.Fatalf("%s %q: %d", method, target, code)
		case code == http.StatusOK && method == http.MethodGet && w.Header().Get("Content-Encoding") == "" && len(body) > 0:
			if !servedFromSite(st, body) {
				t.Fatalf("%s %q: 200 with bytes that are no file of the site", method, target)
			}
		}
	})
}

func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, r := range m {
		if r <= ' ' || r >= 0x7f || strings.ContainsRune("()<>@,;:\\\"/[]?={}", r) {
			return false
		}
	}
	return true
}

func servedFromSite(st *state, body []byte) bool {
	if bytes.Equal(body, reloadJS) || bytes.Equal(body, overlayCSS) {
		return true
	}
	for _, f := range st.files {
		if bytes.Equal(f.data, body) {
			return true
		}
	}
	return false
}
