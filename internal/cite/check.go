package cite

import (
	"fmt"
	"strconv"
	"strings"
)

// Rule names what is wrong with a citation.
type Rule int

const (
	// NoSection: the RFC has no section of that number. An error.
	NoSection Rule = iota
	// WrongTitle: the title named with the citation is another section's.
	// An error.
	WrongTitle
	// WrongLink: a link's text cites one section and the link goes to
	// another. An error.
	WrongLink
	// Obsoleted: the RFC is obsoleted and the text does not say it is
	// telling history. A warning.
	Obsoleted
	// Unknown: the RFC is not in the table, so nothing could be checked.
	// A warning.
	Unknown
)

// Problem is one thing wrong with a citation.
type Problem struct {
	Off  int // byte offset of the citation in the text
	Rule Rule
	Msg  string
}

// Warning reports whether the problem is a warning rather than an error.
func (p Problem) Warning() bool { return p.Rule == Obsoleted || p.Rule == Unknown }

// Page is a page's text and what Check needs to know of its parts.
type Page struct {
	Text []byte // the whole file
	// Body is the offset where the Markdown body starts: its headings
	// decide which citations tell history (see historical).
	Body int
	// Spec is the RFC the page's spec names, which may be an obsoleted
	// one, as RFC 2518 for 102 Processing: citing it is never outdated.
	Spec int
	// Keywords are the parts of the text that are search terms, which may
	// name an obsoleted RFC people still search for.
	Keywords []Span
}

// Span is a range of byte offsets, [From, To).
type Span struct{ From, To int }

func (s Span) has(off int) bool { return off >= s.From && off < s.To }

// Check scans a page and returns the problems of its citations in order.
func (t *Table) Check(p Page) []Problem {
	text := p.Text
	cits := Scan(text)
	hist := historySpans(text, p.Body)
	unknown := map[int]bool{}
	var out []Problem
	for i, c := range cits {
		add := func(rule Rule, format string, args ...any) {
			out = append(out, Problem{Off: c.Start, Rule: rule, Msg: fmt.Sprintf(format, args...)})
		}
		r, ok := t.RFC(c.RFC)
		inText := c.Kind == Link && linkTextCites(cits, i)
		switch {
		case !ok:
			if !unknown[c.RFC] && !inText {
				unknown[c.RFC] = true
				add(Unknown, "RFC %d is not in the citation table (%s): add it", c.RFC, TablePath)
			}
			continue
		case len(r.ObsoletedBy) > 0 && !inText && c.RFC != p.Spec && !inAny(p.Keywords, c.Start) && !historical(text, c, hist):
			add(Obsoleted, "RFC %d is obsoleted by %s; cite %s", c.RFC, rfcList(r.ObsoletedBy, "and"), rfcList(t.Current(c.RFC), "or"))
		}
		if c.Section == "" {
			continue
		}
		s, ok := r.Section(c.Section)
		if !ok {
			if !inText || !sameSectionInText(cits, i) {
				add(NoSection, "RFC %d has no %s; %s", c.RFC, sectionName(c.Section), r.Nearby(c.Section))
			}
			continue
		}
		if msg := claim(r, s, c, cits); msg != "" {
			rule := WrongTitle
			if strings.Contains(msg, "link text") {
				rule = WrongLink
			}
			add(rule, "%s", msg)
		}
	}
	return out
}

// claim checks what a citation says the cited section is. A claim counts
// only when it is, word for word, the title of another section of the same
// RFC, so that link text such as "the spec" or a remark in parentheses
// such as "(SHOULD)" is never taken for a title.
func claim(r *RFC, s Section, c Citation, cits []Citation) string {
	if c.Kind == Link {
		for _, p := range cits {
			if p.Kind == Prose && p.RFC == c.RFC && p.Section != "" && p.Section != c.Section &&
				p.Start >= c.ClaimStart && p.End <= c.ClaimEnd {
				return fmt.Sprintf("link text cites RFC %d, %s, but the link goes to %s %q", c.RFC, sectionName(p.Section), s.Name(), s.Title)
			}
		}
	}
	if c.Claim == "" || sameTitle(c.Claim, s.Title) {
		return ""
	}
	other := r.WithTitle(c.Claim)
	if len(other) == 0 {
		return ""
	}
	return fmt.Sprintf("RFC %d, %s is %q, not %q (that is %s)", c.RFC, s.Name(), s.Title, c.Claim, other[0].Name())
}

// linkTextCites reports whether the text of link cits[i] cites the same
// RFC in words, as in "[RFC 9110, Section 11](https://...#section-11)":
// the words were checked already, and one problem is reported once.
func linkTextCites(cits []Citation, i int) bool {
	c := cits[i]
	for _, p := range cits {
		if p.Kind == Prose && p.RFC == c.RFC && p.Start >= c.ClaimStart && p.End <= c.ClaimEnd && c.ClaimEnd > 0 {
			return true
		}
	}
	return false
}

// sameSectionInText reports whether the text of link cits[i] cites the
// link's section in words.
func sameSectionInText(cits []Citation, i int) bool {
	c := cits[i]
	for _, p := range cits {
		if p.Kind == Prose && p.RFC == c.RFC && p.Section == c.Section && p.Start >= c.ClaimStart && p.End <= c.ClaimEnd {
			return true
		}
	}
	return false
}

func inAny(spans []Span, off int) bool {
	for _, s := range spans {
		if s.has(off) {
			return true
		}
	}
	return false
}

// rfcList writes "RFC 9110", "RFC 9110 and RFC 9112", "RFC 9110, RFC 9111
// or RFC 9112".
func rfcList(ns []int, conj string) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = "RFC " + strconv.Itoa(n)
	}
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + conj + " " + s[len(s)-1]
}
