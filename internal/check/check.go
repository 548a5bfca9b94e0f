// Package check holds the editorial rules `statusgen check` applies on top
// of everything `build` validates: the structure the content guide asks of a
// status page, agreement with the registry facts table, related codes listed
// both ways, and links in the finished output.
//
// Build refuses what cannot be published; check also refuses what should
// not be, so contributors hear about both before review. Citations of RFC
// sections are checked against the RFCs themselves (internal/cite).
package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/cite"
	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/facts"
	"github.com/statusgen/statusgen/internal/linkcheck"
	"github.com/statusgen/statusgen/internal/markdown"
	"github.com/statusgen/statusgen/internal/site"
)

// Minimums a status page must meet.
const (
	MinFAQ     = 3
	MinRelated = 3
)

// Sections are the `##` sections every status page has, in this order. The
// third is the reader's next step while the causes are still in mind: "How
// to fix it" for errors (4xx, 5xx), "Best practices" for the other classes.
var Sections = []string{"What it means", "When servers send it", "", "Headers that matter", "Compared with similar codes", "Handling it"}

// fixSections are the `###` halves of "How to fix it".
var fixSections = []string{"As the client", "As the server owner"}

// stepSection returns the third section a code's page needs.
func stepSection(code int) string {
	if code >= 400 {
		return "How to fix it"
	}
	return "Best practices"
}

// RequiredSections returns every `##` section a page for code must have, in
// order.
func RequiredSections(code int) []string {
	out := append([]string(nil), Sections...)
	out[2] = stepSection(code)
	return out
}

// Run applies the editorial rules to a successful build.
func Run(res *build.Result, table *facts.Table) diag.List {
	var errs diag.List
	cites, err := cite.Load()
	if err != nil {
		errs.Errorf(diag.Pos{Path: cite.TablePath}, "%v", err)
		return errs
	}
	related := map[int]map[int]bool{}
	for _, st := range res.Site.Statuses {
		related[st.Code] = map[int]bool{}
		for _, r := range st.Status.Related {
			related[st.Code][r] = true
		}
	}
	for _, st := range res.Site.Statuses {
		checkHeadings(st.Path, st.Status.Body, st.Doc, &errs)
		checkStructure(st, &errs)
		checkVisitor(st.Status, &errs)
		checkContentLength(st.Path, st.Status.Body, st.Doc, &errs)
		checkLength(st.Path, st.Status.Body, st.Doc, MinWords(st.Status), &errs)
		checkFacts(st, table, &errs)
		checkCitations(page{path: st.Path, text: st.Status.Text, body: st.Status.Body, keys: st.Status.Keys, spec: st.Status.Spec}, cites, &errs)
		for i, r := range st.Status.Related {
			if back, ok := related[r]; ok && !back[st.Code] {
				errs.Warnf(st.RelatedPos[i], "related: %d does not list %d back; add %d to related: in %s",
					r, st.Code, st.Code, res.Site.Page(site.StatusURL(r)).Source)
			}
		}
	}
	for _, cp := range res.Site.Concepts {
		checkHeadings(cp.Path, cp.Concept.Body, cp.Doc, &errs)
		checkLength(cp.Path, cp.Concept.Body, cp.Doc, MinConceptWords, &errs)
		checkContentLength(cp.Path, cp.Concept.Body, cp.Doc, &errs)
		checkCitations(page{path: cp.Path, text: cp.Concept.Text, body: cp.Concept.Body, keys: cp.Concept.Keys}, cites, &errs)
	}
	checkOutputLinks(res, &errs)
	errs.Sort()
	return errs
}

// checkHeadings: bodies start at `##` (the page title is the only `#`) and
// never skip a level, so the outline and the table of contents hold.
func checkHeadings(path string, body content.Body, doc *markdown.Document, errs *diag.List) {
	prev := 1
	for _, h := range doc.Headings {
		pos := body.Pos(path, h.Line, 1)
		switch {
		case h.Level == 1:
			errs.Errorf(pos, "heading: %q is a level-1 heading; the page title is the only one, so start at ##", h.Text)
		case h.Level > prev+1:
			errs.Errorf(pos, "heading: %q jumps from level %d to %d; use %s", h.Text, prev, h.Level, strings.Repeat("#", prev+1))
		}
		prev = h.Level
	}
}

