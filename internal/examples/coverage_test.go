package examples

import (
	"fmt"
	"os"
	"path"
	"testing"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/facts"
)

// omitted are the codes of the facts table that have no page, each with
// the reason. The home page promises every status code: any other code of
// the table without a page fails the test below.
var omitted = map[int]string{
	450: "only third-party lists name it; no Microsoft document does",
	509: "only hosting providers' help pages name it; no server's documentation or source does",
	527: "Cloudflare retired Railgun, and its current error documentation has no 527",
	598: "no proxy's documentation or source names it",
}

// concepts are the explainers the site must have: the pages that the
// status pages link to for everything that spans several codes.
var concepts = []string{
	"authentication", "caching", "conditional-requests", "content-negotiation",
	"content-type", "cors", "early-hints", "http-methods", "idempotency-and-retries",
	"problem-details", "proxies-and-gateways", "range-requests", "rate-limiting",
	"redirects", "status-classes", "timeouts", "websockets-and-upgrade",
}

func TestEveryCodeOfTheFactsTableHasAPage(t *testing.T) {
	table, err := facts.Load()
	if err != nil {
		t.Fatal(err)
	}
	c, loadErrs := content.Load(os.DirFS("../.."))
	pages := 0
	for _, code := range table.Codes() {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			f, _ := table.Lookup(code)
			p := path.Join(content.StatusDir, fmt.Sprintf("%d.md", code))
			s := c.Status(code)
			if why, ok := omitted[code]; ok {
				if s != nil {
					t.Fatalf("%s exists, but the test lists %d as omitted (%s): take it off the list", p, code, why)
				}
				return
			}
			if s == nil {
				t.Fatalf("%d %s has no page (%s)%s", code, f.Phrase, p, errorsIn(loadErrs, p))
			}
			pages++
			if s.Registered != f.Registered() {
				t.Errorf("%s: registered = %v, the facts table says %q", p, s.Registered, f.Registration)
			}
			if !f.Registered() {
				// An unofficial code has no registry phrase: the page
				// takes the vendor's own name for it, from the source
				// it cites, and must name the vendor.
				if s.Source == "" {
					t.Errorf("%s: an unofficial code must say who sends it (source:)", p)
				}
				return
			}
			if s.Title != f.Phrase {
				t.Errorf("%s: title = %q, want the registry phrase %q", p, s.Title, f.Phrase)
			}
			if s.Spec.URL != f.SpecURL {
				t.Errorf("%s: spec.url = %q, want %q", p, s.Spec.URL, f.SpecURL)
			}
		})
	}
	for code := range omitted {
		if _, ok := table.Lookup(code); !ok {
			t.Errorf("%d is listed as omitted but is not in the facts table", code)
		}
	}
	if want := len(table.Codes()) - len(omitted); pages != want && !t.Failed() {
		t.Errorf("%d code pages, want %d", pages, want)
	}
}

func TestEveryConceptHasAPage(t *testing.T) {
	c, loadErrs := content.Load(os.DirFS("../.."))
	for _, slug := range concepts {
		if c.Concept(slug) == nil {
			p := path.Join(content.ConceptDir, slug+".md")
			t.Errorf("no concept page %s%s", p, errorsIn(loadErrs, p))
		}
	}
}

// errorsIn says why the file p did not load, if it exists but has errors.
func errorsIn(errs diag.List, p string) string {
	var out string
	for _, d := range errs.Errors() {
		if d.Pos.Path == p {
			out += "\n\t" + d.String()
		}
	}
	if out != "" {
		out = ", which does not load:" + out
	}
	return out
}
