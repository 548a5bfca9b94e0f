package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// jsDialect is what differs between chroma's JavaScript and TypeScript
// lexers (lexers/embedded/javascript.xml, typescript.xml): the word lists,
// and a few TypeScript rules.
type jsDialect struct {
	words map[string]chroma.TokenType
	ts    bool
}

var (
	jsLang = jsDialect{words: jsWords(
		`for in while do break return continue switch case default if else throw try catch finally new delete typeof instanceof void yield this of`,
		`abstract async await boolean byte char class const debugger double enum export extends final float goto implements import int interface long native package private protected public short static super synchronized throws transient using volatile`,
		``,
		`Array Boolean Date Error Function Math netscape Number Object Packages RegExp String Promise Proxy sun decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN isSafeInteger parseFloat parseInt document window`,
	)}
	tsLang = jsDialect{ts: true, words: jsWords(
		`for in of while do break return yield continue switch case default if else throw try catch finally new delete typeof instanceof keyof asserts is infer await void this`,
		`abstract async boolean class const debugger enum export extends from get global goto implements import interface namespace package private protected public readonly require set static super type using constructor declare as`,
		`string bool number any never object symbol unique unknown bigint`,
		`Array Boolean Date Error Function Math Number Object Packages RegExp String decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt document window`,
	)}
)

// jsWords builds a word table in the order of chroma's rules, the first
// rule that matches a word giving its type.
func jsWords(keywords, reserved, types, builtins string) map[string]chroma.TokenType {
	m := map[string]chroma.TokenType{}
	add := func(words string, typ chroma.TokenType) {
		for _, w := range strings.Fields(words) {
			if _, ok := m[w]; !ok {
				m[w] = typ
			}
		}
	}
	add(keywords, chroma.Keyword)
	add(`var let with function`, chroma.KeywordDeclaration)
	add(reserved, chroma.KeywordReserved)
	add(`true false null NaN Infinity undefined`, chroma.KeywordConstant)
	add(builtins, chroma.NameBuiltin)
	add(types, chroma.KeywordType)
	return m
}

// tokenizeJS tokenizes JavaScript with tdewolff/parse's lexer.
func tokenizeJS(src string) []chroma.Token { return tokenizeJSDialect(src, &jsLang) }

// tokenizeTS tokenizes TypeScript, which the same lexer reads well: type
// annotations, generics and "as" are JavaScript tokens.
func tokenizeTS(src string) []chroma.Token { return tokenizeJSDialect(src, &tsLang) }

// jsScanner is the context chroma's lexer keeps, or that a JavaScript
// lexer needs from its caller.
type jsScanner struct {
	*tokens
	d         *jsDialect
	regexOK   bool // a "/" here starts a regular expression
	commentNL bool // a // comment just ended: chroma's comment takes its newline
	typeNext  bool // TypeScript: the word after "name:" is a type
	typeUntil int  // TypeScript: the type goes on to here ([\w?.$]+)
}

func tokenizeJSDialect(src string, d *jsDialect) []chroma.Token {
	s := &jsScanner{tokens: newTokens(src), d: d, regexOK: true}
	if !d.ts && strings.HasPrefix(src, "#!") {
		end := strings.IndexByte(src, '\n') + 1
		if end == 0 {
			end = len(src)
		}
		s.emit(chroma.CommentHashbang, end)
	}
	in := parse.NewInputString(src)
	seek(in, s.pos)
	l := js.NewLexer(in)
	errs := 0
	for s.pos < len(src) {
		start := s.pos
		if in.Offset() != start {
			// The lexer stopped short or went past what was emitted:
			// carry on from where the tokens end.
			seek(in, start)
		}
		if n := s.decorator(); n > 0 {
			seek(in, start+n)
			continue
		}
		if n := jsUnexpected(src, start); n > 0 {
			// The lexer would say "unexpected" too, but its errors
			// cost a pass over the whole input each.
			s.emit(chroma.Error, start+n)
			continue
		}
		if errs >= maxJSErrors {
			s.emit(chroma.Text, len(src)) // not JavaScript
			break
		}
		tt, _ := l.Next()
		if (tt == js.DivToken || tt == js.DivEqToken) && s.regexOK {
			divEnd := in.Offset()
			if rt, _ := l.RegExp(); rt == js.RegExpToken {
				s.emit(chroma.LiteralStringRegex, in.Offset())
				s.regexOK, s.typeNext = false, false
				continue
			}
			// Not a regular expression after all: back to the division.
			errs++
			seek(in, divEnd)
		}
		end := min(max(in.Offset(), start), len(src))
		if tt == js.ErrorToken {
			errs++
			in.Skip() // some errors leave the lexeme open
			if end <= start {
				if in.Err() != nil {
					break // the end of the input
				}
				_, n := utf8.DecodeRuneInString(src[start:])
				end = start + n
			}
		}
		s.token(tt, start, end)
		if s.pos <= start {
			// No progress: give the next rune as an error and go on.
			_, n := utf8.DecodeRuneInString(src[start:])
			s.emit(chroma.Error, start+n)
		}
	}
	s.emit(chroma.Error, len(src))
	return s.list
}

