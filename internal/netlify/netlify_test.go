package netlify

import (
	"os"
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	r := Rules{Redirects: []Redirect{
		{From: "/old/:code", To: "/status/:code/", Status: 301},
		{From: "/docs/*", To: "/concepts/:splat", Status: 302},
		{From: "/404", To: "/status/404/", Status: 301, Force: true},
		{From: "/shadowed", To: "/elsewhere/", Status: 301},
	}}
	tests := []struct {
		path   string
		exists bool
		to     string
		status int
	}{
		{"/old/418", false, "/status/418/", 301},
		{"/docs/caching/", false, "/concepts/caching", 302},
		{"/404", true, "/status/404/", 301},
		{"/shadowed", true, "", 0},
		{"/shadowed", false, "/elsewhere/", 301},
		{"/old/418/extra", false, "", 0},
		{"/nothing", false, "", 0},
	}
	for _, tc := range tests {
		rd, ok := r.Match(tc.path, tc.exists)
		if ok != (tc.to != "") || rd.To != tc.to || rd.Status != tc.status {
			t.Errorf("Match(%q, %v) = %+v, %v; want %q %d", tc.path, tc.exists, rd, ok, tc.to, tc.status)
		}
	}
}

func TestParseRedirects(t *testing.T) {
	rds, err := ParseRedirects([]byte("# short links\n/404 /status/404/ 301!\n/a /b\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rds) != 2 || !rds[0].Force || rds[0].Status != 301 || rds[1].Status != 301 || rds[1].Force {
		t.Errorf("rules = %+v", rds)
	}
	if _, err := ParseRedirects([]byte("/a /b teapot\n")); err == nil {
		t.Error("bad status accepted")
	}
}

func TestParseTOMLAndHeaders(t *testing.T) {
	r, err := ParseTOML([]byte(`
[[redirects]]
  from = "/x"
  to = "/y/"
[[headers]]
  for = "/*"
  [headers.values]
    X-Frame-Options = "DENY"
[[headers]]
  for = "/assets/*"
  [headers.values]
    Cache-Control = "immutable"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Redirects) != 1 || r.Redirects[0].Status != 301 {
		t.Errorf("redirects = %+v", r.Redirects)
	}
	h := r.HeadersFor("/assets/style.abc.css")
	if h["X-Frame-Options"] != "DENY" || h["Cache-Control"] != "immutable" {
		t.Errorf("headers = %v", h)
	}
	if h := r.HeadersFor("/status/404/"); h["Cache-Control"] != "" {
		t.Errorf("asset header applied to a page: %v", h)
	}
}

// TestRepositoryNetlifyTOML checks the rules the site is published with.
func TestRepositoryNetlifyTOML(t *testing.T) {
	b, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseTOML(b)
	if err != nil {
		t.Fatal(err)
	}
	if cc := r.HeadersFor("/assets/style.0123456789.css")["Cache-Control"]; !strings.Contains(cc, "immutable") {
		t.Errorf("assets are not cached immutably: %q", cc)
	}
	csp := r.HeadersFor("/status/404/")["Content-Security-Policy"]
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %s: %q", want, csp)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	// The JSON API is readable from any origin (documented at /api/).
	for _, p := range []string{"/api/codes.json", "/api/codes/404.json", "/api/code.schema.json"} {
		if got := r.HeadersFor(p)["Access-Control-Allow-Origin"]; got != "*" {
			t.Errorf("%s: Access-Control-Allow-Origin = %q, want *", p, got)
		}
	}
	if got := r.HeadersFor("/status/404/")["Access-Control-Allow-Origin"]; got != "" {
		t.Errorf("pages allow other origins: %q", got)
	}
	// The service worker is fetched fresh on every visit, so a deploy
	// takes over on the next one; the manifest and the worker are allowed
	// by the CSP (workers fall back to script-src).
	if cc := r.HeadersFor("/sw.js")["Cache-Control"]; cc != "no-cache" {
		t.Errorf("/sw.js: Cache-Control = %q, want no-cache", cc)
	}
	if ct := r.HeadersFor("/manifest.webmanifest")["Content-Type"]; ct != "application/manifest+json" {
		t.Errorf("/manifest.webmanifest: Content-Type = %q", ct)
	}
	for _, want := range []string{"manifest-src 'self'", "script-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %s: %q", want, csp)
		}
	}
}
