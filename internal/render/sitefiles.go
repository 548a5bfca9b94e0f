package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/statusgen/statusgen/internal/site"
)

// addSiteFiles writes the files that are not pages: sitemap.xml,
// robots.txt, the JSON API's list of codes and schemas (api.go), the
// search index (search.go), llms.txt (llms.go) and _redirects. The pages'
// companions, their Markdown twins and codes' JSON documents, are written
// with the pages, and llms-full.txt as they are (companions.go).
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
