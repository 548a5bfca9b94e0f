package examples

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/statusgen/statusgen/internal/content"
)

const siteConfig = `title: Test
description: A test site.
baseURL: https://example.com
repository: https://github.com/example/site
`

// statusPage returns a valid content/status/200.md with body as its Markdown.
func statusPage(body string) string {
	return `---
code: 200
title: OK
summary: It worked.
spec: {name: "RFC 9110, Section 15.3.1", url: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.1"}
registered: true
---
## What it means

The request succeeded.

` + body
}

// conceptPage returns a valid content/concepts/caching.md with body as its
// Markdown.
func conceptPage(body string) string {
	return `---
title: Caching
summary: Reusing responses.
---
` + body
}

// site returns a small valid site whose status and concept pages have the
// given bodies.
func site(status, concept string) fstest.MapFS {
	return fstest.MapFS{
		"content/site.yaml":           {Data: []byte(siteConfig)},
		"content/status/200.md":       {Data: []byte(statusPage(status))},
		"content/concepts/caching.md": {Data: []byte(conceptPage(concept))},
	}
}

const (
	statusPath  = "content/status/200.md"
	conceptPath = "content/concepts/caching.md"
)

const goodProgram = "```go title=\"Go server\"\n" + `package main

import (
	"fmt"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	_ = http.ListenAndServe("localhost:8080", nil)
}
` + "```\n"

// want is an expected diagnostic, positioned at the first line of the file
// that contains marker, so that the fixtures can change without recounting.
type want struct {
	path   string
	marker string
	col    int
	msg    string
}

func (w want) String(fsys fstest.MapFS) string {
	src := string(fsys[w.path].Data)
	i := strings.Index(src, w.marker)
	if i < 0 {
		panic(fmt.Sprintf("%s has no %q", w.path, w.marker))
	}
	line := 1 + strings.Count(src[:i], "\n")
	return fmt.Sprintf("%s:%d:%d: error: %s", w.path, line, w.col, w.msg)
}

func needGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
}

func TestCheck(t *testing.T) {
	needGo(t)
	tests := []struct {
		name            string
		status, concept string
		want            []want
	}{
		{
			name:    "good programs and JSON pass",
			status:  goodProgram + "\n```json\n{\"status\": 200, \"items\": [1, 2]}\n```\n",
			concept: "Text.\n\n" + goodProgram,
		},
		{
			name:   "unused variable",
			status: "```go\npackage main\n\nfunc main() {\n\tunused := 1\n}\n```\n",
			want:   []want{{statusPath, "unused := 1", 2, "go example: declared and not used: unused"}},
		},
		{
			name:    "vet finding in a concept page",
			concept: "Some text.\n\n```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Printf(\"%d\\n\", \"seven\")\n}\n```\n",
			want:    []want{{conceptPath, "fmt.Printf(", 14, `go example: fmt.Printf format %d has arg "seven" of wrong type string`}},
		},
		{
			name:   "snippet without package main",
			status: "Call it like this:\n\n```go title=\"Go client\"\nresp, err := http.Get(url)\n```\n",
			want: []want{{statusPath, "```go title=\"Go client\"", 1,
				`go example: not a complete program (package main); mark it "fragment" if it is meant as a snippet`}},
		},
		{
			name:   "go fragment is skipped",
			status: "```go fragment\nresp, err := http.Get(url)\n```\n\n```go title=\"Handler\" fragment\npackage main\n\nfunc main() { x := 1 }\n```\n",
		},
		{
			name: "import outside the standard library does not hide other findings",
			status: "```go\npackage main\n\nimport \"github.com/example/notstd\"\n\nfunc main() { notstd.Run() }\n```\n\n" +
				"Then:\n\n```go\npackage main\n\nfunc main() {\n\tleftover := 2\n}\n```\n",
			want: []want{
				{statusPath, `import "github.com/example/notstd"`, 8,
					"go example: cannot find module providing package github.com/example/notstd: module lookup disabled by GOPROXY=off"},
				{statusPath, "leftover := 2", 2, "go example: declared and not used: leftover"},
			},
		},
		{
			name:   "bad JSON",
			status: "```json\n{\n  \"status\": 429,\n  \"retry\": 30,\n}\n```\n",
			want:   []want{{statusPath, "}\n```", 1, "json example: invalid character '}' looking for beginning of object key string"}},
		},
		{
			name:   "truncated JSON",
			status: "```json\n{\"status\": 429,\n \"retry\": [30\n```\n",
			want:   []want{{statusPath, ` "retry": [30`, 14, "json example: unexpected end of JSON input"}},
		},
		{
			name:   "well-formed XML passes",
			status: "```xml\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:multistatus xmlns:D=\"DAV:\"><D:response/></D:multistatus>\n```\n",
		},
		{
			name:   "mismatched XML tags",
			status: "```xml\n<D:multistatus xmlns:D=\"DAV:\">\n  <D:response>\n</D:multistatus>\n```\n",
			want:   []want{{statusPath, "</D:multistatus>\n```", 1, "xml example: XML syntax error on line 3: element <response> closed by </multistatus>"}},
		},
		{
			name:   "json fragment is skipped",
			status: "```json fragment\n\"retry\": 30,\n```\n\n```http\nHTTP/1.1 200 OK\n```\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fsys := site(tc.status, tc.concept)
			c, loadErrs := content.Load(fsys)
			if len(loadErrs) != 0 {
				t.Fatalf("fixture does not load:\n%v", loadErrs)
			}
			errs, err := Check(context.Background(), c, "go")
			if err != nil {
				t.Fatal(err)
			}
			var got, wantStr []string
			for _, d := range errs {
				got = append(got, d.String())
			}
			for _, w := range tc.want {
				wantStr = append(wantStr, w.String(fsys))
			}
			if strings.Join(got, "\n") != strings.Join(wantStr, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(wantStr, "\n      "))
			}
		})
	}
}

func TestCheck_MissingGoCommand(t *testing.T) {
	c, _ := content.Load(site(goodProgram, ""))
	if _, err := Check(context.Background(), c, "no-such-go-command"); err == nil {
		t.Fatal("want an error for a missing go command")
	}
}

func TestCheck_NoGoProgramsNeedsNoGoCommand(t *testing.T) {
	c, _ := content.Load(site("```json\n{}\n```\n", ""))
	errs, err := Check(context.Background(), c, "no-such-go-command")
	if err != nil || len(errs) != 0 {
		t.Fatalf("Check = %v, %v; want nothing", errs, err)
	}
}

func TestLangVersion(t *testing.T) {
	for in, want := range map[string]string{
		"go1.26.8\n": "1.26",
		"go1.26":     "1.26",
		"go1.27rc1":  "1.27",
		"devel":      "1.22",
	} {
		if got := langVersion(in); got != want {
			t.Errorf("langVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRealContentExamples checks every example of the repository's content.
func TestRealContentExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("vets every Go example of the site")
	}
	needGo(t)
	c, loadErrs := content.Load(os.DirFS("../.."))
	if len(c.Statuses) == 0 {
		t.Fatalf("no status pages loaded:\n%v", loadErrs)
	}
	if loadErrs.HasErrors() {
		t.Logf("content has load errors (not this test's concern):\n%v", loadErrs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	errs, err := Check(ctx, c, "go")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("checked the examples of %d pages in %v", len(c.Statuses)+len(c.Concepts), time.Since(start).Round(time.Millisecond))
	for _, d := range errs {
		t.Error(d)
	}
}
