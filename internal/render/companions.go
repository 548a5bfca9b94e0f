package render

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/statusgen/statusgen/internal/site"
)

// A page's companions are the files made from the same data as the page
// and written with it: its Markdown twin and, for a status code, the code's
// JSON document. Made while the page's sources are held, they need no
// second pass over the site, and a rebuild that reuses a page reuses them.

// companion is one file written with a page.
type companion struct {
	name string
	data []byte
	sum  [32]byte // SHA-256 of data
	twin bool     // the page's Markdown twin, which llms-full.txt collects
}

// companions returns the companion files of page p and, for a status code,
// its line of /api/codes.json.
func companions(s *site.Site, p *site.Page) ([]companion, []byte, error) {
	var out []companion
	add := func(name string, data []byte, twin bool) {
		out = append(out, companion{name: name, data: data, sum: sha256.Sum256(data), twin: twin})
	}
	switch {
	case p.Markdown == "":
	case p.Status != nil:
		add(p.MarkdownFile(), statusTwin(s, p.Status), true)
	case p.Concept != nil:
		add(p.MarkdownFile(), conceptTwin(s, p.Concept), true)
	default:
		return nil, nil, fmt.Errorf("%s: a %s page has a Markdown twin, which render cannot write", p.URL, p.Kind)
	}
	var line []byte
	if st := p.Status; st != nil {
		doc, l, err := apiDocument(s, st)
		if err != nil {
			return nil, nil, err
		}
		add(strings.TrimPrefix(site.CodeJSONURL(st.Code), "/"), doc, false)
		line = l
	}
	return out, line, nil
}
