package content

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

func constantsSite(constants string) fstest.MapFS {
	page := func(code string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ncode: " + code + "\ntitle: T\nsummary: S.\nspec: {name: N, url: \"https://example.com\"}\nregistered: true\n---\nBody.\n")}
	}
	return fstest.MapFS{
		"content/site.yaml":      {Data: []byte(fuzzSiteYAML)},
		"content/status/404.md":  page("404"),
		"content/status/413.md":  page("413"),
		"content/constants.yaml": {Data: []byte(constants)},
	}
}

const goodConstants = `libraries:
  - id: go
    name: Go net/http
    language: Go
    source: {repo: golang/go, path: src/net/http/status.go, version: go1.26.8}
  - id: python
    name: Python http.HTTPStatus
    language: Python
    source: {repo: python/cpython, path: Lib/http/__init__.py, version: v3.13.0}
codes:
  404:
    python: NOT_FOUND
    go: StatusNotFound
  413:
    go: {name: StatusRequestEntityTooLarge, note: the pre-RFC 9110 phrase}
aliases:
  413:
    python: [{name: REQUEST_ENTITY_TOO_LARGE, deprecated: true, note: alias}]
`

func TestLoadConstants(t *testing.T) {
	c, errs := Load(constantsSite(goodConstants))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	got := c.Constants.Codes[404]
	if len(got) != 2 || got[0].Library != "go" || got[0].Name != "StatusNotFound" || got[1].Name != "NOT_FOUND" {
		t.Errorf("404 = %+v, want go then python, in library order", got)
	}
	got = c.Constants.Codes[413]
	if len(got) != 2 || got[0].Note != "the pre-RFC 9110 phrase" || got[1].Name != "" || !got[1].Aliases[0].Deprecated {
		t.Errorf("413 = %+v", got)
	}
	if u := c.Constants.Library("go").Source.URL(); u != "https://github.com/golang/go/blob/go1.26.8/src/net/http/status.go" {
		t.Errorf("source URL = %s", u)
	}
}

func TestLoadConstants_Errors(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"code without a page", "  413:\n    go:", "  418:\n    go:", "content/constants.yaml:14:3: error: 418 has no page in content/status"},
		{"library without its source", "    source: {repo: golang/go, path: src/net/http/status.go, version: go1.26.8}\n", "", `content/constants.yaml:2:5: error: missing required key "libraries[1].source"`},
		{"source without a version", ", version: go1.26.8}", "}", `error: missing required key "libraries[1].source.version"`},
		{"unknown library", "    python: NOT_FOUND", "    ruby: not_found", `content/constants.yaml:12:5: error: codes: 404: unknown library "ruby"`},
		{"not a code", "  404:\n", "  four:\n", `content/constants.yaml:11:3: error: codes: "four" is not a status code`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(goodConstants, tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			_, errs := Load(constantsSite(strings.Replace(goodConstants, tc.old, tc.new, 1)))
			if !strings.Contains(errs.Error(), tc.want) {
				t.Errorf("got:\n%v\nwant %s", errs, tc.want)
			}
		})
	}
}

// TestConstants_ExpressionAndPrimary uses the repository's constants file:
// expressions are built from each library's example.
func TestConstants_ExpressionAndPrimary(t *testing.T) {
	c, errs := Load(os.DirFS("../.."))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	k := c.Constants
	for _, tc := range []struct{ lib, name, want string }{
		{"go", "StatusTooManyRequests", "http.StatusTooManyRequests"},
		{"python", "TOO_MANY_REQUESTS", "HTTPStatus.TOO_MANY_REQUESTS"},
		{"node", "Too Many Requests", "Too Many Requests"},
		{"rack", "too_many_requests", ":too_many_requests"},
		{"symfony", "HTTP_TOO_MANY_REQUESTS", "Response::HTTP_TOO_MANY_REQUESTS"},
		{"swiftnio", "tooManyRequests", ".tooManyRequests"},
		{"aspnetcore", "Status429TooManyRequests", "StatusCodes.Status429TooManyRequests"},
		{"nosuchlib", "X", "X"},
	} {
		if got := k.Expression(tc.lib, tc.name); got != tc.want {
			t.Errorf("Expression(%s, %s) = %q, want %q", tc.lib, tc.name, got, tc.want)
		}
	}
	// Every library's example is its expression for 404, except Node's,
	// whose names are phrases.
	for _, l := range k.Libraries {
		for _, n := range k.Codes[404] {
			if n.Library == l.ID && l.ID != "node" && k.Expression(l.ID, n.Name) != l.Example {
				t.Errorf("%s: example %q does not hold its 404 name %q", l.ID, l.Example, n.Name)
			}
		}
	}
	// Rack's 510 has only an obsolete alias, which becomes its primary name.
	for _, n := range k.Codes[510] {
		if n.Library != "rack" {
			continue
		}
		p, rest := n.Primary()
		if p.Name != "not_extended" || !p.Deprecated || len(rest) != 0 {
			t.Errorf("rack 510 primary = %+v, rest %+v", p, rest)
		}
	}
}
