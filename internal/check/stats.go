package check

import (
	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/markdown"
)

// Stat is the size of one page's prose.
type Stat struct {
	Path  string
	Words int
}

// ProseWords counts the words of a rendered body outside code blocks:
// paragraphs, lists, tables and headings. The Markdown renderer counts them
// as it renders, so the count survives a build that drops the HTML.
func ProseWords(doc *markdown.Document) int { return doc.Words }

// Stats returns the prose size of every page, status pages first, in the
// site's order.
func Stats(res *build.Result) []Stat {
	var out []Stat
	for _, st := range res.Site.Statuses {
		out = append(out, Stat{st.Path, ProseWords(st.Doc)})
	}
	for _, cp := range res.Site.Concepts {
		out = append(out, Stat{cp.Path, ProseWords(cp.Doc)})
	}
	return out
}
