package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// An http fence is an exchange: one or more HTTP/1.x messages, each a start
// line, header lines, a blank line and a body, and a blank line before the
// next start line, as in a request and its response, or interim 1xx
// responses and then the final one. chroma's HTTP lexer (lexers/http.go)
// reads one message and takes the rest as its body; this tokenizer gives
// each message the types chroma gives the first one.

// httpSpan is the byte range of one message of an exchange.
type httpSpan struct{ start, end int }

// httpMessages splits an exchange into its messages: a message runs from
// its start line to the next start line that follows a blank line, the rule
// internal/check uses too. Text before the first start line is a message
// of its own, without a start line.
func httpMessages(src string) []httpSpan {
	var out []httpSpan
	start := 0
	prevBlank := true
	for i := 0; i < len(src); {
		j := lineEnd(src, i)
		line := lineContent(src[i:j])
		if prevBlank && i > start && httpStartLine(line) {
			out = append(out, httpSpan{start, i})
			start = i
		}
		prevBlank = isBlank(line)
		i = j
	}
	return append(out, httpSpan{start, len(src)})
}

// lineEnd is the offset just past the line that starts at i, its \n
// included.
func lineEnd(src string, i int) int {
	if k := strings.IndexByte(src[i:], '\n'); k >= 0 {
		return i + k + 1
	}
	return len(src)
}

// lineContent is a line without its \n or \r\n.
func lineContent(line string) string {
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r")
}

func isBlank(line string) bool { return strings.Trim(line, " \t") == "" }

func httpStartLine(line string) bool {
	_, ok := httpStatusLine(line)
	if !ok {
		_, ok = httpRequestLine(line)
	}
	return ok
}

// httpVersion is the length of HTTP/d or HTTP/d.d at the start of s, or 0.
func httpVersion(s string) int {
	if !strings.HasPrefix(s, "HTTP/") || len(s) < 6 || !isDigit(s[5]) {
		return 0
	}
	if len(s) >= 8 && s[6] == '.' && isDigit(s[7]) {
		return 8
	}
	return 6
}

// httpStatusLine splits "HTTP/1.1 404 Not Found" into the offsets where
// its parts end: version, spaces, code, spaces, reason.
func httpStatusLine(line string) (ends [5]int, ok bool) {
	v := httpVersion(line)
	if v == 0 {
		return ends, false
	}
	sp := spaces(line, v)
	if sp == v || sp+3 > len(line) || !isDigit(line[sp]) || !isDigit(line[sp+1]) || !isDigit(line[sp+2]) ||
		sp+3 < len(line) && line[sp+3] != ' ' {
		return ends, false
	}
	return [5]int{v, sp, sp + 3, spaces(line, sp+3), len(line)}, true
}

// httpRequestLine splits "GET /path HTTP/1.1" into the offsets where its
// parts end: method, spaces, target, spaces, version.
func httpRequestLine(line string) (ends [5]int, ok bool) {
	m := 0
	for m < len(line) && (line[m] >= 'A' && line[m] <= 'Z' || m > 0 && (line[m] == '-' || line[m] == '_')) {
		m++
	}
	if m < 2 {
		return ends, false
	}
	sp := spaces(line, m)
	target := sp
	for target < len(line) && line[target] != ' ' {
		target++
	}
	sp2 := spaces(line, target)
	if sp == m || target == sp || sp2 == target {
		return ends, false
	}
	v := httpVersion(line[sp2:])
	if v == 0 || sp2+v != len(line) {
		return ends, false
	}
	return [5]int{m, sp, target, sp2, sp2 + v}, true
}

func spaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// tokenizeHTTP tokenizes an exchange message by message.
func tokenizeHTTP(src string) []chroma.Token {
	t := newTokens(src)
	for _, m := range httpMessages(src) {
		httpMessage(t, src, m)
	}
	t.emit(chroma.Text, len(src))
	return t.list
}

// httpMessage emits the tokens of one message: start line, headers, body.
func httpMessage(t *tokens, src string, m httpSpan) {
	i := m.start
	if j := lineEnd(src, i); j <= m.end {
		line := lineContent(src[i:j])
		if ends, ok := httpStatusLine(line); ok {
			httpVersionTokens(t, i, i+ends[0])
			t.emit(chroma.Text, i+ends[1])
			t.emit(chroma.LiteralNumber, i+ends[2])
			t.emit(chroma.Text, i+ends[3])
			t.emit(chroma.NameException, i+ends[4])
			t.emit(chroma.Text, j)
			i = j
		} else if ends, ok := httpRequestLine(line); ok {
			t.emit(chroma.NameFunction, i+ends[0])
			t.emit(chroma.Text, i+ends[1])
			t.emit(chroma.NameNamespace, i+ends[2])
			t.emit(chroma.Text, i+ends[3])
			httpVersionTokens(t, i+ends[3], i+ends[4])
			t.emit(chroma.Text, j)
			i = j
		}
	}
	contentType, typed := "", false
	for i < m.end {
		j := lineEnd(src, i)
		line := lineContent(src[i:j])
		if isBlank(line) {
			t.emit(chroma.Text, j)
			httpBody(t, src, j, m.end, contentType, typed)
			return
		}
		if name, value, ok := httpHeader(t, i, line); ok && strings.EqualFold(name, "content-type") {
			contentType, typed = value, true
		}
		t.emit(chroma.Text, j)
		i = j
	}
}

