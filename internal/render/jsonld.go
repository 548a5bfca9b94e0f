package render

import "github.com/statusgen/statusgen/internal/site"

// Schema.org structured data, as JSON-LD.
type (
	ldBreadcrumbs struct {
		Context string     `json:"@context"`
		Type    string     `json:"@type"`
		Items   []ldListEl `json:"itemListElement"`
	}
	ldListEl struct {
		Type     string `json:"@type"`
		Position int    `json:"position"`
		Name     string `json:"name"`
		Item     string `json:"item"`
	}
	ldFAQPage struct {
		Context string       `json:"@context"`
		Type    string       `json:"@type"`
		Main    []ldQuestion `json:"mainEntity"`
	}
	ldQuestion struct {
		Type   string   `json:"@type"`
		Name   string   `json:"name"`
		Answer ldAnswer `json:"acceptedAnswer"`
	}
	ldAnswer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
	}
)

func jsonLD(s *site.Site, p *site.Page) []any {
	var out []any
	if len(p.Crumbs) > 0 {
		bc := ldBreadcrumbs{Context: "https://schema.org", Type: "BreadcrumbList"}
		for i, c := range p.Crumbs {
			bc.Items = append(bc.Items, ldListEl{Type: "ListItem", Position: i + 1, Name: c.Name, Item: s.Config.BaseURL + c.URL})
		}
		out = append(out, bc)
	}
	var faq []site.FAQ
	switch {
	case p.Status != nil:
		faq = p.Status.FAQ
	case p.Concept != nil:
		faq = p.Concept.FAQ
	}
	if len(faq) > 0 {
		fp := ldFAQPage{Context: "https://schema.org", Type: "FAQPage"}
		for _, f := range faq {
			fp.Main = append(fp.Main, ldQuestion{Type: "Question", Name: f.Q, Answer: ldAnswer{Type: "Answer", Text: f.Text}})
		}
		out = append(out, fp)
	}
	return out
}
