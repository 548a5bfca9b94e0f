package content

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/statusgen/statusgen/internal/diag"
)

var (
	statusKeys  = []string{"code", "title", "aka", "summary", "visitor", "spec", "registered", "source", "deprecated", "keywords", "related", "concepts", "faq"}
	conceptKeys = []string{"title", "summary", "keywords", "concepts", "faq"}
	configKeys  = []string{"title", "description", "baseURL", "repository", "branch", "language"}
	slugRE      = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// decodeStatus decodes and checks one status page on its own; checks that
// need the other pages are in validate.go.
func decodeStatus(doc *document, fileCode int, errs *diag.List) *Status {
	m := newMapping(doc, doc.root, "", statusKeys, errs)
	s := &Status{Path: doc.path, Text: doc.src, Body: doc.body, Digest: doc.digest, Keys: m.keyPos()}
	var ok bool
	if s.Code, s.CodePos, ok = m.integer("code", true); ok {
		switch {
		case s.Code < minCode || s.Code > maxCode:
			errs.Errorf(s.CodePos, "code: %d is outside the HTTP status code range %d-%d", s.Code, minCode, maxCode)
		case s.Code != fileCode:
			errs.Errorf(s.CodePos, "code: %d does not match the file name %d.md", s.Code, fileCode)
		}
	}
	s.Title, s.TitlePos = m.str("title", true)
	s.Aka, _ = m.strList("aka", false, false)
	var sumPos diag.Pos
	s.Summary, sumPos = m.str("summary", true)
	checkSummary(s.Summary, sumPos, errs)
	s.Visitor, s.VisitorPos = m.str("visitor", false)
	checkPlain("visitor", s.Visitor, s.VisitorPos, maxVisitor, errs)
	if spec := m.sub("spec", true, []string{"name", "url"}); spec != nil {
		s.Spec.Name, _ = spec.str("name", true)
		var urlPos diag.Pos
		s.Spec.URL, urlPos = spec.str("url", true)
		if s.Spec.URL != "" {
			checkHTTPS(s.Spec.URL, urlPos, "spec.url", errs)
		}
	}
	s.Registered, ok = m.boolean("registered", true)
	var srcPos diag.Pos
	s.Source, srcPos = m.str("source", false)
	if ok && !s.Registered && s.Source == "" {
		errs.Errorf(m.pos(m.values["registered"]), "source: an unofficial code (registered: false) must name its source, e.g. source: nginx")
	}
	if s.Registered && s.Source != "" {
		errs.Errorf(srcPos, "source: only unofficial codes (registered: false) name a source")
	}
	s.Deprecated, _ = m.boolean("deprecated", false)
	s.Keywords, _ = m.strList("keywords", false, true)
	s.Related, s.RelatedPos = m.intList("related", false)
	s.Concepts, s.ConceptsPos = m.strList("concepts", false, false)
	s.FAQ = m.faq("faq", false)
	return s
}

func decodeConcept(doc *document, slug string, errs *diag.List) *Concept {
	m := newMapping(doc, doc.root, "", conceptKeys, errs)
	c := &Concept{Path: doc.path, Slug: slug, Text: doc.src, Body: doc.body, Digest: doc.digest, Keys: m.keyPos()}
	c.Title, _ = m.str("title", true)
	var sumPos diag.Pos
	c.Summary, sumPos = m.str("summary", true)
	checkSummary(c.Summary, sumPos, errs)
	c.Keywords, _ = m.strList("keywords", false, true)
	c.Concepts, c.ConceptsPos = m.strList("concepts", false, false)
	c.FAQ = m.faq("faq", false)
	return c
}

func decodeConfig(doc *document, errs *diag.List) Config {
	m := newMapping(doc, doc.root, "", configKeys, errs)
	var c Config
	c.Title, _ = m.str("title", true)
	c.Description, _ = m.str("description", true)
	var p diag.Pos
	c.BaseURL, p = m.str("baseURL", true)
	if c.BaseURL != "" {
		checkBaseURL(c.BaseURL, p, errs)
		c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	}
	c.Repository, p = m.str("repository", true)
	if c.Repository != "" {
		checkRepository(c.Repository, p, errs)
		c.Repository = strings.TrimRight(c.Repository, "/")
	}
	c.Branch, _ = m.str("branch", false)
	if c.Branch == "" {
		c.Branch = "main"
	}
	c.Language, _ = m.str("language", false)
	if c.Language == "" {
		c.Language = "en"
	}
	return c
}

func checkSummary(s string, pos diag.Pos, errs *diag.List) {
	if n := len([]rune(s)); n > maxSummary {
		errs.Errorf(pos, "summary: %d characters, more than %d; the TL;DR must fit a search result", n, maxSummary)
	}
	if strings.ContainsAny(s, "\n") {
		errs.Errorf(pos, "summary: must be one paragraph of plain text")
	}
}

// checkPlain checks a plain-text paragraph such as visitor: one paragraph,
// no Markdown or HTML markup, which would show as literal characters, and
// short.
func checkPlain(key, s string, pos diag.Pos, max int, errs *diag.List) {
	if s == "" {
		return
	}
	if n := len([]rune(s)); n > max {
		errs.Errorf(pos, "%s: %d characters, more than %d; keep it to a few plain sentences", key, n, max)
	}
	if strings.Contains(s, "\n") {
		errs.Errorf(pos, "%s: must be one paragraph of plain text (write it with >- and no blank lines)", key)
	}
	if i := strings.IndexAny(s, "`*[]<>"); i >= 0 {
		errs.Errorf(pos, "%s: plain text only, without Markdown or HTML (found %q)", key, s[i:i+1])
	}
}

func checkHTTPS(raw string, pos diag.Pos, key string, errs *diag.List) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		errs.Errorf(pos, "%s: %q must be an absolute https:// URL", key, raw)
	}
}

