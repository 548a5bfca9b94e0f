package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/markdown"
)

func page(code, title, related, concepts, body string) string {
	return "---\ncode: " + code + "\ntitle: " + title + "\nsummary: About " + code + ".\nspec: {name: S, url: \"https://example.com/s\"}\nregistered: true\nrelated: [" + related + "]\nconcepts: [" + concepts + "]\n---\n" + body
}

func build(t *testing.T, body404 string) (*Site, []string) {
	t.Helper()
	fsys := fstest.MapFS{
		"content/site.yaml":           {Data: []byte("title: T\ndescription: D.\nbaseURL: https://example.com\nrepository: https://github.com/e/s\n")},
		"content/status/200.md":       {Data: []byte(page("200", "OK", "404", "caching", "## Hi\n"))},
		"content/status/404.md":       {Data: []byte(page("404", "Not Found", "200, 500", "", body404))},
		"content/status/500.md":       {Data: []byte(page("500", "Internal Server Error", "404", "caching", "## Oops\n"))},
		"content/concepts/caching.md": {Data: []byte("---\ntitle: Caching\nsummary: Reuse.\n---\n## Freshness\n")},
	}
	c, errs := content.Load(fsys)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	s := Build(c)
	md := keyless{markdown.New(markdown.WithReservedIDs(ReservedIDs()...))}
	for _, p := range s.Pages {
		errs.Append(s.RenderMarkdown(p, md))
	}
	errs.Append(CheckLinks(s))
	errs.Sort()
	var got []string
	for _, d := range errs {
		got = append(got, d.String())
	}
	return s, got
}

func TestBuild_ResolvesTheModel(t *testing.T) {
	s, errs := build(t, "## What it means\n")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	st := s.Page("/status/404/").Status
	if st.Prev.Code != 200 || st.Next.Code != 500 || len(st.Related) != 2 || st.Related[1].Name() != "500 Internal Server Error" {
		t.Errorf("404 resolved wrongly: prev %v next %v related %v", st.Prev, st.Next, st.Related)
	}
	if len(s.Classes) != 3 || s.Classes[1].Name != "4xx" || s.Page("/status/4xx/") == nil {
		t.Errorf("classes = %+v", s.Classes)
	}
	cp := s.Page("/concepts/caching/").Concept
	if len(cp.Statuses) != 2 || cp.Statuses[0].Code != 200 || cp.Statuses[1].Code != 500 {
		t.Errorf("caching backlinks = %v", cp.Statuses)
	}
	if s.Page("/404.html") == nil {
		t.Error("no 404 page")
	}
	if sl := s.ShortLinks(); len(sl) != 3 || sl[1] != [2]string{"/404", "/status/404/"} {
		t.Errorf("short links = %v", sl)
	}
}

func TestBuild_ChecksLinksWrittenInContent(t *testing.T) {
	body := "## What it means\n\n" +
		"[a](/status/200/) [b](/status/200/#hi) [c](#what-it-means) [d](#faq) [e](https://example.org/x)\n" +
		"[f](/status/201/) [g](/status/200) [h](/status/200/#nope) [i](javascript:alert(1))\n" +
		"[j](../200/) [k](//example.org/x) [l](#missing)\n"
	_, got := build(t, body)
	want := []string{
		`content/status/404.md:13:1: error: link "/status/201/": no page at /status/201/`,
		`content/status/404.md:13:19: error: link "/status/200": page URLs end in a slash: /status/200/`,
		`content/status/404.md:13:36: error: link "/status/200/#nope": no heading or section #nope on /status/200/`,
		`content/status/404.md:13:59: error: link "javascript:alert(1)": only http, https, mailto and site paths (/status/404/) may be linked`,
		`content/status/404.md:14:1: error: link "../200/": use a path from the site root, like /status/404/`,
		`content/status/404.md:14:14: error: link "//example.org/x": write the scheme: https://example.org/x`,
		`content/status/404.md:14:35: error: link "#missing": no heading or section #missing on /status/404/`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// keyless renders without a cache, as a one-off build does.
type keyless struct{ r *markdown.Renderer }

func (k keyless) Render(key [32]byte, src []byte) (*markdown.Document, error) { return k.r.Render(src) }
