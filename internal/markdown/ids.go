package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids generates heading IDs: the heading text lower-cased, letters and
// digits kept, runs of anything else turned into one "-". The rule is
// documented for contributors, who write anchors by hand, so it must not
// change with goldmark's defaults.
type ids struct {
	used map[string]bool
}

func newIDs(reserved []string) *ids {
	s := &ids{used: map[string]bool{}}
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
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
