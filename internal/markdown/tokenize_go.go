package markdown

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// Go identifiers that chroma's Go lexer (lexers/go.go) gives a type of its
// own. goBuiltins are NameBuiltin when a "(" follows at once; goTypes are
// KeywordType otherwise.
var (
	goConstants = map[string]bool{"true": true, "false": true, "iota": true, "nil": true}
	goBuiltins  = wordSet(`uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float float32 float64
		complex64 complex128 byte rune string bool error uintptr print println panic recover close complex
		real imag len cap append copy delete new make clear min max`)
	goTypes = wordSet(`uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float float32 float64
		complex64 complex128 byte rune string bool error uintptr any`)
	// goOperators are the operators chroma calls Operator; it calls every
	// other one (=, <, !, |, ^, ~, brackets, ...) Punctuation.
	goOperators = wordSet(`<<= >>= << >> <= >= &^= &^ += -= *= /= %= &= |= && || <- ++ -- == != := ... + - * / % &`)
)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// tokenizeGo tokenizes Go source with go/scanner.
func tokenizeGo(src string) []chroma.Token {
	t := newTokens(src)
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, scanner.ScanComments) // errors are shown as they are: no handler
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted at a line end, not in the source
		}
		off := file.Offset(pos)
		if off < t.pos {
			continue
		}
		t.gap(off, chroma.TextWhitespace, chroma.Text)
		end := goTokenEnd(src, off, tok, lit)
		t.emit(goTokenType(src, end, tok, lit), end)
	}
	t.gap(len(src), chroma.TextWhitespace, chroma.Text)
	return t.list
}

// goTokenEnd is the offset just past the token at off. go/scanner drops
// carriage returns from comments and raw strings, and spells an illegal
// byte as U+FFFD, so those are measured in src.
func goTokenEnd(src string, off int, tok token.Token, lit string) int {
	switch {
	case tok == token.COMMENT && strings.HasPrefix(src[off:], "//"):
		if i := strings.IndexByte(src[off:], '\n'); i >= 0 {
			return off + i
		}
		return len(src)
	case tok == token.COMMENT:
		if i := strings.Index(src[off+2:], "*/"); i >= 0 {
			return off + 2 + i + 2
		}
		return len(src)
	case tok == token.STRING && src[off] == '`':
		if i := strings.IndexByte(src[off+1:], '`'); i >= 0 {
			return off + 1 + i + 1
		}
		return len(src)
	case tok == token.ILLEGAL:
		_, n := utf8.DecodeRuneInString(src[off:])
		return off + max(n, 1)
	case lit != "":
		return off + len(lit)
	}
	return off + len(tok.String())
}

func goTokenType(src string, end int, tok token.Token, lit string) chroma.TokenType {
	switch {
	case tok == token.IDENT:
		return goIdentType(src, end, lit)
	case tok == token.IMPORT || tok == token.PACKAGE:
		return chroma.KeywordNamespace
	case tok == token.VAR || tok == token.FUNC || tok == token.STRUCT || tok == token.MAP ||
		tok == token.CHAN || tok == token.TYPE || tok == token.INTERFACE || tok == token.CONST:
		return chroma.KeywordDeclaration
	case tok.IsKeyword():
		return chroma.Keyword
	case tok == token.INT:
		return goIntType(lit)
	case tok == token.FLOAT:
		return chroma.LiteralNumberFloat
	case tok == token.IMAG:
		return chroma.LiteralNumber
	case tok == token.CHAR:
		return chroma.LiteralStringChar
	case tok == token.STRING:
		return chroma.LiteralString
	case tok == token.COMMENT:
		// chroma: "//" and a non-space is CommentPreproc (//go:build,
		// //nolint), "// text" CommentSingle.
		if strings.HasPrefix(lit, "//") {
			if len(lit) > 2 && !isSpace(lit[2]) {
				return chroma.CommentPreproc
			}
			return chroma.CommentSingle
		}
		return chroma.CommentMultiline
	case tok == token.ILLEGAL:
		return chroma.Error
	case goOperators[tok.String()]:
		return chroma.Operator
	}
	return chroma.Punctuation
}

// goIdentType follows the order of chroma's rules: constants, builtins
// called at once, types, then any identifier followed by "(" (after
// optional white space) is a function name.
func goIdentType(src string, end int, name string) chroma.TokenType {
	switch {
	case goConstants[name]:
		return chroma.KeywordConstant
	case goBuiltins[name] && end < len(src) && src[end] == '(':
		return chroma.NameBuiltin
	case goTypes[name]:
		return chroma.KeywordType
	}
	if c := name[0]; isASCIILetter(c) || c == '_' {
		i := end
		for i < len(src) && isSpace(src[i]) {
			i++
		}
		if i < len(src) && src[i] == '(' {
			return chroma.NameFunction
		}
	}
	return chroma.NameOther
}

func goIntType(lit string) chroma.TokenType {
	if len(lit) > 1 && lit[0] == '0' {
		switch lit[1] {
		case 'x', 'X':
			return chroma.LiteralNumberHex
		case 'b', 'B':
			return chroma.LiteralNumberBin
		case 'o', 'O', '0', '1', '2', '3', '4', '5', '6', '7', '_':
			return chroma.LiteralNumberOct
		}
	}
	return chroma.LiteralNumberInteger
}
