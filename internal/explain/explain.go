// Package explain answers `statusgen explain`: it looks up a status code, a
// class or a search query in the site's content and writes the answer for
// a terminal, wrapped to its width, in colour only when asked.
//
// It reads content through internal/content, from any fs.FS holding
// content/ at its root: the binary's embedded copy (package statusgen) or
// a checkout.
package explain

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/facts"
	"github.com/statusgen/statusgen/internal/site"
	"github.com/statusgen/statusgen/internal/suggest"
)

// Index is the content explain answers from.
type Index struct {
	c      *content.Content
	facts  *facts.Table
	byCode map[int]*content.Status
	codes  []int
}

// Load reads and validates the content in fsys.
func Load(fsys fs.FS) (*Index, error) {
	c, errs := content.Load(fsys)
	if errs.HasErrors() {
		return nil, fmt.Errorf("the content does not load:\n%v", errs)
	}
	t, err := facts.Load()
	if err != nil {
		return nil, err
	}
	ix := &Index{c: c, facts: t, byCode: map[int]*content.Status{}}
	for _, s := range c.Statuses {
		ix.byCode[s.Code] = s
		ix.codes = append(ix.codes, s.Code)
	}
	return ix, nil
}

// Query is what the words after `explain` ask for.
type Query struct {
	Code  int    // a three-digit code, when Text is one
	Class int    // 1 to 5 for "1xx" to "5xx"
	Text  string // the words, joined by single spaces
}

var (
	codeRE  = regexp.MustCompile(`^[0-9]+$`)
	classRE = regexp.MustCompile(`^([0-9])xx$`)
)

// ParseQuery reads the arguments of `explain`.
func ParseQuery(args []string) (Query, error) {
	q := Query{Text: strings.Join(strings.Fields(strings.Join(args, " ")), " ")}
	if q.Text == "" {
		return q, errors.New("nothing to explain: give a code (404), a class (4xx) or words to search for (rate limit)")
	}
	lower := strings.ToLower(q.Text)
	if m := classRE.FindStringSubmatch(lower); m != nil {
		q.Class, _ = strconv.Atoi(m[1])
		return q, nil
	}
	if codeRE.MatchString(q.Text) {
		q.Code, _ = strconv.Atoi(q.Text)
		if len(q.Text) > 3 || q.Code == 0 {
			q.Code = -1 // not a code, but a number: Lookup says so
		}
	}
	return q, nil
}

// NotFoundError is an unknown code or class, or a search without matches,
// with a suggestion of what to try instead.
type NotFoundError struct {
	Msg        string
	Suggestion string
}

func (e *NotFoundError) Error() string { return e.Msg }

// Status returns the page of a code, or a NotFoundError that suggests a
// nearby code.
func (ix *Index) Status(code int) (*content.Status, error) {
	if s := ix.byCode[code]; s != nil {
		return s, nil
	}
	e := &NotFoundError{}
	switch f, known := ix.facts.Lookup(code); {
	case code < 100 || code > 599:
		e.Msg = fmt.Sprintf("%s is not an HTTP status code: codes run from 100 to 599", codeText(code))
	case known:
		e.Msg = fmt.Sprintf("no page for %d %s yet", code, f.Phrase)
	default:
		e.Msg = fmt.Sprintf("no page for %d: the IANA registry does not assign it, and this site knows no server that sends it", code)
	}
	if near, ok := ix.closest(code); ok {
		s := ix.byCode[near]
		e.Suggestion = fmt.Sprintf("Did you mean %d %s? Or list a class: statusgen explain %dxx", near, s.Title, near/100)
	} else if code >= 100 && code <= 599 {
		e.Suggestion = fmt.Sprintf("List the class: statusgen explain %dxx", code/100)
	} else {
		e.Suggestion = "List a class: statusgen explain 4xx"
	}
	return nil, e
}

func codeText(code int) string {
	if code < 0 {
		return "that number"
	}
	return strconv.Itoa(code)
}

// closest returns the known code a mistyped one most likely meant: two
// neighbouring digits swapped (429 for 492), else one digit wrong, the
// numerically nearest if several are.
func (ix *Index) closest(code int) (int, bool) {
	if code < 0 {
		return 0, false
	}
	s := fmt.Sprintf("%03d", code)
	best, bestKind, found := 0, 0, false
	for _, k := range ix.codes {
		ks := strconv.Itoa(k)
		kind := typo(s, ks)
		if len(ks) != len(s) || kind == 0 {
			continue
		}
		if !found || kind < bestKind || kind == bestKind && abs(k-code) < abs(best-code) {
			best, bestKind, found = k, kind, true
		}
	}
	return best, found
}

