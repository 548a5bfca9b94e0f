package markdown

import (
	"html"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids generates heading IDs: the heading text lower-cased, letters and
// digits kept, runs of anything else turned into one "-". The rule is
// documented for contributors, who write anchors by hand, so it must not
// change with goldmark's defaults. A repeated base gets "-1", "-2", ...: the
// next suffix of each base is remembered, so a document of thousands of
// identical headings costs linear time, not quadratic.
type ids struct {
	used map[string]bool
	next map[string]int // next suffix to try for a base
}

func newIDs(reserved []string) *ids {
	s := &ids{used: map[string]bool{}, next: map[string]int{}}
	for _, r := range reserved {
		s.used[r] = true
	}
	return s
}

// Slug returns the ID base for a heading text, before de-duplication.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '`' || r == '\'' || r == '’' || r == '*':
			// Markup and apostrophes vanish: "Don't" is "dont".
		default:
			dash = true
		}
	}
	return b.String()
}

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(html.UnescapeString(string(value)))
	if base == "" {
		base = "section"
	}
	id := base
	if s.used[id] {
		n := max(s.next[base], 1)
		for s.used[base+"-"+strconv.Itoa(n)] {
			n++
		}
		id = base + "-" + strconv.Itoa(n)
		s.next[base] = n + 1
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
