package check

import (
	"html"
	"regexp"
	"strings"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/markdown"
)

// Stat is the size of one page's prose.
type Stat struct {
	Path  string
	Words int
}

var (
	preRE = regexp.MustCompile(`(?s)<pre[^>]*>.*?</pre>`)
	// Tab and code labels are markup around examples, not prose.
	labelRE = regexp.MustCompile(`<p class="(?:tab|code)-label">[^<]*</p>`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
)

// ProseWords counts the words of a rendered body outside code blocks:
// paragraphs, lists, tables and headings.
func ProseWords(doc *markdown.Document) int {
	s := preRE.ReplaceAllString(string(doc.HTML), " ")
	s = labelRE.ReplaceAllString(s, " ")
	s = tagRE.ReplaceAllString(s, " ")
	n := 0
	for _, f := range strings.Fields(html.UnescapeString(s)) {
		if strings.ContainsFunc(f, func(r rune) bool {
			return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
		}) {
			n++
		}
	}
	return n
}

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
