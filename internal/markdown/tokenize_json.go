package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// jsonState is a state of chroma's JSON lexer (lexers/embedded/json.xml),
// which this scanner follows rule for rule, so that it accepts and
// classifies what that lexer does, malformed JSON included.
type jsonState uint8

const (
	jsonRoot      jsonState = iota // a value
	jsonObject                     // in an object, before a member name
	jsonAttribute                  // after a member name: ":", the value, "," or "}"
	jsonArray                      // in an array
)

// tokenizeJSON tokenizes JSON: member names are NameTag, string values
// LiteralStringDouble, numbers LiteralNumberInteger or LiteralNumberFloat,
// true, false and null KeywordConstant. Like chroma's lexer it accepts
// // comments, several values in a row (JSON Lines), and a misplaced
// character as one Error token, after which it goes on.
func tokenizeJSON(src string) []chroma.Token {
	t := newTokens(src)
	jsonTokens(t, src, len(src))
	return t.list
}

// jsonTokens adds the tokens of src[t.pos:end] to t.
func jsonTokens(t *tokens, src string, end int) {
	stack := []jsonState{jsonRoot}
	for t.pos < end && len(stack) > 0 {
		i := t.pos
		state := stack[len(stack)-1]
		c := src[i]
		// Every state starts with white space; all but an object's
		// member-name state take values, and all take comments.
		if n := jsonSpace(src[i:end]); n > 0 {
			t.emit(chroma.Text, i+n)
			continue
		}
		if state != jsonObject {
			if typ, n := jsonSimpleValue(src[i:end]); n > 0 {
				t.emit(typ, i+n)
				continue
			}
		}
		if c == '/' && i+1 < end && src[i+1] == '/' {
			if j := strings.IndexByte(src[i:end], '\n'); j >= 0 {
				t.emit(chroma.CommentSingle, i+j+1)
				continue
			}
		}
		switch {
		case state != jsonObject && c == '{':
			t.emit(chroma.Punctuation, i+1)
			stack = append(stack, jsonObject)
			continue
		case state != jsonObject && c == '[':
			t.emit(chroma.Punctuation, i+1)
			stack = append(stack, jsonArray)
			continue
		case state == jsonObject && c == '"':
			if n := jsonString(src[i:end]); n > 0 {
				t.emit(chroma.NameTag, i+n)
				stack = append(stack, jsonAttribute)
				continue
			}
		case state == jsonObject && c == '}':
			t.emit(chroma.Punctuation, i+1)
			stack = stack[:len(stack)-1]
			continue
		case state == jsonAttribute && c == ':':
			t.emit(chroma.Punctuation, i+1)
			continue
		case state == jsonAttribute && c == ',':
			t.emit(chroma.Punctuation, i+1)
			stack = stack[:len(stack)-1]
			continue
		case state == jsonAttribute && c == '}':
			t.emit(chroma.Punctuation, i+1)
			stack = stack[:max(len(stack)-2, 0)]
			continue
		case state == jsonArray && c == ',':
			t.emit(chroma.Punctuation, i+1)
			continue
		case state == jsonArray && c == ']':
			t.emit(chroma.Punctuation, i+1)
			stack = stack[:len(stack)-1]
			continue
		}
		// Nothing matched. As in chroma, a newline outside the root
		// state starts over there; anything else is one Error rune.
		if c == '\n' && state != jsonRoot {
			stack = stack[:1]
			continue
		}
		_, n := utf8.DecodeRuneInString(src[i:end])
		t.emit(chroma.Error, i+n)
	}
	// Popped past the root (a stray "}" after a member): chroma gives
	// the rest as one Error token.
	t.emit(chroma.Error, end)
}

// jsonSpace is the length of the white space (\s+) at the start of s.
func jsonSpace(s string) int {
	n := 0
	for n < len(s) {
		if isSpace(s[n]) {
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if r < utf8.RuneSelf || !unicode.IsSpace(r) {
			break
		}
		n += size
	}
	return n
}

// jsonSimpleValue matches chroma's simplevalue rules at the start of s:
// a constant, a number or a string.
func jsonSimpleValue(s string) (chroma.TokenType, int) {
	for _, w := range [...]string{"true", "false", "null"} {
		if strings.HasPrefix(s, w) && !startsWithWordChar(s[len(w):]) {
			return chroma.KeywordConstant, len(w)
		}
	}
	if n, float := jsonNumber(s); n > 0 {
		if float {
			return chroma.LiteralNumberFloat, n
		}
		return chroma.LiteralNumberInteger, n
	}
	if n := jsonString(s); n > 0 {
		return chroma.LiteralStringDouble, n
	}
	return chroma.Text, 0
}

// jsonNumber matches -?(0|[1-9]\d*) followed, for a float, by the first of
// \.\d+[eE][+-]?\d+, [eE][+-]?\d+ and \.\d+ that matches.
func jsonNumber(s string) (n int, float bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		return 0, false
	}
	frac := digitsAfter(s, i, '.')
	if frac > 0 {
		if exp := exponent(s, i+frac); exp > 0 {
			return i + frac + exp, true
		}
	}
	if exp := exponent(s, i); exp > 0 {
		return i + exp, true
	}
	if frac > 0 {
		return i + frac, true
	}
	return i, false
}

// digitsAfter is the length of sep and one or more digits at s[i:], or 0.
func digitsAfter(s string, i int, sep byte) int {
	if i >= len(s) || s[i] != sep {
		return 0
	}
	j := i + 1
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == i+1 {
		return 0
	}
	return j - i
}

// exponent is the length of [eE][+-]?\d+ at s[i:], or 0.
func exponent(s string, i int) int {
	if i >= len(s) || s[i] != 'e' && s[i] != 'E' {
		return 0
	}
	j := i + 1
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	k := j
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k == j {
		return 0
	}
	return k - i
}

// jsonString matches chroma's "(\\\\|\\"|[^"])*" at the start of s: a
// string may span lines, and a backslash escapes only a backslash or a
// quote. It returns 0 if s does not start with a closed string.
func jsonString(s string) int {
	if s == "" || s[0] != '"' {
		return 0
	}
	lastEscapedQuote := 0
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '"':
			return i + 1
		case '\\':
			if i+1 < len(s) && (s[i+1] == '\\' || s[i+1] == '"') {
				if s[i+1] == '"' {
					lastEscapedQuote = i + 2
				}
				i++
			}
		}
	}
	// Unclosed: the regular expression backtracks and ends the string
	// at the last \" instead.
	return lastEscapedQuote
}

// startsWithWordChar reports whether s starts with a character that \w
// matches, which is what a \b after a word needs not to see.
func startsWithWordChar(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return isASCIILetter(c) || isDigit(c) || c == '_'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Pc, r)
}