// hostRE and pathRE are what a plain URL may hold: a host name or address
// with an optional port, and a path of unreserved characters. The site's
// own addresses are written into robots.txt, the sitemap, redirects and
// every page; nothing in them may need escaping anywhere.
var (
	hostRE = regexp.MustCompile(`^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?::[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::[0-9]{1,5})?$`)
	pathRE = regexp.MustCompile(`^(?:/[A-Za-z0-9._~-]*)*$`)
)

// plainURL checks that raw is an absolute URL of one of schemes with a
// plain host and path, no user information, query or fragment.
func plainURL(raw string, schemes ...string) error {
	u, err := url.Parse(raw)
	if err != nil || !contains(schemes, u.Scheme) || u.Opaque != "" || u.User != nil ||
		!hostRE.MatchString(u.Host) || !pathRE.MatchString(u.Path) || u.RawPath != "" ||
		u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.ContainsAny(raw, "#?") {
		return fmt.Errorf("%q must be a plain %s:// URL: a host name and a path of letters, digits and - . _ ~, without query, fragment or user", raw, strings.Join(schemes, ":// or "))
	}
	return nil
}

// CheckBaseURL reports whether raw can serve as the site's base URL: a
// plain absolute URL of the root of a host. Deploy previews and local
// servers use http too. Pages link each other from the root, so a site
// published under a path (https://example.com/docs/) would break: that is
// refused.
func CheckBaseURL(raw string) error {
	if err := plainURL(raw, "https", "http"); err != nil {
		return err
	}
	if u, _ := url.Parse(raw); strings.Trim(u.Path, "/") != "" {
		return fmt.Errorf("%q has a path: the site must be published at the root of its host (%s://%s/), because its links start at /", raw, u.Scheme, u.Host)
	}
	return nil
}

func checkBaseURL(raw string, pos diag.Pos, errs *diag.List) {
	err := CheckBaseURL(raw)
	if err == nil && !strings.HasPrefix(raw, "https://") {
		err = fmt.Errorf("%q must be an https:// URL: production is served over HTTPS (previews may use http with -base-url)", raw)
	}
	if err != nil {
		errs.Errorf(pos, "baseURL: %v", err)
	}
}

func checkRepository(raw string, pos diag.Pos, errs *diag.List) {
	if err := plainURL(raw, "https"); err != nil {
		errs.Errorf(pos, "repository: %v", err)
	}
}
