package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

const validConfig = `title: Test
description: A test site.
baseURL: https://example.com
repository: https://github.com/example/site
`

const page200 = `---
code: 200
title: OK
summary: It worked.
spec: {name: "RFC 9110, Section 15.3.1", url: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.1"}
registered: true
related: [404]
concepts: [caching]
faq:
  - q: Is it cacheable?
    a: Yes.
---
## What it means
`

const page404 = `---
code: 404
title: Not Found
summary: Nothing here.
spec: {name: "RFC 9110, Section 15.5.5", url: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"}
registered: true
related: [200]
---
Body.
`

const caching = `---
title: Caching
summary: Reusing responses.
---
Body.
`

// site returns a valid site with files replaced or added by overrides; an
// empty override deletes the file.
func site(overrides map[string]string) fstest.MapFS {
	files := map[string]string{
		"content/site.yaml":           validConfig,
		"content/status/200.md":       page200,
		"content/status/404.md":       page404,
		"content/concepts/caching.md": caching,
	}
	for k, v := range overrides {
		files[k] = v
	}
	fsys := fstest.MapFS{}
	for k, v := range files {
		if v != "" {
			fsys[k] = &fstest.MapFile{Data: []byte(v)}
		}
	}
	return fsys
}

// with200 returns page200 with one line replaced.
func with200(old, new string) map[string]string {
	if !strings.Contains(page200, old) {
		panic("fixture has no " + old)
	}
	return map[string]string{"content/status/200.md": strings.Replace(page200, old, new, 1)}
}

func TestLoad_ValidSiteHasNoDiagnostics(t *testing.T) {
	c, errs := Load(site(nil))
	if len(errs) != 0 {
		t.Fatalf("unexpected diagnostics:\n%v", errs)
	}
	if len(c.Statuses) != 2 || c.Statuses[0].Code != 200 || c.Statuses[1].Code != 404 {
		t.Fatalf("statuses not loaded in code order: %+v", c.Statuses)
	}
	if c.Statuses[0].Body.Line != 13 {
		t.Errorf("body line = %d, want 13", c.Statuses[0].Body.Line)
	}
	if got := c.Config.EditURL("content/status/200.md"); got != "https://github.com/example/site/edit/main/content/status/200.md" {
		t.Errorf("EditURL = %q", got)
	}
}

