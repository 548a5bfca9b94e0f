// Package site is the site model: it turns loaded content into the set of
// pages to publish, with their URLs, breadcrumbs, resolved related codes and
// concepts, class groupings, previous/next links and rendered Markdown, and
// checks every link a contributor wrote against it.
//
// The model is plain data. Templates read it; nothing here knows HTML
// beyond the Markdown renderer's output, which it carries as-is.
package site

import (
	"fmt"
	"strconv"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/markdown"
)

// Page kinds, which are also the names of the templates that render them.
const (
	KindHome     = "home"
	KindCodes    = "codes"
	KindClass    = "class"
	KindStatus   = "status"
	KindConcepts = "concepts"
	KindConcept  = "concept"
	KindAPI      = "api"     // the JSON API's documentation, /api/
	KindOffline  = "offline" // what the service worker shows for a page it has not saved
	KindBuilder  = "request-builder"
	KindChooser  = "chooser"
	KindNotFound = "404"
)

// The tools' addresses.
const (
	BuilderURL = "/tools/request-builder/"
	ChooserURL = "/tools/chooser/"
)

// IDs the page templates give their own sections. Markdown headings avoid
// them, and links may point at them.
var templateIDs = map[string][]string{
	KindStatus:  {"main", "tldr", "visitor", "visitor-title", "in-your-language", "related-codes", "related-concepts", "faq"},
	KindConcept: {"main", "tldr", "status-codes", "related-concepts", "faq"},
	KindAPI:     {"main", "endpoints", "examples", "fields", "constant-fields", "cors", "schemas", "for-tools"},
	KindBuilder: {"main", "builder", "builder-title", "endpoints-title", "examples-title", "rb-request", "rb-response", "rb-send", "rb-reset", "rb-form", "rb-preset", "rb-method", "rb-path", "rb-headers", "rb-body", "rb-result", "rb-summary", "endpoints", "examples"},
	KindChooser: {"main", "answers", "instead", "instead-title", "trail-title"},
}

// ReservedIDs returns every ID a template uses for its own sections.
func ReservedIDs() []string {
	seen := map[string]bool{}
	var out []string
	for _, kind := range []string{KindStatus, KindConcept} {
		for _, id := range templateIDs[kind] {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// Site is everything to publish.
type Site struct {
	content   *content.Content // for pages' bodies, which it may read again
	Config    content.Config
	Constants *content.Constants // libraries and their names for codes; may be nil
	Pages     []*Page            // in a fixed order: home, indexes, classes, codes, concepts, API, offline, 404
	Statuses  []*Status
	Classes   []*Class
	Concepts  []*Concept
	Builder   *Builder // nil when the site has no request builder
	Chooser   *Chooser // nil when the site has no chooser
}

// Page is one HTML page of the site.
type Page struct {
	Kind        string
	URL         string // site-relative, e.g. "/status/404/"
	Title       string // <title> and <h1>
	Description string // meta description
	Crumbs      []Crumb
	Source      string // content file it comes from, "" for generated pages
	EditURL     string
	Anchors     map[string]bool // every id on the page, for link checks
	// NoIndex pages are not in the sitemap and ask search engines not to
	// index them: the 404 and offline pages answer for other URLs.
	NoIndex bool
	// Markdown is the URL of the page's Markdown twin, e.g.
	// "/status/404/index.md", or "" if it has none.
	Markdown string

	// Exactly one of these is set, matching Kind (none for KindOffline
	// and KindNotFound).
	Home    *Home
	Status  *Status
	Class   *Class
	Concept *Concept
	API     *API
	Builder *Builder
	Chooser *ChooserNode
}

// File returns the output path of the page, e.g. "status/404/index.html".
func (p *Page) File() string {
	if p.Kind == KindNotFound {
		return "404.html"
	}
	return p.URL[1:] + "index.html"
}

// MarkdownFile returns the output path of the page's Markdown twin, e.g.
// "status/404/index.md", or "" if it has none.
func (p *Page) MarkdownFile() string {
	if p.Markdown == "" {
		return ""
	}
	return p.Markdown[1:]
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Name string
	URL  string
}

// API is the data of the JSON API's page.
type API struct {
	// Example is the code whose document the page shows: 429 when the
	// site has it, else the first code; nil on a site without codes.
	Example *Status
}

// apiExample is the code the API page shows, when the site has it: its
// document has every field, constants included.
const apiExample = 429

// Home is the data of the home page.
type Home struct {
	Classes  []*Class
	Concepts []*Concept
}

// Class is a status class, 1xx to 5xx, with its codes.
type Class struct {
	Digit   int
	Name    string // "4xx"
	Title   string // "Client error"
	Intro   string
	Spec    content.Spec
	URL     string
	Members []*Status
}

// Status is a status code page, resolved.
type Status struct {
	*content.Status
	URL string
	// Constants are the code's names in popular libraries.
	Constants []content.Constant
	Class     *Class
	FAQ       []FAQ
	Related   []*Status
	Concepts  []*Concept
	Prev      *Status
	Next      *Status
	// TryIt is the request builder with a preset that gets this code,
	// "" when it has none.
	TryIt string
	// Doc is the rendered body with its headings, links and fences, at
	// body-relative positions, for the table of contents and for checks
	// that look inside it.
	Doc   *markdown.Document
	links []sourceLink
	body  []byte // the body's Markdown, while it is rendered
}

// Headings returns the section headings of the body.
func (s *Status) Headings() []markdown.Heading { return s.Doc.Headings }

// BodySource returns the Markdown of the body as RenderMarkdown read it,
// which a loader that drops sources no longer holds, until ReleaseMarkdown
// drops it.
func (s *Status) BodySource() []byte { return s.body }

// Name is the code and its title, e.g. "429 Too Many Requests".
func (s *Status) Name() string { return strconv.Itoa(s.Code) + " " + s.Title }

// Concept is a concept page, resolved.
type Concept struct {
	*content.Concept
	URL      string
	FAQ      []FAQ
	Related  []*Concept
	Statuses []*Status // codes whose pages list this concept
	Doc      *markdown.Document
	links    []sourceLink
	body     []byte
}

// Headings returns the section headings of the body.
func (c *Concept) Headings() []markdown.Heading { return c.Doc.Headings }

// BodySource is [Status.BodySource] for a concept.
func (c *Concept) BodySource() []byte { return c.body }

// FAQ is a question with its answer rendered from Markdown.
type FAQ struct {
	Q string
	// Text is the answer as plain text, for FAQPage structured data.
	Text string
	Doc  *markdown.Document // the answer, rendered
}

// StatusURL returns the URL of a code's page.
func StatusURL(code int) string { return fmt.Sprintf("/status/%d/", code) }

// ConceptURL returns the URL of a concept's page.
func ConceptURL(slug string) string { return "/concepts/" + slug + "/" }

// MarkdownURL returns the URL of the Markdown twin of the page at url, a
// directory URL such as "/status/404/".
func MarkdownURL(url string) string { return url + "index.md" }

// Site-level URLs that are not pages.
const (
	APIURL      = "/api/"
	OfflineURL  = "/offline/"
	CodesJSON   = "/api/codes.json"
	LLMsURL     = "/llms.txt"
	LLMsFullURL = "/llms-full.txt"
)

// CodeJSONURL returns the URL of a code's JSON document.
func CodeJSONURL(code int) string { return fmt.Sprintf("/api/codes/%d.json", code) }

// ClassURL returns the URL of a class page, e.g. "/status/4xx/".
func ClassURL(digit int) string { return fmt.Sprintf("/status/%dxx/", digit) }
