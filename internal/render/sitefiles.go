package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/statusgen/statusgen/internal/site"
)

// APICode is one entry of /api/codes.json.
type APICode struct {
	Code       int     `json:"code"`
	Title      string  `json:"title"`
	Summary    string  `json:"summary"`
	Class      string  `json:"class"`
	Registered bool    `json:"registered"`
	Source     string  `json:"source,omitempty"`
	URL        string  `json:"url"`
	Spec       APISpec `json:"spec"`
}

// APISpec is the defining specification of an APICode.
type APISpec struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// addSiteFiles writes the files that are not pages: sitemap.xml,
// robots.txt, api/codes.json, the search index and _redirects.
func addSiteFiles(add func(name string, data []byte), s *site.Site) error {
	base := s.Config.BaseURL

	var sm bytes.Buffer
	sm.WriteString(xml.Header)
	sm.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.Pages {
		if p.Kind == site.KindNotFound {
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

	api := make([]APICode, 0, len(s.Statuses))
	for _, st := range s.Statuses {
		api = append(api, APICode{
			Code: st.Code, Title: st.Title, Summary: st.Summary, Class: st.Class.Name,
			Registered: st.Registered, Source: st.Source, URL: base + st.URL,
			Spec: APISpec{Name: st.Spec.Name, URL: st.Spec.URL},
		})
	}
	js, err := json.MarshalIndent(api, "", "  ")
	if err != nil {
		return err
	}
	add("api/codes.json", append(js, '\n'))

	idx, err := buildSearchIndex(s)
	if err != nil {
		return err
	}
	add(SearchIndexFile, idx)

	// Short links: /404 redirects to /status/404/. They are generated here,
	// from the same content as the pages, so they can never drift from
	// them; netlify.toml holds only the rules that do not depend on content.
	// They are forced ("!"): otherwise the host's pretty URLs would answer
	// /404 with the 404.html file that exists at the root.
	var rd strings.Builder
	for _, l := range s.ShortLinks() {
		fmt.Fprintf(&rd, "%s %s 301!\n", l[0], l[1])
	}
	add("_redirects", []byte(rd.String()))
	return nil
}
