package build

import (
	"regexp"
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/site"
)

// TestTwins_EveryPageHasCleanMarkdown checks the Markdown twin of every
// status and concept page of the real site: linked from its page, without
// frontmatter, with the title, TL;DR, body and FAQ, and every link
// absolute.
func TestTwins_EveryPageHasCleanMarkdown(t *testing.T) {
	res := realBuild(t)
	base := res.Site.Config.BaseURL
	relative := regexp.MustCompile(`\]\((/|#)[^)]*\)`)
	n := 0
	for _, p := range res.Site.Pages {
		if p.Status == nil && p.Concept == nil {
			if p.Markdown != "" {
				t.Errorf("%s: a %s page has a twin", p.URL, p.Kind)
			}
			continue
		}
		n++
		md, ok := res.Files.Get(p.URL[1:] + "index.md")
		if !ok {
			t.Errorf("%s: no index.md", p.URL)
			continue
		}
		html, _ := res.Files.Get(p.File())
		if link := `<link rel="alternate" type="text/markdown" href="` + p.URL + `index.md">`; !strings.Contains(string(html), link) {
			t.Errorf("%s: the page lacks %s", p.URL, link)
		}
		s := string(md)
		summary, faqs := "", []string(nil)
		if p.Status != nil {
			summary = p.Status.Summary
			for _, f := range p.Status.FAQ {
				faqs = append(faqs, "\n### "+f.Q+"\n")
			}
		} else {
			summary = p.Concept.Summary
			for _, f := range p.Concept.FAQ {
				faqs = append(faqs, "\n### "+f.Q+"\n")
			}
		}
		for _, want := range append([]string{"# " + p.Title + "\n", "> **TL;DR** " + summary + "\n", "Web page: " + base + p.URL + "\n"}, faqs...) {
			if !strings.Contains(s, want) {
				t.Errorf("%s: twin lacks %q", p.URL, want)
			}
		}
		if !strings.HasPrefix(s, "# "+p.Title+"\n") || strings.Contains(s, "\nsummary: ") || strings.Contains(s, "\nrelated: [") {
			t.Errorf("%s: the twin does not start with its title, or holds frontmatter", p.URL)
		}
		for _, m := range relative.FindAllString(s, -1) {
			t.Errorf("%s: relative link left in the twin: %s", p.URL, m)
		}
		if p.Status != nil && len(p.Status.Headings()) > 0 {
			if h := "\n## " + p.Status.Headings()[0].Text + "\n"; !strings.Contains(s, h) {
				t.Errorf("%s: twin lacks the body's first heading %q", p.URL, h)
			}
		}
	}
	if n != len(res.Site.Statuses)+len(res.Site.Concepts) {
		t.Errorf("%d twins for %d status and concept pages", n, len(res.Site.Statuses)+len(res.Site.Concepts))
	}
}

// TestLLMsTxt checks /llms.txt follows the llms.txt convention and lists
// every twin, and that /llms-full.txt holds every twin in full.
func TestLLMsTxt(t *testing.T) {
	res := realBuild(t)
	base := res.Site.Config.BaseURL
	b, ok := res.Files.Get("llms.txt")
	if !ok {
		t.Fatal("no llms.txt")
	}
	s := string(b)
	lines := strings.Split(s, "\n")
	if lines[0] != "# "+res.Site.Config.Title || lines[1] != "" || !strings.HasPrefix(lines[2], "> ") {
		t.Errorf("llms.txt must open with an H1 and a blockquote:\n%s", strings.Join(lines[:3], "\n"))
	}
	entry := regexp.MustCompile(`^- \[([^\]]+)\]\((https://[^)]+)\): .+$`)
	inSection, listed := false, map[string]bool{}
	for i, l := range lines[3:] {
		switch {
		case strings.HasPrefix(l, "## "):
			inSection = true
		case strings.HasPrefix(l, "#"):
			t.Errorf("line %d: only H2 sections follow the H1: %s", i+4, l)
		case inSection && l != "":
			m := entry.FindStringSubmatch(l)
			if m == nil {
				t.Errorf("line %d: not a file-list entry: %s", i+4, l)
				continue
			}
			listed[m[2]] = true
			if _, ok := res.Files.Get(strings.TrimPrefix(m[2], base+"/")); !ok && !strings.HasSuffix(m[2], "/") {
				t.Errorf("line %d: %s is not a file of the site", i+4, m[2])
			}
		}
	}
	full, _ := res.Files.Get("llms-full.txt")
	for _, p := range res.Site.Pages {
		if p.Markdown == "" {
			continue
		}
		if !listed[base+p.Markdown] {
			t.Errorf("llms.txt does not list %s", base+p.Markdown)
		}
		twin, _ := res.Files.Get(p.MarkdownFile())
		if !strings.Contains(string(full), "---\n\n"+string(twin)) {
			t.Errorf("llms-full.txt lacks the twin of %s", p.URL)
		}
	}
	if !strings.Contains(s, "\n## Optional\n") || !listed[base+site.LLMsFullURL] {
		t.Error("llms.txt has no Optional section pointing at llms-full.txt")
	}
}