// maxJSErrors bounds the lexer errors in one block (an unclosed string, a
// malformed number, a "/" that starts no regular expression): each one
// costs the lexer a pass over the input, so after that many the rest is
// taken for text.
const maxJSErrors = 100

// jsUnexpected is the length of the rune at src[i] if no JavaScript token
// can start with it, and 0 otherwise.
func jsUnexpected(src string, i int) int {
	c := src[i]
	switch {
	case c == '@' || c < ' ' && !isSpace(c) || c == 0x7f:
		return 1
	case c == '#':
		if i+1 < len(src) && js.IsIdentifierStart([]byte(src[i+1:])) {
			return 0
		}
		return 1
	case c == '\\':
		if i+1 < len(src) && src[i+1] == 'u' {
			return 0 // an escape in a name
		}
		return 1
	case c < utf8.RuneSelf:
		return 0
	}
	r, n := utf8.DecodeRuneInString(src[i:])
	if r == utf8.RuneError || !js.IsIdentifierStart([]byte(src[i:])) && !unicode.IsSpace(r) && r != '\uFEFF' {
		return n
	}
	return 0
}

// seek moves in to offset off, with nothing selected.
func seek(in *parse.Input, off int) {
	in.Skip()
	in.Rewind(off - in.Offset())
	in.Skip()
}

// decorator emits a TypeScript decorator, which chroma's lexer reads as
// @\w+ KeywordDeclaration, and returns its length, or 0.
func (s *jsScanner) decorator() int {
	start := s.pos
	if !s.d.ts || s.src[start] != '@' {
		return 0
	}
	n := 1
	for start+n < len(s.src) && startsWithWordChar(s.src[start+n:]) {
		_, size := utf8.DecodeRuneInString(s.src[start+n:])
		n += size
	}
	if n == 1 {
		return 0
	}
	s.emit(chroma.KeywordDeclaration, start+n)
	s.regexOK, s.typeNext = false, false
	return n
}

