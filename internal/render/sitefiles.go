package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/statusgen/statusgen/internal/site"
)

// addSiteFiles writes the files that are not pages: sitemap.xml,
// robots.txt, the JSON API's list of codes and schemas (api.go), the
// tools' data, the search index (search.go), llms.txt (llms.go) and
// _redirects. The pages' companions, their Markdown twins and codes' JSON
// documents, are written with the pages, and llms-full.txt as they are
// (companions.go).
func addSiteFiles(add func(name string, data []byte), s *site.Site, apiLines [][]byte) error {
	base := s.Config.BaseURL

	var sm bytes.Buffer
	sm.WriteString(xml.Header)
	sm.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.Pages {
		if p.NoIndex {
			continue
		}
		sm.WriteString("  <url><loc>")
		if err := xml.EscapeText(&sm, []byte(base+p.URL)); err != nil {
			return err
		}
		sm.WriteString("</loc></url>\n")
	}
	sm.WriteString("</urlset>\n")
	add("sitemap.xml", sm.Bytes())

	add("robots.txt", []byte(fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s/sitemap.xml\n", base)))

	if err := addAPI(add, apiLines); err != nil {
		return err
	}
	if err := addToolFiles(add, s); err != nil {
		return err
	}
	idx, err := buildSearchIndex(s)
	if err != nil {
		return err
	}
	add(SearchIndexFile, idx)
	addLLMs(add, s)

	add(RedirectsFile, Redirects(s))
	return nil
}

// RedirectsFile is the host's file of redirect rules.
const RedirectsFile = "_redirects"

// Redirects returns the _redirects file of s: short links, /404 to
// /status/404/. They are generated from the same content as the pages, so
// they can never drift from them; netlify.toml holds only the rules that do
// not depend on content. They are forced ("!"): otherwise the host's pretty
// URLs would answer /404 with the 404.html file that exists at the root.
func Redirects(s *site.Site) []byte {
	var rd strings.Builder
	for _, l := range s.ShortLinks() {
		fmt.Fprintf(&rd, "%s %s 301!\n", l[0], l[1])
	}
	return []byte(rd.String())
}

// chooserTree is /tools/chooser/tree.json: the chooser's questions and
// codes, each with the address of its page.
type chooserTree struct {
	Start string        `json:"start"`
	Nodes []chooserNode `json:"nodes"`
}

type chooserNode struct {
	ID       string          `json:"id"`
	URL      string          `json:"url"`
	Question string          `json:"question,omitempty"`
	Help     string          `json:"help,omitempty"`
	Answers  []chooserAnswer `json:"answers,omitempty"`
	Code     int             `json:"code,omitempty"`
	Title    string          `json:"title,omitempty"`
	Reason   string          `json:"reason,omitempty"`
	Page     string          `json:"page,omitempty"`
	Instead  []chooserAlt    `json:"instead,omitempty"`
}

type chooserAnswer struct {
	Answer string `json:"answer"`
	Next   string `json:"next"`
}

type chooserAlt struct {
	Code  int    `json:"code"`
	Title string `json:"title"`
	Why   string `json:"why"`
	Page  string `json:"page"`
}

// addToolFiles writes the request builder's compiled model, which the
// page's script runs, and the chooser's tree.
func addToolFiles(add func(name string, data []byte), s *site.Site) error {
	if b := s.Builder; b != nil {
		js, err := b.Model.JSON()
		if err != nil {
			return err
		}
		add(strings.TrimPrefix(b.ModelURL, "/"), append(js, '\n'))
	}
	if ch := s.Chooser; ch != nil {
		tree := chooserTree{Start: ch.Chooser.Start, Nodes: []chooserNode{}}
		for _, n := range ch.Nodes {
			node := chooserNode{ID: n.ID, URL: s.Config.BaseURL + n.URL, Question: n.Question, Help: n.Help, Reason: n.Reason}
			for _, a := range n.Answers {
				node.Answers = append(node.Answers, chooserAnswer{Answer: a.Label, Next: a.Node.ID})
			}
			if st := n.Status; st != nil {
				node.Code, node.Title, node.Page = st.Code, st.Title, s.Config.BaseURL+st.URL
				for _, alt := range n.Instead {
					node.Instead = append(node.Instead, chooserAlt{Code: alt.Status.Code, Title: alt.Status.Title, Why: alt.Why, Page: s.Config.BaseURL + alt.Status.URL})
				}
			}
			tree.Nodes = append(tree.Nodes, node)
		}
		js, err := json.MarshalIndent(tree, "", "  ")
		if err != nil {
			return err
		}
		add(strings.TrimPrefix(ch.TreeURL, "/"), append(js, '\n'))
	}
	return nil
}
