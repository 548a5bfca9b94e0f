package explain

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/site"
)

// Style is how output is laid out.
type Style struct {
	Width int  // columns to wrap at; at least 40 is used
	Color bool // ANSI bold and colours
}

// printer writes wrapped, optionally coloured, text.
type printer struct {
	w     io.Writer
	width int
	color bool
	err   error
}

func newPrinter(w io.Writer, st Style) *printer {
	return &printer{w: w, width: max(st.Width, 40), color: st.Color}
}

func (p *printer) raw(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s)
	}
}

// ANSI styles.
const (
	bold  = "1"
	faint = "2"
)

var classColors = [...]string{1: "34", 2: "32", 3: "36", 4: "33", 5: "31"} // blue, green, cyan, yellow, red

func (p *printer) style(code, s string) string {
	if !p.color || code == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// heading writes a section title.
func (p *printer) heading(s string) { p.raw(p.style(bold, s) + "\n") }

// para writes s wrapped at the width, every line indented by indent.
func (p *printer) para(indent int, s string) {
	for _, l := range wrap(s, p.width-indent) {
		p.raw(strings.Repeat(" ", indent) + l + "\n")
	}
}

// wrap breaks s into lines of at most width columns at spaces; a word
// longer than the width (a URL) gets a line of its own.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case visible(line)+1+visible(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// visible counts the columns s takes on a terminal: its runes, ANSI escape
// sequences left out.
func visible(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == '\x1b' {
			if j := strings.IndexByte(s[i:], 'm'); j > 0 {
				i += j + 1
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// WriteStatus writes everything explain says about one code.
func (ix *Index) WriteStatus(w io.Writer, s *content.Status, st Style) error {
	p := newPrinter(w, st)
	cl := site.NewClass(s.Class())
	p.raw(p.style(bold+";"+classColors[cl.Digit], strconv.Itoa(s.Code)) + " " + p.style(bold, s.Title) + "\n")
	var facts []string
	facts = append(facts, cl.Name+" "+cl.Title)
	if !s.Registered {
		facts = append(facts, "unofficial, used by "+s.Source)
	}
	if s.Deprecated {
		facts = append(facts, "deprecated")
	}
	p.para(0, strings.Join(facts, " · "))
	if len(s.Aka) > 0 {
		p.para(0, "Also known as "+quoteAll(s.Aka))
	}
	p.raw("\n")
	p.heading("TL;DR")
	p.para(2, s.Summary)
	if s.Visitor != "" {
		p.raw("\n")
		p.heading("Seeing this on a website?")
		p.para(2, s.Visitor)
	}
	p.raw("\n")
	p.heading("Spec")
	p.para(2, s.Spec.Name)
	p.para(2, p.style(faint, s.Spec.URL))
	if k := ix.c.Constants; k != nil && len(k.Codes[s.Code]) > 0 {
		p.raw("\n")
		p.heading("In your language")
		ix.writeConstants(p, k, k.Codes[s.Code])
	}
	p.raw("\n")
	p.heading("Page")
	p.para(2, ix.c.Config.BaseURL+site.StatusURL(s.Code))
	return p.err
}

// writeConstants writes a two-column table of library and name; on a
// narrow terminal, the name goes under the library.
func (ix *Index) writeConstants(p *printer, k *content.Constants, list []content.Constant) {
	type row struct{ lib, name string }
	var rows []row
	libW, nameW := 0, 0
	for _, c := range list {
		l := k.Library(c.Library)
		primary, others := c.Primary()
		names := []string{ix.constantName(k, c.Library, primary, false)}
		for _, a := range others {
			names = append(names, ix.constantName(k, c.Library, a, true))
		}
		for i, n := range names {
			r := row{name: n}
			if i == 0 {
				r.lib = l.Name
			}
			rows = append(rows, r)
			libW = max(libW, utf8.RuneCountInString(r.lib))
			nameW = max(nameW, utf8.RuneCountInString(n))
		}
	}
	side := 2+libW+2+nameW <= p.width
	for _, r := range rows {
		switch {
		case side:
			p.raw("  " + r.lib + strings.Repeat(" ", libW-utf8.RuneCountInString(r.lib)+2) + r.name + "\n")
		case r.lib != "":
			p.raw("  " + r.lib + "\n    " + r.name + "\n")
		default:
			p.raw("    " + r.name + "\n")
		}
	}
}

func (ix *Index) constantName(k *content.Constants, lib string, n content.ConstantName, alias bool) string {
	s := k.Expression(lib, n.Name)
	if alias {
		s = "also " + s
	}
	if n.Deprecated {
		s += " (deprecated)"
	}
	return s
}

// WriteClass lists a class's codes with their summaries.
func (ix *Index) WriteClass(w io.Writer, cl *site.Class, members []*content.Status, st Style) error {
	p := newPrinter(w, st)
	p.heading(cl.Name + " " + cl.Title)
	p.para(0, cl.Intro)
	p.raw("\n")
	ix.writeList(p, members)
	p.raw("\n")
	p.para(0, fmt.Sprintf("%s%s · statusgen explain CODE for one of them", ix.c.Config.BaseURL, cl.URL))
	return p.err
}

// WriteMatches lists what a search found.
func (ix *Index) WriteMatches(w io.Writer, query string, codes []Match, concepts []ConceptMatch, st Style) error {
	p := newPrinter(w, st)
	var list []*content.Status
	for _, m := range codes {
		list = append(list, m.Status)
	}
	if len(list) > 0 {
		p.heading(fmt.Sprintf("%s %s %q", plural(len(list), "code"), map[bool]string{true: "matches", false: "match"}[len(list) == 1], query))
		p.raw("\n")
		ix.writeList(p, list)
	}
	if len(concepts) > 0 {
		if len(list) > 0 {
			p.raw("\n")
		}
		p.heading("Concepts")
		for _, c := range concepts {
			p.para(2, c.Concept.Title)
			p.para(7, p.style(faint, ix.c.Config.BaseURL+site.ConceptURL(c.Concept.Slug)))
		}
	}
	if len(list) > 0 {
		p.raw("\n")
		p.para(0, "statusgen explain CODE for one of them")
	}
	return p.err
}

// writeList writes codes as "404  Not Found" with the summary under it.
func (ix *Index) writeList(p *printer, list []*content.Status) {
	for _, s := range list {
		title := s.Title
		if len(s.Aka) > 0 {
			title += " · also " + quoteAll(s.Aka)
		}
		switch {
		case !s.Registered:
			title += p.style(faint, " (unofficial, "+s.Source+")")
		case s.Deprecated:
			title += p.style(faint, " (deprecated)")
		}
		p.raw("  " + p.style(bold+";"+classColors[s.Class()], strconv.Itoa(s.Code)) + "  " + title + "\n")
		p.para(7, s.Summary)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func quoteAll(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = "\u201c" + s + "\u201d"
	}
	return strings.Join(q, ", ")
}