func TestLoad_ReportsEachRuleAtItsPosition(t *testing.T) {
	long := strings.Repeat("x", 161)
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unknown key", with200("registered: true", "registered: true\ncolour: red"),
			[]string{`content/status/200.md:7:1: error: unknown key "colour"`}},
		{"unknown key suggests", with200("registered: true", "registred: true"),
			[]string{`content/status/200.md:1:1: error: missing required key "registered"`,
				`content/status/200.md:6:1: error: unknown key "registred" (did you mean "registered"?)`}},
		{"duplicate key", with200("title: OK", "title: OK\ntitle: Fine"),
			[]string{`content/status/200.md:4:1: error: duplicate key "title" (first set on line 3)`}},
		{"missing title", with200("title: OK\n", ""),
			[]string{`content/status/200.md:1:1: error: missing required key "title"`}},
		{"code not a number", with200("code: 200", "code: two hundred"),
			[]string{`content/status/200.md:2:7: error: code: want a whole number, got the text "two hundred"`}},
		{"code out of range", map[string]string{"content/status/200.md": strings.Replace(page200, "code: 200", "code: 600", 1)},
			[]string{`content/status/200.md:2:7: error: code: 600 is outside the HTTP status code range 100-599`}},
		{"code does not match file", with200("code: 200", "code: 201"),
			[]string{`content/status/200.md:2:7: error: code: 201 does not match the file name 200.md`}},
		{"duplicate code", map[string]string{"content/status/201.md": strings.Replace(page404, "related: [200]", "related: []", 1)},
			[]string{`content/status/201.md:2:7: error: code: 404 does not match the file name 201.md`,
				`content/status/201.md:2:7: error: code: 404 is already the code of content/status/404.md`}},
		{"summary too long", with200("summary: It worked.", "summary: "+long),
			[]string{`content/status/200.md:4:10: error: summary: 161 characters, more than 160; the TL;DR must fit a search result`}},
		{"summary wrong type", with200("summary: It worked.", "summary: [a, b]"),
			[]string{`content/status/200.md:4:10: error: summary: want a string, got a list`}},
		{"spec url not https", with200("url: \"https://www", "url: \"http://www"),
			[]string{`content/status/200.md:5:47: error: spec.url: "http://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.1" must be an absolute https:// URL`}},
		{"spec unknown key", with200("spec: {name:", "spec: {nam: x, name:"),
			[]string{`content/status/200.md:5:8: error: unknown key "spec.nam" (did you mean "name"?)`}},
		{"registered not bool", with200("registered: true", "registered: yes please"),
			[]string{`content/status/200.md:6:13: error: registered: want true or false, got the text "yes please"`}},
		{"unofficial without source", with200("registered: true", "registered: false"),
			[]string{`content/status/200.md:6:13: error: source: an unofficial code (registered: false) must name its source, e.g. source: nginx`}},
		{"related unknown", with200("related: [404]", "related: [404, 499]"),
			[]string{`content/status/200.md:7:16: error: related: unknown status code 499`}},
		{"related did you mean", with200("related: [404]", "related: [404, 204]"),
			[]string{`content/status/200.md:7:16: error: related: unknown status code 204 (did you mean 200?)`}},
		{"related self", with200("related: [404]", "related: [404, 200]"),
			[]string{`content/status/200.md:7:16: error: related: a page cannot list itself`}},
		{"related twice", with200("related: [404]", "related: [404, 404]"),
			[]string{`content/status/200.md:7:16: error: related: 404 is listed twice`}},
		{"related not a code", with200("related: [404]", "related: [not-found]"),
			[]string{`content/status/200.md:7:11: error: related: want a status code, got the text "not-found"`}},
		{"concept unknown", with200("concepts: [caching]", "concepts: [cachng]"),
			[]string{`content/status/200.md:8:12: error: concepts: unknown concept "cachng" (did you mean "caching"?)`}},
		{"faq empty answer", with200("a: Yes.", "a: \"\""),
			[]string{`content/status/200.md:11:8: error: faq[1].a: answer is empty`}},
		{"faq missing question", with200("  - q: Is it cacheable?\n    a: Yes.", "  - a: Yes."),
			[]string{`content/status/200.md:10:5: error: missing required key "faq[1].q"`}},
		{"faq not a list", with200("faq:\n  - q: Is it cacheable?\n    a: Yes.", "faq: sometimes"),
			[]string{`content/status/200.md:9:6: error: faq: want a list, got the text "sometimes"`}},
		{"yaml syntax", with200("title: OK", "title: [OK"),
			[]string{`content/status/200.md:3:1: error: invalid YAML: did not find expected ',' or ']'`}},
		{"tab in yaml", with200("title: OK", "\ttitle: OK"),
			[]string{`content/status/200.md:3:1: error: invalid YAML: found a tab character that violates indentation`}},
		{"no frontmatter", map[string]string{"content/status/200.md": "## Just Markdown\n"},
			[]string{`content/status/200.md:1:1: error: missing frontmatter: the file must start with a line "---"`}},
		{"unclosed frontmatter", map[string]string{"content/status/200.md": "---\ncode: 200\n"},
			[]string{`content/status/200.md:1:1: error: frontmatter is not closed: add a line "---" after it`}},
		{"empty file", map[string]string{"content/status/200.md": "\n"},
			[]string{`content/status/200.md:1:1: error: empty file: a page starts with "---", its frontmatter, "---" and then Markdown`},
		},
		{"binary file", map[string]string{"content/status/200.md": "---\ncode: \x00\n"},
			[]string{`content/status/200.md:2:7: error: binary file: NUL byte; pages must be UTF-8 text`}},
		{"invalid utf-8", map[string]string{"content/status/200.md": "---\ntitle: caf\xe9\n---\n"},
			[]string{`content/status/200.md:2:11: error: invalid UTF-8; save the file as UTF-8`}},
		{"huge file", map[string]string{"content/status/200.md": page200 + strings.Repeat("x", maxFileSize)},
			[]string{`content/status/200.md:1:1: error: file is 1048842 bytes, more than the 1048576 a page may have`}},
		{"bad file name", map[string]string{"content/status/ok.md": page200},
			[]string{`content/status/ok.md: error: status pages are named by their code, like 404.md`}},
		{"stray file", map[string]string{"content/status/notes.txt": "x"},
			[]string{`content/status/notes.txt: error: unexpected file: only .md pages belong in content/status`}},
		{"bad concept name", map[string]string{"content/concepts/Big_Idea.md": caching},
			[]string{`content/concepts/Big_Idea.md: error: concept pages are named with lower-case words joined by '-', like content-negotiation.md`}},
		{"missing site.yaml", map[string]string{"content/site.yaml": ""},
			[]string{`content/site.yaml: error: cannot read site settings: open: file does not exist`}},
		{"bad baseURL", map[string]string{"content/site.yaml": strings.Replace(validConfig, "https://example.com", "example.com", 1)},
			[]string{`content/site.yaml:3:10: error: baseURL: "example.com" must be a plain https:// or http:// URL: a host name and a path of letters, digits and - . _ ~, without query, fragment or user`}},
		{"site.yaml unknown key", map[string]string{"content/site.yaml": validConfig + "theme: dark\n"},
			[]string{`content/site.yaml:5:1: error: unknown key "theme"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, errs := Load(site(tc.files))
			var got []string
			for _, d := range errs {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tc.want, "\n      "))
			}
		})
	}
}

func TestLoad_AcceptsBOMAndCRLF(t *testing.T) {
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(page200, "\n", "\r\n")
	c, errs := Load(site(map[string]string{"content/status/200.md": crlf}))
	if len(errs) != 0 {
		t.Fatalf("BOM + CRLF rejected:\n%v", errs)
	}
	if s := c.Status(200); s == nil || s.Title != "OK" || strings.Contains(string(s.Body.Source), "\r") {
		t.Fatalf("page not decoded cleanly: %+v", s)
	}
}

func TestLoad_ReportsEveryProblemAtOnce(t *testing.T) {
	files := with200("title: OK", "title: 5")
	files["content/status/404.md"] = strings.Replace(page404, "related: [200]", "related: [999]", 1)
	_, errs := Load(site(files))
	if len(errs) != 2 {
		t.Fatalf("want 2 diagnostics from 2 files, got:\n%v", errs)
	}
	if errs[0].Pos.Path != "content/status/200.md" || errs[1].Pos.Path != "content/status/404.md" {
		t.Errorf("not sorted by file: %v", errs)
	}
}

func TestLoader_ParsesOnlyChangedFiles(t *testing.T) {
	fsys := site(nil)
	var l Loader
	first, errs := l.Load(fsys)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	fsys["content/status/404.md"] = &fstest.MapFile{Data: []byte(strings.Replace(page404, "Body.", "New body.", 1))}
	second, errs := l.Load(fsys)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if first.Status(200) != second.Status(200) {
		t.Error("unchanged 200.md was decoded again")
	}
	if first.Status(404) == second.Status(404) || !strings.Contains(string(second.Status(404).Body.Source), "New body.") {
		t.Error("edited 404.md was not decoded again")
	}
	// A file's own errors come back with it from the cache.
	fsys["content/status/200.md"] = &fstest.MapFile{Data: []byte(strings.Replace(page200, "title: OK", "title: OK\ncolour: red", 1))}
	for i := 0; i < 2; i++ {
		if _, errs := l.Load(fsys); len(errs) != 1 {
			t.Errorf("load %d: diagnostics = %v", i, errs)
		}
	}
}

func TestCheckBaseURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://statusgen.netlify.app":           true,
		"https://statusgen.netlify.app/":          true,
		"http://127.0.0.1:8080":                   true,
		"http://[::1]:8080":                       true,
		"https://deploy-preview-7--x.netlify.app": true,
		"https://example.com/sub/":                false, // a path: links start at /
		`https://example.com/"><script>`:          false,
		"https://example.com/?q=1":                false,
		"https://example.com/#top":                false,
		"https://user:pw@example.com":             false,
		"javascript:alert(1)":                     false,
		"ftp://example.com":                       false,
		"https://exa mple.com":                    false,
		"https://example.com\nSitemap: x":         false,
	} {
		if err := CheckBaseURL(raw); (err == nil) != ok {
			t.Errorf("CheckBaseURL(%q) = %v, want ok=%v", raw, err, ok)
		}
	}
}

