package render

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/statusgen/statusgen/internal/site"
)

// SearchIndexFile is where the search index is published. Its name does not
// change with its content: pages name it, and a name that changed with
// every title or keyword edit would change every page. The host serves it
// revalidated, like the pages.
const SearchIndexFile = "search-index.json"

// searchIndex is what the site script searches: every code and concept
// page, with the words a reader may type to find it, and the classes, so
// that a code without a page can be sent to its class page.
type searchIndex struct {
	Version int           `json:"v"`
	Pages   []searchEntry `json:"pages"`
	Classes []searchClass `json:"classes"`
}

// searchEntry is one page. Keys are short: the index is fetched whole.
type searchEntry struct {
	URL     string `json:"u"`
	Code    int    `json:"c,omitempty"` // 0 for concept pages
	Title   string `json:"t"`
	Summary string `json:"s"`
	// Aka are popular names ("I'm a teapot"); Vendor names who sends an
	// unofficial code.
	Aka    []string `json:"a,omitempty"`
	Vendor string   `json:"v,omitempty"`
	// Keywords come from the frontmatter, with short names of vendors
	// ("cf" for Cloudflare).
	Keywords []string `json:"k,omitempty"`
	// Names are the code's constants in libraries, e.g.
	// StatusTooManyRequests, each once.
	Names []string `json:"n,omitempty"`
}

type searchClass struct {
	URL   string `json:"u"`
	Digit int    `json:"d"`
	Title string `json:"t"`
}

// vendorAbbrev are short names readers type for vendors: "cf 522".
var vendorAbbrev = map[string][]string{
	"Cloudflare": {"cf"},
}

// buildSearchIndex returns the search index of s as JSON. It is built from
// the site model only, in the site's fixed order, so the same content gives
// the same bytes.
func buildSearchIndex(s *site.Site) ([]byte, error) {
	idx := searchIndex{Version: 1, Pages: []searchEntry{}, Classes: []searchClass{}}
	for _, st := range s.Statuses {
		e := searchEntry{URL: st.URL, Code: st.Code, Title: st.Title, Summary: st.Summary,
			Aka: st.Aka, Keywords: append([]string(nil), st.Keywords...)}
		if !st.Registered {
			e.Vendor = st.Source
			e.Keywords = append(e.Keywords, vendorAbbrev[st.Source]...)
		}
		e.Names = constantNames(st)
		idx.Pages = append(idx.Pages, e)
	}
	for _, c := range s.Concepts {
		idx.Pages = append(idx.Pages, searchEntry{URL: c.URL, Title: c.Title, Summary: c.Summary, Keywords: c.Keywords})
	}
	if b := s.Builder; b != nil {
		idx.Pages = append(idx.Pages, searchEntry{URL: b.URL, Title: "Request builder", Summary: b.Summary,
			Keywords: []string{"try it", "example API", "simulator", "send a request"}})
	}
	if ch := s.Chooser; ch != nil {
		idx.Pages = append(idx.Pages, searchEntry{URL: site.ChooserURL, Title: "Status code chooser", Summary: ch.Summary,
			Keywords: []string{"which status code", "which code should I return", "decision tree", "choose"}})
	}
	for _, c := range s.Classes {
		idx.Classes = append(idx.Classes, searchClass{URL: c.URL, Digit: c.Digit, Title: c.Title})
	}
	return json.Marshal(idx)
}

// constantNames lists the library names of a code, each spelling once
// (several libraries share TOO_MANY_REQUESTS), sorted. Node's values are
// reason phrases, which the title already holds.
func constantNames(st *site.Status) []string {
	seen := map[string]bool{strings.ToLower(st.Title): true}
	var out []string
	add := func(n string) {
		if k := strings.ToLower(n); n != "" && !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	for _, c := range st.Constants {
		add(c.Name)
		for _, a := range c.Aliases {
			add(a.Name)
		}
	}
	sort.Strings(out)
	return out
}