// token emits the JavaScript token tt, src[start:end], and updates the
// context.
func (s *jsScanner) token(tt js.TokenType, start, end int) {
	text := s.src[start:end]
	switch {
	case tt == js.WhitespaceToken || tt == js.LineTerminatorToken:
		if s.commentNL && text[0] == '\n' {
			s.emit(chroma.CommentSingle, start+1)
		}
		s.emit(chroma.Text, end)
		s.commentNL = false
		if tt == js.LineTerminatorToken {
			// chroma's lexer reads a "/" that starts a line as a
			// regular expression whatever comes before.
			s.regexOK = true
		}
		return
	case tt == js.CommentToken || tt == js.CommentLineTerminatorToken ||
		tt == js.ErrorToken && strings.HasPrefix(text, "/*"): // unclosed
		switch {
		case strings.HasPrefix(text, "//"):
			s.emit(chroma.CommentSingle, end)
			s.commentNL = true
			return
		case strings.HasPrefix(text, "/*"):
			s.emit(chroma.CommentMultiline, end)
		default: // <!-- and -->
			s.emit(chroma.Comment, end)
		}
		s.commentNL = false
		return
	}
	s.commentNL = false
	if start < s.typeUntil {
		// Inside a TypeScript type such as JSON.stringify: chroma makes
		// it one KeywordType token.
		s.emit(chroma.KeywordType, min(end, s.typeUntil))
		s.regexOK = false
		if s.pos == end {
			return
		}
	}
	wasTypeNext := s.typeNext
	s.typeNext = false
	s.regexOK = false
	typ := chroma.Error
	switch {
	case tt == js.StringToken || tt == js.ErrorToken && (text[0] == '"' || text[0] == '\''):
		typ = chroma.LiteralStringDouble
		if text[0] == '\'' {
			typ = chroma.LiteralStringSingle
		}
	case tt == js.TemplateToken || tt == js.TemplateStartToken || tt == js.TemplateMiddleToken ||
		tt == js.TemplateEndToken || tt == js.ErrorToken && (text[0] == '`' || text[0] == '}'):
		jsTemplate(s.tokens, text, end)
		s.regexOK = tt == js.TemplateStartToken || tt == js.TemplateMiddleToken
		return
	case tt == js.OptChainToken:
		s.emit(chroma.Operator, start+1) // chroma: "?" then "."
		typ = chroma.Punctuation
	case tt == js.ArrowToken || tt == js.EllipsisToken:
		typ = chroma.Punctuation
	case tt == js.QuestionToken || tt == js.ColonToken:
		typ = chroma.Operator
		s.regexOK = true
		if wasTypeNext {
			// chroma's TypeScript "name?: type" rule.
			typ = chroma.Text
			if tt == js.QuestionToken {
				typ = chroma.NameOther
			}
			s.typeNext = true
		}
	case js.IsOperator(tt): // before IsPunctuator, which operators are too
		typ = chroma.Operator
		s.regexOK = true
	case js.IsPunctuator(tt):
		typ = chroma.Punctuation
		s.regexOK = tt == js.OpenBraceToken || tt == js.OpenParenToken || tt == js.OpenBracketToken ||
			tt == js.SemicolonToken || tt == js.CommaToken
	case js.IsNumeric(tt):
		typ = jsNumberType(tt)
		if wasTypeNext {
			typ = chroma.KeywordType
			s.typeUntil = tsTypeEnd(s.src, start)
		}
	case js.IsIdentifierName(tt) || tt == js.PrivateIdentifierToken ||
		tt == js.ErrorToken && js.IsIdentifierStart([]byte(text)): // as in 1px
		typ = chroma.NameOther
		if w, ok := s.d.words[text]; ok {
			typ = w
			s.regexOK = w == chroma.Keyword && text != "this" || w == chroma.KeywordDeclaration
		}
		switch {
		case wasTypeNext:
			typ = chroma.KeywordType
			s.typeUntil = tsTypeEnd(s.src, start)
		case s.d.ts && typ == chroma.NameOther:
			s.typeNext = tsAnnotated(s.src, end)
		}
	}
	s.emit(typ, end)
}

// jsTemplate splits a template literal piece (`...${, }...${, }...`)
// as chroma does: ${ and } are LiteralStringInterpol, the rest
// LiteralStringBacktick.
func jsTemplate(t *tokens, text string, end int) {
	start := end - len(text)
	i := 0
	if text[0] == '}' {
		t.emit(chroma.LiteralStringInterpol, start+1)
		i = 1
	}
	if strings.HasSuffix(text[i:], "${") {
		t.emit(chroma.LiteralStringBacktick, end-2)
		t.emit(chroma.LiteralStringInterpol, end)
		return
	}
	t.emit(chroma.LiteralStringBacktick, end)
}

func jsNumberType(tt js.TokenType) chroma.TokenType {
	switch tt {
	case js.DecimalToken:
		return chroma.LiteralNumberFloat
	case js.BinaryToken:
		return chroma.LiteralNumberBin
	case js.OctalToken:
		return chroma.LiteralNumberOct
	case js.HexadecimalToken:
		return chroma.LiteralNumberHex
	}
	return chroma.LiteralNumberInteger
}

// tsAnnotated reports whether a name ending at end is followed by ":" and
// a word, which chroma's TypeScript lexer reads as a type annotation:
// ([\w?.$][\w?.$]*)(\s*:\s*)([\w?.$][\w?.$]*).
func tsAnnotated(src string, end int) bool {
	i := end
	for i < len(src) && (src[i] == '?' || isSpace(src[i])) {
		i++
	}
	if i >= len(src) || src[i] != ':' {
		return false
	}
	i++
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i < len(src) && (startsWithWordChar(src[i:]) || src[i] == '$')
}

// tsTypeEnd is the end of the [\w?.$]+ run that starts at i.
func tsTypeEnd(src string, i int) int {
	for i < len(src) {
		if c := src[i]; c == '?' || c == '.' || c == '$' {
			i++
			continue
		}
		if !startsWithWordChar(src[i:]) {
			break
		}
		_, n := utf8.DecodeRuneInString(src[i:])
		i += n
	}
	return i
}