// httpVersionTokens emits HTTP/1.1 as chroma does: "HTTP" KeywordReserved,
// "/" Operator, "1.1" LiteralNumber.
func httpVersionTokens(t *tokens, start, end int) {
	t.emit(chroma.KeywordReserved, start+4)
	t.emit(chroma.Operator, start+5)
	t.emit(chroma.LiteralNumber, end)
}

// httpHeader emits a header line "Name: value" (chroma: Name, Operator,
// Literal) or a folded continuation line (Literal), or, for any other
// line, Text. It returns the header's name and its value up to a ";".
func httpHeader(t *tokens, i int, line string) (name, value string, ok bool) {
	if line[0] == ' ' || line[0] == '\t' {
		sp := 0
		for sp < len(line) && (line[sp] == ' ' || line[sp] == '\t') {
			sp++
		}
		t.emit(chroma.Text, i+sp)
		t.emit(chroma.Literal, i+len(line))
		return "", "", false
	}
	colon := strings.IndexByte(line, ':')
	n := strings.IndexAny(line, " \t:")
	if colon <= 0 || strings.TrimLeft(line[n:colon], " ") != "" { // ([^\s:]+)( *)(:)
		t.emit(chroma.Text, i+len(line))
		return "", "", false
	}
	t.emit(chroma.Name, i+n)
	t.emit(chroma.Text, i+colon)
	t.emit(chroma.Operator, i+colon+1)
	v := spaces(line, colon+1)
	t.emit(chroma.Text, i+v)
	t.emit(chroma.Literal, i+len(line))
	value = strings.TrimSpace(line[v:])
	if k := strings.IndexByte(value, ';'); k > 0 {
		value = strings.TrimSpace(value[:k])
	}
	return line[:n], value, true
}

// httpBody emits src[start:end], a message body, in the language its
// Content-Type names, chosen as chroma does: JSON (application/json, and
// application/problem+json through its +json suffix) with tokenizeJSON and
// JavaScript with tokenizeJS, another language chroma knows with chroma's
// lexer, a type chroma does not know as Text, and a body without a
// Content-Type as Generic.
func httpBody(t *tokens, src string, start, end int, contentType string, typed bool) {
	if start >= end {
		return
	}
	if !typed || contentType == "" {
		t.emit(chroma.Generic, end)
		return
	}
	lexer := bodyLexer(contentType)
	if lexer == nil {
		t.emit(chroma.Text, end)
		return
	}
	body := src[start:end]
	var toks []chroma.Token
	if fast := fastTokenizer(lexer.Config().Name); fast != nil {
		toks = fast(body)
	} else if utf8.ValidString(body) && !strings.Contains(body, "\r") {
		// chroma's lexers turn bytes into runes and \r into \n: only
		// text they leave as it is can be matched up with their tokens.
		if it, err := lexer.Tokenise(nil, body); err == nil {
			for tok := it(); tok != chroma.EOF; tok = it() {
				toks = append(toks, tok)
			}
		}
	}
	for _, tok := range toks {
		if !strings.HasPrefix(src[t.pos:end], tok.Value) {
			break // a newline chroma added at the end, or a mismatch
		}
		t.emit(tok.Type, t.pos+len(tok.Value))
	}
	t.emit(chroma.Text, end)
}

// bodyLexer is the lexer chroma's HTTP lexer picks for a Content-Type
// (parameters already cut): the one for the MIME type, or else for
// type/suffix of a type/name+suffix. (A look-up takes microseconds, a few
// per message: not worth a cache.)
func bodyLexer(contentType string) chroma.Lexer {
	lexer := lexers.MatchMimeType(contentType)
	if lexer == nil && strings.Contains(contentType, "+") {
		slash := strings.Index(contentType, "/")
		plus := strings.LastIndex(contentType, "+")
		lexer = lexers.MatchMimeType(contentType[:slash+1] + contentType[plus+1:])
	}
	return lexer
}