// checkStructure applies the content guide's shape of a status page.
func checkStructure(st *site.Status, errs *diag.List) {
	path, body, doc := st.Path, st.Status.Body, st.Doc
	start := body.Pos(path, 1, 1)
	want := RequiredSections(st.Code)
	// Find each required section among the ## headings, in order.
	next := 0
	found := map[string]markdown.Heading{}
	for _, h := range doc.Headings {
		if h.Level != 2 {
			continue
		}
		for i, name := range want {
			if !strings.EqualFold(h.Text, name) {
				continue
			}
			found[name] = h
			if i < next {
				errs.Errorf(body.Pos(path, h.Line, 1), "section %q is out of order: sections go %s", h.Text, quoteAll(want))
			}
			next = i + 1
		}
	}
	for _, name := range want {
		if _, ok := found[name]; !ok {
			errs.Errorf(start, "missing section \"## %s\" (a status page has %s)", name, quoteAll(want))
		}
	}
	if fix, ok := found["How to fix it"]; ok {
		sub := subheadings(doc, fix)
		for _, name := range fixSections {
			if !containsFold(sub, name) {
				errs.Errorf(body.Pos(path, fix.Line, 1), "section \"How to fix it\" needs a \"### %s\" checklist", name)
			}
		}
	}
	if n := len(st.Status.FAQ); n < MinFAQ {
		errs.Errorf(keyPos(st.Status, "faq", start), "faq: %d questions; a status page answers at least %d", n, MinFAQ)
	}
	if n := len(st.Status.Related); n < MinRelated {
		errs.Errorf(keyPos(st.Status, "related", start), "related: %d codes; a status page lists at least %d", n, MinRelated)
	}
	langs := map[string]bool{}
	for _, f := range doc.Fences {
		langs[f.Lang] = true
	}
	langs["js"] = langs["js"] || langs["javascript"]
	examplesAt := start
	if h, ok := found["Handling it"]; ok {
		examplesAt = body.Pos(path, h.Line, 1)
	}
	for _, l := range []string{"http", "js", "go"} {
		if !langs[l] {
			errs.Errorf(examplesAt, "examples: no ```%s block; a status page shows the raw exchange (http) and handling in JavaScript (js) and Go (go)", l)
		}
	}
}

// subheadings returns the ### headings under the ## heading h.
func subheadings(doc *markdown.Document, h markdown.Heading) []string {
	var out []string
	in := false
	for _, x := range doc.Headings {
		switch {
		case x == h:
			in = true
		case in && x.Level <= 2:
			return out
		case in && x.Level == 3:
			out = append(out, x.Text)
		}
	}
	return out
}

// checkFacts compares a registered code's page with the facts table.
func checkFacts(st *site.Status, table *facts.Table, errs *diag.List) {
	f, ok := table.Lookup(st.Code)
	if !st.Registered {
		if ok && f.Registered() {
			errs.Errorf(keyPos(st.Status, "registered", st.CodePos), "registered: %d is in the IANA registry (%q); say registered: true", st.Code, f.Phrase)
		}
		return
	}
	if !ok || !f.Registered() {
		errs.Errorf(keyPos(st.Status, "registered", st.CodePos), "registered: %d is not in the IANA registry; unofficial codes say registered: false and name a source", st.Code)
		return
	}
	if st.Title != f.Phrase {
		errs.Errorf(st.TitlePos, "title: %q is not the registry's reason phrase %q", st.Title, f.Phrase)
	}
	if f.SpecURL != "" && st.Spec.URL != f.SpecURL {
		errs.Warnf(keyPos(st.Status, "spec", st.CodePos), "spec: links %s; the facts table has %s (%s)", st.Spec.URL, f.SpecURL, f.SpecName)
	}
}

// checkOutputLinks checks the finished pages, template links included.
func checkOutputLinks(res *build.Result, errs *diag.List) {
	problems, err := linkcheck.Check(res.Files.FS(time.Time{}))
	if err != nil {
		errs.Errorf(diag.Pos{Path: "templates"}, "link check: %v", err)
		return
	}
	for _, p := range problems {
		errs.Errorf(diag.Pos{Path: "public/" + p.Page}, "link %q: %s", p.Ref, p.Msg)
	}
}

func keyPos(s *content.Status, key string, fallback diag.Pos) diag.Pos {
	if p, ok := s.Keys[key]; ok {
		return p
	}
	return fallback
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
