package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// hugoConfig makes Hugo do the work statusgen does and no more: pages, the
// home list, the section list, sitemap.xml, robots.txt and 404.html;
// class-based highlighting; raw HTML off; the Markdown extensions statusgen
// enables (GFM tables, strikethrough, linkify, task lists) and no others; a
// table of contents of h2 headings only.
const hugoConfig = `baseURL = "https://example.com/"
title = "Synthetic"
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = true

[outputs]
home = ["html"]
section = ["html"]

[params]
description = "A large generated site."
repository = "https://github.com/example/site"

[markup.goldmark.renderer]
unsafe = false

[markup.goldmark.extensions]
definitionList = false
footnote = false
typographer = false

[markup.highlight]
noClasses = false

[markup.tableOfContents]
startLevel = 2
endLevel = 2
ordered = true
`

// hugoFront is a page's front matter for Hugo.
type hugoFront struct {
	Title   string   `yaml:"title"`
	Summary string   `yaml:"summary"`
	Related []string `yaml:"related,omitempty"`
	FAQ     []hugoQA `yaml:"faq,omitempty"`
}

type hugoQA struct {
	Q string `yaml:"q"`
	A string `yaml:"a"`
}

// WriteHugo writes the corpus as a Hugo site under dir: hugo.toml and
// content/ with the same n pages as Write, as content/concepts/SLUG.md with
// YAML front matter (title, summary, related slugs, faq). It writes no
// layouts; bench/hugo/layouts in the repository has them.
func WriteHugo(dir string, n int) error {
	if err := os.MkdirAll(filepath.Join(dir, "content/concepts"), 0o755); err != nil {
		return err
	}
	files := map[string]string{
		"hugo.toml":                  hugoConfig,
		"content/_index.md":          "---\ntitle: Synthetic\n---\n",
		"content/concepts/_index.md": "---\ntitle: HTTP concepts\nlinkTitle: Concepts\nsummary: \"The ideas behind the status codes: caching, authentication, content negotiation and more.\"\n---\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			return err
		}
	}
	for _, p := range Pages(n) {
		b, err := hugoPage(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "content/concepts", p.Slug+".md"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func hugoPage(p Page) ([]byte, error) {
	fm := hugoFront{Title: p.Title, Summary: p.Summary, Related: p.Related}
	for _, f := range p.FAQ {
		fm.FAQ = append(fm.FAQ, hugoQA{Q: f[0], A: f[1]})
	}
	y, err := yaml.Marshal(fm)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Slug, err)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(y)
	b.WriteString("---\n")
	b.WriteString(hugoBody(p.Body))
	return b.Bytes(), nil
}

// hugoBody rewrites statusgen's fence titles, ```js title="fetch", in
// Hugo's attribute syntax, ```js {title="fetch"}, so that the code block
// render hook sees them. Nothing else differs.
func hugoBody(md string) string {
	lines := strings.SplitAfter(md, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "```") {
			continue
		}
		if lang, attrs, ok := strings.Cut(strings.TrimRight(l, "\n"), " "); ok && strings.HasPrefix(attrs, "title=") {
			lines[i] = lang + " {" + attrs + "}\n"
		}
	}
	return strings.Join(lines, "")
}
