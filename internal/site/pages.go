package site

import (
	"strconv"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/markdown"
)

// pages lists every page of s in a fixed order.
func pages(s *Site) []*Page {
	home := Crumb{"Home", "/"}
	codes := Crumb{"Status codes", "/status/"}
	concepts := Crumb{"Concepts", "/concepts/"}
	edit := func(path string) string { return s.Config.EditURL(path) }

	var out []*Page
	out = append(out, &Page{
		Kind: KindHome, URL: "/", Title: s.Config.Title, Description: s.Config.Description,
		Home: &Home{Classes: s.Classes, Concepts: s.Concepts},
	})
	out = append(out, &Page{
		Kind: KindCodes, URL: "/status/", Title: "All HTTP status codes",
		Description: "Every HTTP status code on this site, from 100 to 599, with its meaning in one line.",
		Crumbs:      []Crumb{home, codes}, Home: &Home{Classes: s.Classes},
	})
	if len(s.Concepts) > 0 {
		out = append(out, &Page{
			Kind: KindConcepts, URL: "/concepts/", Title: "HTTP concepts",
			Description: "The ideas behind the status codes: caching, authentication, content negotiation and more.",
			Crumbs:      []Crumb{home, concepts}, Home: &Home{Concepts: s.Concepts},
		})
	}
	for _, c := range s.Classes {
		out = append(out, &Page{
			Kind: KindClass, URL: c.URL, Title: c.Name + " " + c.Title,
			Description: c.Intro,
			Crumbs:      []Crumb{home, codes, {c.Name, c.URL}}, Class: c,
		})
	}
	for _, st := range s.Statuses {
		p := &Page{
			Kind: KindStatus, URL: st.URL, Title: st.Name(), Description: st.Summary,
			Crumbs: []Crumb{home, codes, {st.Class.Name, st.Class.URL}, {st.Name(), st.URL}},
			Source: st.Path, EditURL: edit(st.Path), Status: st,
			Markdown: MarkdownURL(st.URL),
		}
		out = append(out, p)
	}
	for _, cp := range s.Concepts {
		out = append(out, &Page{
			Kind: KindConcept, URL: cp.URL, Title: cp.Title, Description: cp.Summary,
			Crumbs: []Crumb{home, concepts, {cp.Title, cp.URL}},
			Source: cp.Path, EditURL: edit(cp.Path), Concept: cp,
			Markdown: MarkdownURL(cp.URL),
		})
	}
	if b := s.Builder; b != nil {
		out = append(out, &Page{
			Kind: KindBuilder, URL: b.URL, Title: "Request builder", Description: b.Summary,
			Crumbs: []Crumb{home, {"Request builder", b.URL}}, Source: content.BuilderFile,
			EditURL: edit(content.BuilderFile), Builder: b,
		})
	}
	if ch := s.Chooser; ch != nil {
		start := Crumb{"Status code chooser", ChooserURL}
		// The start first, then the others in the file's order.
		for i, n := range append([]*ChooserNode{ch.Start}, ch.Nodes...) {
			if i > 0 && n == ch.Start {
				continue
			}
			p := &Page{Kind: KindChooser, URL: n.URL, Title: n.Title(), Crumbs: []Crumb{home, start, {n.Title(), n.URL}},
				Source: content.ChooserFile, EditURL: edit(content.ChooserFile), Chooser: n}
			switch {
			case n == ch.Start:
				p.Title, p.Description, p.Crumbs = start.Name, ch.Summary, []Crumb{home, start}
			case n.Status != nil:
				p.Description = n.Reason
			case n.Help != "":
				p.Description = n.Help
			default:
				p.Description = "A question of the status code chooser: " + n.Question
			}
			out = append(out, p)
		}
	}
	out = append(out, &Page{
		Kind: KindAPI, URL: APIURL, Title: "JSON API",
		Description: "Every status code as JSON, one file per code and one for all, free to fetch from any origin, with JSON Schemas.",
		Crumbs:      []Crumb{home, {"JSON API", APIURL}},
		API:         &API{Example: apiExampleOf(s.Statuses)},
	})
	out = append(out, &Page{
		Kind: KindOffline, URL: OfflineURL, Title: "You are offline",
		Description: "This page has not been saved for reading offline.",
		Crumbs:      []Crumb{home}, NoIndex: true,
	})
	out = append(out, &Page{
		Kind: KindNotFound, URL: "/404.html", Title: "Page not found",
		Description: "There is no page at this address.",
		Crumbs:      []Crumb{home}, NoIndex: true,
	})
	for _, p := range out {
		// Until its Markdown is rendered, a page has the IDs of its
		// template's sections.
		p.Anchors = anchors(p.Kind, nil)
		if p.Builder != nil {
			for _, e := range p.Builder.Examples {
				p.Anchors[e.Anchor()] = true
			}
		}
	}
	return out
}

func anchors(kind string, hs []markdown.Heading) map[string]bool {
	m := map[string]bool{"main": true}
	for _, id := range templateIDs[kind] {
		m[id] = true
	}
	for _, h := range hs {
		m[h.ID] = true
	}
	return m
}

func apiExampleOf(ss []*Status) *Status {
	var ex *Status
	for _, st := range ss {
		if ex == nil || st.Code == apiExample {
			ex = st
		}
	}
	return ex
}

// ShortLinks returns the short URLs the host redirects to code pages,
// "/404" to "/status/404/", in code order.
func (s *Site) ShortLinks() [][2]string {
	out := make([][2]string, len(s.Statuses))
	for i, st := range s.Statuses {
		out[i] = [2]string{"/" + strconv.Itoa(st.Code), st.URL}
	}
	return out
}

// Page returns the page at url, or nil.
func (s *Site) Page(url string) *Page {
	for _, p := range s.Pages {
		if p.URL == url {
			return p
		}
	}
	return nil
}