func TestLoad_ControlCharactersAreErrors(t *testing.T) {
	for name, value := range map[string]string{
		"escape":         "Bad \x1b[31mred\x1b[0m",
		"bell":           "Ring \x07",
		"escaped escape": `"Bad \x1b[31m"`,
		"C1 control":     "Next \u0085 line",
		"bidi override":  "Safe \u202e txet",
		"bidi isolate":   "Safe \u2066 isolate",
	} {
		t.Run(name, func(t *testing.T) {
			page := "---\ncode: 404\ntitle: " + value + "\nsummary: S.\nspec: {name: N, url: \"https://example.com\"}\nregistered: true\n---\nBody.\n"
			fsys := fstest.MapFS{
				"content/site.yaml":     {Data: []byte("title: T\ndescription: D.\nbaseURL: https://example.com\nrepository: https://github.com/example/site\n")},
				"content/status/404.md": {Data: []byte(page)},
			}
			_, errs := Load(fsys)
			// Raw characters are found in the file at their column;
			// escaped ones once YAML has decoded the title.
			if len(errs) != 1 || !strings.HasPrefix(errs[0].String(), "content/status/404.md:3:") || !strings.Contains(errs[0].String(), "control character U+") {
				t.Errorf("diagnostics: %v", errs)
			}
		})
	}
}
