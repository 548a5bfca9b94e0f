package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// The site's code is almost all HTTP exchanges, JavaScript, Go and JSON, and
// chroma's lexers for them are regular expressions run with backtracking:
// most of a build's CPU went there. These languages are tokenized instead
// by real scanners (go/scanner, tdewolff/parse's JavaScript lexer, and small
// exact scanners for JSON and HTTP) that emit chroma's token types, so the
// HTML formatter, its CSS classes and the light and dark styles stay
// chroma's. Every other language still goes through chroma's lexer.
//
// Each tokenizer returns tokens whose values, concatenated, are exactly its
// input, whatever the input, and merges adjacent tokens of one type as
// chroma.Coalesce does.

// fastTokenizer returns the tokenizer used in place of the chroma lexer
// named name (a lexer field of languages, or a lexer's Config().Name), or
// nil: that language goes through chroma. It is a function, not a map,
// because tokenizeHTTP uses it for bodies.
func fastTokenizer(name string) func(string) []chroma.Token {
	switch strings.ToLower(name) {
	case "go":
		return tokenizeGo
	case "javascript":
		return tokenizeJS
	case "typescript":
		return tokenizeTS
	case "json":
		return tokenizeJSON
	case "http":
		return tokenizeHTTP
	}
	return nil
}

// coalesceLimit is chroma.Coalesce's: a token of this length or more is
// not extended further.
const coalesceLimit = 8192

// tokens builds the token list of src from left to right. Every token is a
// substring of src that starts where the previous one ended, so the values
// concatenate to src by construction, and a token of the same type as the
// previous one extends it instead of being added.
type tokens struct {
	src  string
	pos  int // end of the last token
	list []chroma.Token
}

func newTokens(src string) *tokens {
	// Tokens average a few bytes; this saves most regrowing.
	return &tokens{src: src, list: make([]chroma.Token, 0, len(src)/4+1)}
}

// emit adds src[t.pos:end] as a token of type typ. An end at or before
// t.pos adds nothing, and one past len(src) is cut there, so a tokenizer
// that misjudges a length can neither lose nor repeat text.
func (t *tokens) emit(typ chroma.TokenType, end int) {
	end = min(end, len(t.src))
	if end <= t.pos {
		return
	}
	if n := len(t.list) - 1; n >= 0 && t.list[n].Type == typ && len(t.list[n].Value) < coalesceLimit {
		start := t.pos - len(t.list[n].Value)
		t.list[n].Value = t.src[start:end]
	} else {
		t.list = append(t.list, chroma.Token{Type: typ, Value: t.src[t.pos:end]})
	}
	t.pos = end
}

// gap emits src[t.pos:end], text a scanner skipped, as whitespace where it
// is whitespace and as other otherwise.
func (t *tokens) gap(end int, whitespace, other chroma.TokenType) {
	end = min(end, len(t.src))
	for t.pos < end {
		i := t.pos
		if isSpace(t.src[i]) {
			for i < end && isSpace(t.src[i]) {
				i++
			}
			t.emit(whitespace, i)
			continue
		}
		for i < end && !isSpace(t.src[i]) {
			i++
		}
		t.emit(other, i)
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// normalizeNewlines turns \r\n and lone \r into \n, as chroma's lexers do
// before they tokenize, so that both paths highlight the same text.
func normalizeNewlines(s string) string {
	i := 0
	for i < len(s) && s[i] != '\r' {
		i++
	}
	if i == len(s) {
		return s
	}
	buf := make([]byte, 0, len(s))
	buf = append(buf, s[:i]...)
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		buf = append(buf, c)
	}
	return string(buf)
}
