package exampleapi

import (
	"unicode/utf8"

	"github.com/statusgen/statusgen/internal/diag"
)

// SrcKind is the type of a value written in the model file.
type SrcKind int

// Kinds of Src.
const (
	SrcNull SrcKind = iota
	SrcString
	SrcNumber
	SrcBool
	SrcMap
	SrcList
)

// Src is a value as written in the model file, with where it is: the
// loader turns YAML nodes into Srcs, and the compiler reads templates and
// expressions from them. It knows nothing of YAML.
type Src struct {
	Kind  SrcKind
	Str   string
	Num   float64
	Bool  bool
	Keys  []string // a map's keys, in order, for Items
	Items []*Src   // a map's values or a list's items
	// KeyPos are the positions of a map's keys.
	KeyPos []diag.Pos
	Pos    diag.Pos
	// Exact is set when Str is written on one line without escapes, so
	// that byte i of Str is at column Pos.Col + (runes before i).
	Exact bool
}

// at returns the file position of byte off of Str.
func (s *Src) at(off int) diag.Pos {
	p := s.Pos
	if s.Exact && off >= 0 && off <= len(s.Str) {
		p.Col += utf8.RuneCountInString(s.Str[:off])
	}
	return p
}

// Plain returns the value as plain data, templates left as written: for
// the model's state and data.
func (s *Src) Plain() any {
	switch s.Kind {
	case SrcString:
		return s.Str
	case SrcNumber:
		return s.Num
	case SrcBool:
		return s.Bool
	case SrcMap:
		o := NewObject()
		for i, k := range s.Keys {
			o.Set(k, s.Items[i].Plain())
		}
		return o
	case SrcList:
		l := make([]any, len(s.Items))
		for i, it := range s.Items {
			l[i] = it.Plain()
		}
		return l
	}
	return nil
}
