// Package scaffold writes the skeleton of a new status code page, for
// `statusgen new`.
package scaffold

import (
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/facts"
)

// nearest returns up to n existing codes closest to code, its own class
// first.
func nearest(code int, existing []int, n int) []int {
	c := append([]int(nil), existing...)
	sort.SliceStable(c, func(i, j int) bool {
		ci, cj := c[i]/100 == code/100, c[j]/100 == code/100
		if ci != cj {
			return ci
		}
		return abs(c[i]-code) < abs(c[j]-code)
	})
	var out []int
	for _, x := range c {
		if x != code && len(out) < n {
			out = append(out, x)
		}
	}
	sort.Ints(out)
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

type skeletonData struct {
	Code       int
	Title      string
	Spec       facts.Code
	Registered bool
	Source     string
	Related    string
	Error      bool
	Mark       string
}

// Page returns the skeleton of the page for code: every section the content
// guide requires, the title and spec prefilled from the facts table, related
// codes prefilled with the existing codes nearest to it, and placeholder text
// marked content.Placeholder everywhere a person has to write. The content
// loader rejects a page while any placeholder is left, so a skeleton cannot
// be published by accident.
func Page(code int, table *facts.Table, existing []int) (string, error) {
	f, ok := table.Lookup(code)
	d := skeletonData{Code: code, Mark: content.Placeholder, Error: code >= 400}
	switch {
	case ok:
		d.Title, d.Spec, d.Registered = f.Phrase, f, f.Registered()
		if !d.Registered {
			d.Source = f.SpecName
		}
	default:
		d.Title = content.Placeholder + " reason phrase"
		d.Spec = facts.Code{SpecName: content.Placeholder + " defining document", SpecURL: "https://example.com/FIXME"}
		d.Source = content.Placeholder + " who uses this code"
	}
	if d.Spec.SpecURL == "" {
		d.Spec.SpecURL = "https://example.com/FIXME"
	}
	rel := nearest(code, existing, 3)
	parts := make([]string, len(rel))
	for i, r := range rel {
		parts[i] = strconv.Itoa(r)
	}
	d.Related = strings.Join(parts, ", ")
	var b strings.Builder
	if err := skeletonTmpl.Execute(&b, d); err != nil {
		return "", err
	}
	return b.String(), nil
}

// The skeleton has every section the content guide requires, so that once
// each placeholder is replaced the page passes check. Values go through
// %q-style quoting where YAML needs it.
var skeletonTmpl = template.Must(template.New("page").Funcs(template.FuncMap{"q": strconv.Quote}).Parse(`---
code: {{.Code}}
title: {{q .Title}}
summary: >-
  {{.Mark}}: the TL;DR, one or two plain sentences, at most 160 characters.
{{- if .Error}}
# For the people who meet this code on a website and are not developers;
# required for the codes browsers show most, optional for the rest.
visitor: >-
  {{.Mark}}: two to four plain sentences on what happened and what to do.
{{- end}}
spec:
  name: {{q .Spec.SpecName}}
  url: {{q .Spec.SpecURL}}
registered: {{.Registered}}
{{- if .Source}}
source: {{q .Source}}
{{- end}}
keywords: [{{q .Mark}}]
related: [{{.Related}}]
concepts: []
faq:
  - q: "{{.Mark}}: a question people search for about {{.Code}}?"
    a: "{{.Mark}}: its answer, in Markdown."
  - q: "{{.Mark}}: a second real question?"
    a: "{{.Mark}}: its answer."
  - q: "{{.Mark}}: a third real question?"
    a: "{{.Mark}}: its answer."
---
## What it means

{{.Mark}}: two or three short paragraphs in plain words, then one raw exchange.

` + "```http" + `
GET /orders/1042 HTTP/1.1
Host: api.example.com

HTTP/1.1 {{.Code}} {{.Title}}
Content-Type: application/json
` + "```" + `

## When servers send it

{{.Mark}}: the concrete situations, per method where that matters.

{{if .Error}}## How to fix it

### As the client

- {{.Mark}}: what to check in your request.

### As the server owner

- {{.Mark}}: logs, configuration and framework defaults that produce {{.Code}}.
{{else}}## Best practices

- {{.Mark}}: the rules that keep APIs, caches and search engines right.
{{end}}
## Headers that matter

| Header | Direction | What it does |
| --- | --- | --- |
| {{.Mark}} | response | {{.Mark}} |

## Compared with similar codes

| Code | Use it when |
| --- | --- |
| {{.Code}} | {{.Mark}} |

## Handling it

` + "```js title=\"fetch\"" + `
// {{.Mark}}: handle {{.Code}} with fetch.
const res = await fetch("https://api.example.com/orders/1042");
if (res.status === {{.Code}}) {
  console.log("got {{.Code}}");
}
` + "```" + `

` + "```go title=\"Go client\"" + `
package main

import (
	"fmt"
	"net/http"
)

func main() {
	// {{.Mark}}: handle {{.Code}} with net/http.
	res, err := http.Get("https://api.example.com/orders/1042")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()
	fmt.Println(res.StatusCode)
}
` + "```" + `
`))
