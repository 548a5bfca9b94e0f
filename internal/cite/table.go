// Package cite checks the RFC citations in the site's pages against the
// RFCs themselves: that a cited section exists, that a title named with it
// is that section's title, and that the RFC cited is the current one.
//
// The RFCs' section numbers and titles are rfcs.txt, embedded at build
// time. It is extracted from the RFC texts by internal/cite/internal/gen,
// so that the check never depends on a table someone typed in.
package cite

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

//go:embed rfcs.txt
var table string

// TablePath is where the table lives in the repository, for messages that
// ask contributors to extend it.
const TablePath = "internal/cite/rfcs.txt"

// Table is the parsed citation table.
type Table struct {
	rfcs map[int]*RFC
}

// RFC is one RFC of the table.
type RFC struct {
	Number      int
	Title       string
	Obsoletes   []int
	ObsoletedBy []int
	Sections    []Section // in document order
	index       map[string]int
}

// Section is a numbered section: Num is "15.5.5", or "A.2" in an appendix.
type Section struct {
	Num, Title string
}

// Appendix reports whether the section is an appendix, which RFCs name
// "Appendix A.2" rather than "Section A.2".
func (s Section) Appendix() bool { return isAppendix(s.Num) }

// Name returns how the RFC refers to the section: "Section 15.5.5" or
// "Appendix A.2".
func (s Section) Name() string { return sectionName(s.Num) }

func isAppendix(num string) bool { return num != "" && num[0] >= 'A' && num[0] <= 'Z' }

func sectionName(num string) string {
	if isAppendix(num) {
		return "Appendix " + num
	}
	return "Section " + num
}

// Load parses the embedded table. It fails only if the embedded file is
// malformed, which the package's tests rule out.
func Load() (*Table, error) { return Parse(table) }

// Parse parses a table in the format of rfcs.txt.
func Parse(text string) (*Table, error) {
	t := &Table{rfcs: map[int]*RFC{}}
	for i, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := t.add(strings.Split(line, "\t")); err != nil {
			return nil, fmt.Errorf("cite: %s line %d: %w", TablePath, i+1, err)
		}
	}
	return t, nil
}

func (t *Table) add(f []string) error {
	if len(f) < 3 {
		return fmt.Errorf("want rfc, section and title separated by tabs")
	}
	n, err := strconv.Atoi(f[0])
	if err != nil {
		return fmt.Errorf("rfc %q is not a number", f[0])
	}
	r := t.rfcs[n]
	if f[1] == "" {
		if r != nil {
			return fmt.Errorf("RFC %d is listed twice", n)
		}
		r = &RFC{Number: n, Title: f[2], index: map[string]int{}}
		for _, kv := range f[3:] {
			k, v, _ := strings.Cut(kv, "=")
			switch k {
			case "obsoletes":
				r.Obsoletes, err = ints(v)
			case "obsoleted-by":
				r.ObsoletedBy, err = ints(v)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
		t.rfcs[n] = r
		return nil
	}
	if r == nil {
		return fmt.Errorf("section %s of RFC %d comes before the RFC's own row", f[1], n)
	}
	if _, dup := r.index[f[1]]; dup {
		return fmt.Errorf("RFC %d has section %s twice", n, f[1])
	}
	r.index[f[1]] = len(r.Sections)
	r.Sections = append(r.Sections, Section{Num: f[1], Title: f[2]})
	return nil
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not an RFC number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// RFC returns RFC n, or false if the table does not have it.
func (t *Table) RFC(n int) (*RFC, bool) {
	r, ok := t.rfcs[n]
	return r, ok
}

// Numbers returns the numbers of the RFCs in the table, in order.
func (t *Table) Numbers() []int {
	out := make([]int, 0, len(t.rfcs))
	for n := range t.rfcs {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// Current returns the RFCs that now replace RFC n: n itself if nothing
// obsoletes it, otherwise what obsoletes it, followed through every later
// replacement (RFC 2616 is now 9110, 9111 and 9112). An RFC the table does
// not have is taken to be current.
func (t *Table) Current(n int) []int {
	seen := map[int]bool{}
	var out []int
	var visit func(int)
	visit = func(n int) {
		if seen[n] {
			return
		}
		seen[n] = true
		r, ok := t.rfcs[n]
		if !ok || len(r.ObsoletedBy) == 0 {
			out = append(out, n)
			return
		}
		for _, m := range r.ObsoletedBy {
			visit(m)
		}
	}
	visit(n)
	sort.Ints(out)
	return out
}

// Section returns the section numbered num ("15.5.5", "A.2").
func (r *RFC) Section(num string) (Section, bool) {
	i, ok := r.index[num]
	if !ok {
		return Section{}, false
	}
	return r.Sections[i], true
}

// Children returns the subsections of section num, or the top-level
// sections and appendices when num is "".
func (r *RFC) Children(num string) []Section {
	var out []Section
	for _, s := range r.Sections {
		if parent(s.Num) == num {
			out = append(out, s)
		}
	}
	return out
}

// WithTitle returns the sections whose title is title, compared as
// sameTitle does.
func (r *RFC) WithTitle(title string) []Section {
	var out []Section
	for _, s := range r.Sections {
		if sameTitle(s.Title, title) {
			out = append(out, s)
		}
	}
	return out
}

// parent returns the number of the section that holds num: "15.5" for
// "15.5.5", "" for a top-level section.
func parent(num string) string {
	if i := strings.LastIndexByte(num, '.'); i >= 0 {
		return num[:i]
	}
	return ""
}

// Nearby describes the sections around a number the RFC does not have,
// for a contributor looking for the one they meant: the closest section
// that holds it and the range of that section's subsections.
func (r *RFC) Nearby(num string) string {
	for p := parent(num); ; p = parent(p) {
		if p == "" {
			return fmt.Sprintf("RFC %d has %s", r.Number, describeRange(r.Children("")))
		}
		s, ok := r.Section(p)
		if !ok {
			continue
		}
		kids := r.Children(p)
		if len(kids) == 0 {
			return fmt.Sprintf("%s %q has no subsections", s.Name(), s.Title)
		}
		return fmt.Sprintf("%s %q has %s", s.Name(), s.Title, describeRange(kids))
	}
}

// describeRange names a run of sibling sections: "15.5.1 to 15.5.22", or
// for the top level "Sections 1 to 19 and Appendices A to C".
func describeRange(secs []Section) string {
	var nums, apps []string
	for _, s := range secs {
		if s.Appendix() {
			apps = append(apps, s.Num)
		} else {
			nums = append(nums, s.Num)
		}
	}
	span := func(xs []string) string {
		if len(xs) == 1 {
			return xs[0]
		}
		return xs[0] + " to " + xs[len(xs)-1]
	}
	if len(secs) == 0 || parent(secs[0].Num) != "" {
		return span(append(nums, apps...))
	}
	out := ""
	if len(nums) > 0 {
		out = "Sections " + span(nums)
	}
	if len(apps) > 0 {
		if out != "" {
			out += " and "
		}
		if len(apps) == 1 {
			out += "Appendix " + apps[0]
		} else {
			out += "Appendices " + span(apps)
		}
	}
	return out
}

// sameTitle compares section titles as a writer would quote them: case,
// runs of white space, quotes and backticks do not matter.
func sameTitle(a, b string) bool {
	return normTitle(a) == normTitle(b)
}

func normTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '"', '`', '\'', '“', '”', '‘', '’':
			return -1
		}
		return r
	}, s)
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(s, ".")), " "))
}
