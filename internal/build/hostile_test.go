package build

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/statusgen/statusgen/internal/markdown"
	"github.com/statusgen/statusgen/internal/sitetest"
)

// hostileSite is a site whose every text field tries to break out of the
// place it is shown: script in titles, summaries, keywords and FAQ, raw
// HTML in the body, quotes and angle brackets in settings. It must build,
// and the output must be safe.
func hostileSite(t *testing.T) fstest.MapFS {
	fsys := sitetest.FixtureFS(t)
	fsys["content/site.yaml"] = &fstest.MapFile{Data: []byte(`title: "Codes</title><script>alert('t')</script>"
description: "D\" onload=\"alert(1)\" x=\"</script><!--"
baseURL: https://fixture.example.com
repository: https://github.com/example/fixture
`)}
	fsys["content/status/404.md"] = &fstest.MapFile{Data: []byte(`---
code: 404
title: "Not Found</h1><script>alert(1)</script>"
summary: "<img src=x onerror=alert(1)> \" ' & </script><!-- <"
visitor: It's "fine" & nothing runs. Really, it is fine.
spec: {name: "RFC 9110 <b onmouseover=x>", url: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"}
registered: true
keywords: ["<script>alert(1)</script>", "\" onmouseover=\"alert(1)", "</script><!--"]
related: [410, 200]
concepts: [caching]
faq:
  - q: "</script><script>alert(1)</script>?"
    a: "Answer </script><script>alert(2)</script> and <!-- and <img src=x onerror=alert(3)>"
  - q: "Question with \"quotes\" & <tags>"
    a: >-
      <iframe src="javascript:alert(4)"></iframe> and <a href="javascript:alert(5)">raw</a>
      and ` + "`<script>`" + ` in code.
---
## What it means

## Heading <script>alert(6)</script>

<script>alert(7)</script>

<div onclick="alert(8)">block</div>

Inline <span onmouseover="alert(9)">HTML</span> and <svg onload=alert(10)>.

<!-- a comment --> and <style>body{}</style>.

` + "```js title=\"</p><script>alert(11)</script>\"" + `
document.write("<script>alert(12)<\/script>");
` + "```" + `

| A <b>x</b> | B |
| --- | --- |
| <img src=x onerror=alert(13)> | ` + "`</td>`" + ` |
`)}
	// The request builder shows what its model says in the page, and its
	// script reads the model from model.json: both must stay inert.
	fsys["content/tools/request-builder.yaml"] = &fstest.MapFile{Data: []byte(`summary: "</title><script>alert('s')</script>"
host: api.fixture.example
date: "Tue, 14 Apr 2026 09:30:00 GMT"
state: {items: {"1": {name: "</pre><script>alert(20)</script>"}}}
data: {}
routes:
  - path: /items/{id}
    about: "<img src=x onerror=alert(21)>"
    rules:
      - method: GET
        when: "state.items[param.id]"
        status: 200
        headers: {X-Evil: '"><script>alert(22)</script>'}
        body: "{state.items[param.id]}"
        reason: "</p><script>alert(23)</script> {param.id}"
      - status: 404
        reason: No <b>item</b> at {path}.
  - path: "*"
    rules: [{status: 404, reason: "<!-- {path}"}]
presets:
  - code: 200
    title: "' onmouseover='alert(24)"
    method: GET
    path: "/items/1"
    headers: "X-A: </pre><script>alert(25)</script>"
    body: "</textarea><script>alert(26)</script>"
  - code: 404
    title: "\" onmouseover=\"alert(27)"
    method: GET
    path: "/items/<script>"
`)}
	return fsys
}

func TestBuild_HostileContentIsInert(t *testing.T) {
	res := mustBuild(t, hostileSite(t), Options{})
	for _, name := range res.Files.Names() {
		data, _ := res.Files.Get(name)
		switch path.Ext(name) {
		case ".html":
			if err := sitetest.CheckSafeHTML(data, false, sitetest.SiteScripts); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case ".json":
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case ".md":
			checkSafeMarkdown(t, name, data)
		case ".txt", ".xml", "":
			if strings.HasPrefix(name, "llms") {
				checkSafeMarkdown(t, name, data)
			} else if strings.Contains(string(data), "<script") {
				t.Errorf("%s holds <script>", name)
			}
		}
	}
	page, _ := res.Files.Get("status/404/index.html")
	for _, want := range []string{"&lt;script&gt;alert(7)&lt;/script&gt;", "&lt;div onclick=&#34;alert(8)&#34;&gt;"} {
		if !strings.Contains(string(page), want) && !strings.Contains(string(page), strings.ReplaceAll(want, "&#34;", "&quot;")) {
			t.Errorf("raw HTML is not shown as text: no %s", want)
		}
	}
	builder, _ := res.Files.Get("tools/request-builder/index.html")
	for _, want := range []string{"&lt;/pre&gt;&lt;script&gt;alert(20)", "&lt;script&gt;alert(22)", "&lt;/p>&lt;script>alert(23)&lt;/script> 1", "&lt;/textarea&gt;&lt;script&gt;alert(26)"} {
		if !strings.Contains(string(builder), want) {
			t.Errorf("the builder's example does not show %s as text", want)
		}
	}
}

// checkSafeMarkdown checks that Markdown the site publishes runs nothing
// even where a renderer lets raw HTML through.
func checkSafeMarkdown(t *testing.T, name string, data []byte) {
	t.Helper()
	h, err := markdown.PermissiveHTML(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := sitetest.CheckSafeHTML(h, true, nil); err != nil {
		t.Errorf("%s rendered as Markdown: %v", name, err)
	}
}

// TestBuild_DangerousLinksAreRefused writes a link that could run script in
// every spelling a browser accepts, and checks that each one is an error at
// its own line.
func TestBuild_DangerousLinksAreRefused(t *testing.T) {
	links := []string{
		"[a](javascript:alert(1))",
		"[a](JaVaScRiPt:alert(1))",
		"[a](&#106;avascript:alert(1))",
		"[a](&#x6A;avascript:alert(1))",
		"[a](java&#x09;script:alert(1))",
		"[a](<javascript:alert(1)>)",
		"<javascript:alert(1)>",
		"![i](javascript:alert(1))",
		"![i](data:text/html;base64,PHNjcmlwdD4=)",
		"[a](data:text/html,<script>alert(1)</script>)",
		"[a](vbscript:msgbox(1))",
		"[a](VBScript:msgbox(1))",
		"[a](file:///etc/passwd)",
		"[a][ref]",
		"[a](//evil.example.com/x)",
	}
	var body strings.Builder
	body.WriteString("## Links\n\n")
	for _, l := range links {
		body.WriteString(l + "\n\n")
	}
	body.WriteString("[ref]: javascript:alert(2)\n")
	fsys := sitetest.FixtureFS(t)
	fsys["content/concepts/links.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Links\nsummary: Hostile links.\n---\n" + body.String())}
	res, errs := New().Build(context.Background(), fsys, Options{})
	if res != nil {
		t.Fatal("a page with dangerous links was built")
	}
	lines := map[int]string{}
	for _, d := range errs.Errors() {
		if d.Pos.Path == "content/concepts/links.md" {
			lines[d.Pos.Line] = d.Msg
		}
	}
	for i, l := range links {
		line := 7 + 2*i // the frontmatter is 4 lines, then the heading and a blank line
		if _, ok := lines[line]; !ok {
			t.Errorf("line %d %s: no error (got %v)", line, l, errs)
		}
	}
	if t.Failed() {
		fmt.Println(errs)
	}
}
