package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/markdown"
	"github.com/statusgen/statusgen/internal/site"
)

// view is everything a page template sees as ".". It is plain values, built
// from the site model for one page: no pointer reaches the rest of the site,
// so a template cannot show anything that is not in the view, and the page
// cache keys each page by hashing its whole view (see viewKey). A field
// added here is covered by the key without anyone remembering to add it.
//
// Rendered Markdown does not appear in the view itself: each piece is a
// placeholder element (see fragments) whose content is spliced into the page
// after minification, and the key covers the piece by its content address.
type view struct {
	Config    content.Config
	Site      siteView
	Page      pageView
	Canonical string
	// JSONLD is structured data; html/template escapes it as JSON inside
	// <script type="application/ld+json">.
	JSONLD []any
	Inject template.HTML
}

// siteView holds the site-level facts the layout shows on every page.
type siteView struct {
	Concepts bool // the site has concept pages, so the header links them
	// SearchIndex is the URL of the search index (see search.go). It does
	// not change with the content, so an edit that changes the index does
	// not change every page.
	SearchIndex string
	// Builder and Chooser are the tools' addresses, for the header; ""
	// when the site has no such tool.
	Builder string
	Chooser string
}

type pageView struct {
	Kind        string
	URL         string
	Title       string
	Description string
	Crumbs      []site.Crumb
	EditURL     string
	NoIndex     bool
	Markdown    string // URL of the page's Markdown twin, or ""
	Home        *homeView
	Class       *classView
	Status      *statusView
	Concept     *conceptView
	API         *apiView
	Builder     *builderView
	Chooser     *chooserView
}

type homeView struct {
	Classes  []classView
	Concepts []conceptCard
}

type classRef struct {
	Digit int
	Name  string
	Title string
	URL   string
}

type classView struct {
	classRef
	Intro   string
	Spec    content.Spec
	Members []statusCard // every code of the class, in order
	// Registered and Unofficial split Members: the codes in the IANA
	// registry, and those only some vendor sends, listed apart.
	Registered []statusCard
	Unofficial []statusCard
}

// statusCard is what a listing shows of a status code.
type statusCard struct {
	URL        string
	Code       int
	Title      string
	Summary    string
	Registered bool
	Deprecated bool
	Source     string
	Aka        []string // popular names, e.g. "I'm a teapot"
	Class      classRef
}

type conceptCard struct {
	URL     string
	Title   string
	Summary string
}

// tocEntry is a line of a page's table of contents.
type tocEntry struct {
	ID   string
	Text string
}

type faqView struct {
	Q string
	A template.HTML // a fragment placeholder
}

// constantView is one library's names for a code.
type constantView struct {
	ID        string // the library's id in the constants file, e.g. "go"
	Library   string // e.g. "Go net/http"
	Language  string
	SourceURL string // the source file read, at the version read
	Version   string
	constantName
	Aliases []constantName
}

// constantName is one name a library gives a code.
type constantName struct {
	Name       string
	Expression string // how it is written in code, e.g. "http.StatusNotFound"
	Deprecated bool
	Note       string
}

type statusView struct {
	statusCard
	Aka       []string
	Constants []constantView
	Visitor   string
	Spec      content.Spec
	Keywords  []string
	Headings  []markdown.Heading
	TOC       []tocEntry
	Body      template.HTML // a fragment placeholder
	FAQ       []faqView
	Related   []statusCard
	Concepts  []conceptCard
	Prev      *statusCard
	Next      *statusCard
	TryIt     string // the request builder with a preset for the code, or ""
}

type conceptView struct {
	conceptCard
	Keywords []string
	Headings []markdown.Heading
	TOC      []tocEntry
	Body     template.HTML
	FAQ      []faqView
	Statuses []statusCard
	Related  []conceptCard
}

// fragments collects the rendered Markdown of one page. The view holds a
// placeholder for each, an element no text from content can produce, since
// html/template escapes '<' in data; after the page is minified, each
// placeholder is replaced by its fragment. The Markdown is therefore never
// run through the minifier, which it does not need and which is quadratic on
// long text full of entities.
type fragments struct {
	html [][]byte
	keys [][32]byte
}

func (f *fragments) add(d *markdown.Document) template.HTML {
	f.html = append(f.html, d.HTML)
	f.keys = append(f.keys, d.Key)
	return template.HTML(placeholder(len(f.html) - 1))
}

func placeholder(i int) string {
	return "<sg-fragment-" + strconv.Itoa(i) + "></sg-fragment-" + strconv.Itoa(i) + ">"
}

func newView(s *site.Site, p *site.Page, opts Options, frags *fragments) *view {
	v := &view{
		Config:    s.Config,
		Site:      siteView{Concepts: len(s.Concepts) > 0, SearchIndex: "/" + SearchIndexFile, Builder: builderURL(s), Chooser: chooserURL(s)},
		Canonical: s.Config.BaseURL + p.URL,
		JSONLD:    jsonLD(s, p),
		Inject:    opts.Inject,
		Page: pageView{Kind: p.Kind, URL: p.URL, Title: p.Title, Description: p.Description,
			Crumbs: p.Crumbs, EditURL: p.EditURL, NoIndex: p.NoIndex, Markdown: p.Markdown},
	}
	switch {
	case p.Home != nil:
		h := &homeView{Concepts: conceptCards(p.Home.Concepts)}
		for _, c := range p.Home.Classes {
			h.Classes = append(h.Classes, newClassView(c))
		}
		v.Page.Home = h
	case p.Class != nil:
		c := newClassView(p.Class)
		v.Page.Class = &c
	case p.Status != nil:
		v.Page.Status = newStatusView(s, p.Status, frags)
	case p.Concept != nil:
		v.Page.Concept = newConceptView(p.Concept, frags)
	case p.Kind == site.KindAPI:
		v.Page.API = newAPIView(s, p.API)
	case p.Builder != nil:
		v.Page.Builder = newBuilderView(p.Builder)
	case p.Chooser != nil:
		v.Page.Chooser = newChooserView(s, p.Chooser)
	}
	return v
}