// typo says how b differs from a, strings of the same length: 1 for two
// neighbouring characters swapped, 2 for one character changed, 0 for
// anything else.
func typo(a, b string) int {
	if len(a) != len(b) {
		return 0
	}
	var diff []int
	for i := range a {
		if a[i] != b[i] {
			diff = append(diff, i)
		}
	}
	switch len(diff) {
	case 1:
		return 2
	case 2:
		if i, j := diff[0], diff[1]; j == i+1 && a[i] == b[j] && a[j] == b[i] {
			return 1
		}
	}
	return 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Class returns a class and its codes, or a NotFoundError.
func (ix *Index) Class(digit int) (*site.Class, []*content.Status, error) {
	if digit < 1 || digit > 5 {
		return nil, nil, &NotFoundError{Msg: fmt.Sprintf("there is no %dxx class: classes run from 1xx to 5xx", digit), Suggestion: "Try statusgen explain 4xx"}
	}
	var members []*content.Status
	for _, s := range ix.c.Statuses {
		if s.Class() == digit {
			members = append(members, s)
		}
	}
	return site.NewClass(digit), members, nil
}

// Match is a code a search found, with what it matched.
type Match struct {
	Status *content.Status
	score  int
}

// ConceptMatch is a concept page a search found.
type ConceptMatch struct {
	Concept *content.Concept
	score   int
}

// Search finds the codes whose title, other names (aka), keywords or
// library constants match the words of query, best first, and the concept
// pages whose title or keywords do. An exact title or name ranks above a
// keyword, a keyword above a constant; ties go in code order.
func (ix *Index) Search(query string) ([]Match, []ConceptMatch) {
	q := normalize(query)
	if q == "" {
		return nil, nil
	}
	var out []Match
	for _, s := range ix.c.Statuses {
		score := 0
		try := func(field string, exact, partial int) {
			f := normalize(field)
			switch {
			case f == q:
				score = max(score, exact)
			case containsWords(f, q):
				score = max(score, partial)
			}
		}
		try(s.Title, 100, 70)
		try(strconv.Itoa(s.Code)+" "+s.Title, 100, 0)
		for _, a := range s.Aka {
			try(a, 95, 65)
		}
		for _, k := range s.Keywords {
			try(k, 60, 40)
		}
		if ix.c.Constants != nil {
			cq := compact(q)
			for _, k := range ix.c.Constants.Codes[s.Code] {
				names := []string{k.Name}
				for _, a := range k.Aliases {
					names = append(names, a.Name)
				}
				for _, n := range names {
					switch cn := compact(normalize(n)); {
					case cn == "" || len(cq) < 4:
					case cn == cq || compact(normalize(ix.c.Constants.Expression(k.Library, n))) == cq:
						score = max(score, 90)
					case strings.Contains(cn, cq):
						score = max(score, 20)
					}
				}
			}
		}
		if score > 0 {
			out = append(out, Match{Status: s, score: score})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })

	var concepts []ConceptMatch
	for _, c := range ix.c.Concepts {
		score := 0
		if f := normalize(c.Title); f == q {
			score = 100
		} else if containsWords(f, q) || containsWords(q, f) {
			score = 70
		}
		for _, k := range c.Keywords {
			if f := normalize(k); f == q {
				score = max(score, 60)
			} else if containsWords(f, q) {
				score = max(score, 40)
			}
		}
		if score > 0 {
			concepts = append(concepts, ConceptMatch{Concept: c, score: score})
		}
	}
	sort.SliceStable(concepts, func(i, j int) bool { return concepts[i].score > concepts[j].score })
	return out, concepts
}

// Suggest returns the word of a title, name or keyword nearest to a query
// that matched nothing, if one is near enough to be a typo.
func (ix *Index) Suggest(query string) string {
	q := normalize(query)
	best, bestD := "", len(q)/3+1
	seen := map[string]bool{}
	consider := func(field string) {
		for _, w := range strings.Fields(normalize(field)) {
			if len(w) < 4 || seen[w] {
				continue
			}
			seen[w] = true
			if d := suggest.Distance(q, w); d < bestD || d == bestD && best != "" && w < best {
				best, bestD = w, d
			}
		}
	}
	for _, s := range ix.c.Statuses {
		consider(s.Title)
		for _, a := range s.Aka {
			consider(a)
		}
		for _, k := range s.Keywords {
			consider(k)
		}
	}
	return best
}

// normalize lower-cases s and turns every run of characters other than
// letters and digits into one space; camelCase and snake_case names split
// into words, so "StatusTooManyRequests" reads "status too many requests".
func normalize(s string) string {
	var b strings.Builder
	prevLower := false
	space := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			if prevLower {
				space()
			}
			b.WriteRune(unicode.ToLower(r))
			prevLower = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			prevLower = unicode.IsLower(r)
		case r == '\'' || r == '\u2019':
			// "I'm" is one word.
		default:
			space()
			prevLower = false
		}
	}
	return strings.TrimSpace(b.String())
}

func compact(s string) string { return strings.ReplaceAll(s, " ", "") }

// containsWords reports whether q occurs in f starting at a word boundary:
// "rate limit" is in "api rate limiting", "ate" is not in "rate".
func containsWords(f, q string) bool {
	for i := 0; ; {
		j := strings.Index(f[i:], q)
		if j < 0 {
			return false
		}
		if i+j == 0 || f[i+j-1] == ' ' {
			return true
		}
		i += j + 1
	}
}