func newClassRef(c *site.Class) classRef {
	return classRef{Digit: c.Digit, Name: c.Name, Title: c.Title, URL: c.URL}
}

func newClassView(c *site.Class) classView {
	v := classView{classRef: newClassRef(c), Intro: c.Intro, Spec: c.Spec, Members: statusCards(c.Members)}
	for _, m := range v.Members {
		if m.Registered {
			v.Registered = append(v.Registered, m)
		} else {
			v.Unofficial = append(v.Unofficial, m)
		}
	}
	return v
}

func newStatusCard(s *site.Status) statusCard {
	return statusCard{URL: s.URL, Code: s.Code, Title: s.Title, Summary: s.Summary, Registered: s.Registered,
		Deprecated: s.Deprecated, Source: s.Source, Aka: s.Aka, Class: newClassRef(s.Class)}
}

func statusCards(ss []*site.Status) []statusCard {
	out := make([]statusCard, len(ss))
	for i, s := range ss {
		out[i] = newStatusCard(s)
	}
	return out
}

func newConceptCard(c *site.Concept) conceptCard {
	return conceptCard{URL: c.URL, Title: c.Title, Summary: c.Summary}
}

func conceptCards(cs []*site.Concept) []conceptCard {
	out := make([]conceptCard, len(cs))
	for i, c := range cs {
		out[i] = newConceptCard(c)
	}
	return out
}

func faqViews(fs []site.FAQ, frags *fragments) []faqView {
	out := make([]faqView, len(fs))
	for i, f := range fs {
		out[i] = faqView{Q: f.Q, A: frags.add(f.Doc)}
	}
	return out
}

func constantViews(s *site.Site, list []content.Constant) []constantView {
	out := make([]constantView, 0, len(list))
	for _, c := range list {
		l := s.Constants.Library(c.Library)
		name := func(n content.ConstantName) constantName {
			return constantName{Name: n.Name, Expression: s.Constants.Expression(c.Library, n.Name), Deprecated: n.Deprecated, Note: n.Note}
		}
		primary, others := c.Primary()
		v := constantView{ID: l.ID, Library: l.Name, Language: l.Language, SourceURL: l.Source.URL(), Version: l.Source.Version, constantName: name(primary)}
		for _, a := range others {
			v.Aliases = append(v.Aliases, name(a))
		}
		out = append(out, v)
	}
	return out
}

func newStatusView(site *site.Site, s *site.Status, frags *fragments) *statusView {
	v := &statusView{
		statusCard: newStatusCard(s),
		Aka:        s.Aka,
		Constants:  constantViews(site, s.Constants),
		Visitor:    s.Visitor,
		Spec:       s.Spec,
		Keywords:   s.Keywords,
		Headings:   s.Headings(),
		TOC: toc(s.Headings(),
			section{len(s.Related) > 0, "related-codes", "Related status codes"},
			section{len(s.Concepts) > 0, "related-concepts", "Related concepts"},
			section{len(s.FAQ) > 0, "faq", "FAQ"}),
		Body:     frags.add(s.Doc),
		FAQ:      faqViews(s.FAQ, frags),
		Related:  statusCards(s.Related),
		Concepts: conceptCards(s.Concepts),
		TryIt:    s.TryIt,
	}
	if s.Prev != nil {
		c := newStatusCard(s.Prev)
		v.Prev = &c
	}
	if s.Next != nil {
		c := newStatusCard(s.Next)
		v.Next = &c
	}
	return v
}

func newConceptView(c *site.Concept, frags *fragments) *conceptView {
	return &conceptView{
		conceptCard: newConceptCard(c),
		Keywords:    c.Keywords,
		Headings:    c.Headings(),
		TOC: toc(c.Headings(),
			section{len(c.Statuses) > 0, "status-codes", "Status codes"},
			section{len(c.Related) > 0, "related-concepts", "Related concepts"},
			section{len(c.FAQ) > 0, "faq", "FAQ"}),
		Body:     frags.add(c.Doc),
		FAQ:      faqViews(c.FAQ, frags),
		Statuses: statusCards(c.Statuses),
		Related:  conceptCards(c.Related),
	}
}

// section is a part of a page the template adds after the body, with the
// ID and the short title its table of contents entry uses.
type section struct {
	shown    bool
	id, text string
}

// toc lists a page's sections: the body's second-level headings, then the
// template's own sections that the page has.
func toc(hs []markdown.Heading, after ...section) []tocEntry {
	var out []tocEntry
	for _, h := range hs {
		if h.Level == 2 {
			out = append(out, tocEntry{ID: h.ID, Text: h.Text})
		}
	}
	for _, a := range after {
		if a.shown {
			out = append(out, tocEntry{ID: a.id, Text: a.text})
		}
	}
	return out
}

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		// asset returns an asset's fingerprinted URL. The assets are
		// loaded before any template runs.
		"asset": func(name string) (string, error) { return r.assets.url(name) },
		"lower": strings.ToLower,
		"dec":   func(n int) int { return n - 1 },
		"inc":   func(n int) int { return n + 1 },
	}
}
