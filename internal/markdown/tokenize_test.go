package markdown

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// fastLexers are the chroma lexers replaced by a fast tokenizer.
var fastLexers = []string{"go", "javascript", "typescript", "json", "http"}

var (
	contentOnce   sync.Once
	contentFenceL []Fence
	contentErr    error
)

// contentFences returns every fence of the site's content, rendered with
// New().Render.
func contentFences(tb testing.TB) []Fence {
	tb.Helper()
	contentOnce.Do(func() {
		contentErr = filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			doc, err := New().Render(src)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			contentFenceL = append(contentFenceL, doc.Fences...)
			return nil
		})
	})
	if contentErr != nil {
		tb.Fatal(contentErr)
	}
	if len(contentFenceL) == 0 {
		tb.Fatal("no fences in ../../content")
	}
	return contentFenceL
}

// checkTokens reports how toks fail to be a coalesced tokenization of src.
func checkTokens(src string, toks []chroma.Token) error {
	var b strings.Builder
	for i, tok := range toks {
		if tok.Value == "" {
			return fmt.Errorf("token %d (%s) is empty", i, tok.Type)
		}
		if i > 0 && toks[i-1].Type == tok.Type && len(toks[i-1].Value) < coalesceLimit {
			return fmt.Errorf("tokens %d and %d are both %s: not coalesced", i-1, i, tok.Type)
		}
		b.WriteString(tok.Value)
	}
	if got := b.String(); got != src {
		n := 0
		for n < len(got) && n < len(src) && got[n] == src[n] {
			n++
		}
		return fmt.Errorf("tokens spell %d bytes, input is %d; first difference at byte %d: %.40q vs %.40q", len(got), len(src), n, got[n:], src[n:])
	}
	return nil
}

func TestFastTokenizers_ReturnTheirInputForEveryContentFence(t *testing.T) {
	fences := contentFences(t)
	for _, name := range fastLexers {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tokenize := fastTokenizer(name)
			// Every fence, not only those in this language: the
			// others are malformed input for it.
			for _, f := range fences {
				if err := checkTokens(string(f.Code), tokenize(string(f.Code))); err != nil {
					t.Errorf("%s fence at line %d: %v", f.Lang, f.Line, err)
				}
			}
		})
	}
}

func TestFastTokenizers_ReturnTheirInputForMalformedInput(t *testing.T) {
	inputs := []string{
		"", "\n", "\x00", "\xff\xfe", "a\x00b", "\r\n\r", "\uFEFFpackage x",
		`"unterminated`, "'a", "`raw", "`${", "`${x", "`a${b}c${", "}", "}}`", "/*", "/* x", "//", "// x",
		"/", "/=", "x = /[/", "x = /a\n/", "a /= b / c", "1px", "0x", "1e", "1e+", ".5", "1..2", "#!", "#!x\ny", "#x", "@", "@dec class",
		"{", "[", `{"a"`, `{"a":`, `{"a":1,`, `{"a":1}}`, `]`, `"\"`, `"\\"`, `-`, `-0.`, `truex`, "{\n\"a\"\n:\n", "//no newline",
		"GET", "GET /", "GET / HTTP/1.1", "GET / HTTP/1.1\r\nHost: x\r\n\r\nbody", "HTTP/1.1 200", "HTTP/1.1 200 OK\n\n",
		"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{", "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p\x00>\xff",
		"HTTP/1.1 200 OK\nContent-Type: +\n\nx", "HTTP/1.1 200 OK\nContent-Type: a+b/c\n\nx", "Name: value\n folded\n\n",
		": x\nX:\nX: \n\tx\n", "\n\nHTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\n",
		"func f() { x := 'ab'; y := \"\n", "x := `a\r\nb`", "/* a\r\nb */ // c\r\n", "0o17 0b2 08 1_0 1i 0x1p-2",
		"a?.b ?? c?.[0] ... => **=", "<!-- x\n--> y", "x\u2028y\u00a0z",
	}
	for _, in := range inputs {
		for _, name := range fastLexers {
			if err := checkTokens(in, fastTokenizer(name)(in)); err != nil {
				t.Errorf("%s %q: %v", name, in, err)
			}
		}
	}
}

func TestFastTokenizers_StayLinearOnPathologicalInput(t *testing.T) {
	if testing.Short() {
		t.Skip("times the tokenizers")
	}
	// Each of these made a tokenizer quadratic once (the JavaScript
	// lexer's errors cost a pass over the input each); at 32 KiB,
	// quadratic is many seconds and linear milliseconds, under -race too.
	const n = 32 << 10
	inputs := []struct{ lexer, unit string }{
		{"javascript", "@"}, {"typescript", "@ "}, {"javascript", "=/\n"}, {"javascript", "'\n"}, {"javascript", "1px "},
		{"javascript", "\u2192 \xff"}, {"javascript", "`${"}, {"typescript", "a: "}, {"go", "/*"}, {"go", "x "},
		{"json", "/"}, {"json", `{"\"`}, {"json", "["}, {"http", "a: b\n"}, {"http", "HTTP/1.1 200 OK\n\n"},
	}
	for _, in := range inputs {
		src := strings.Repeat(in.unit, n/len(in.unit))
		start := time.Now()
		toks := fastTokenizer(in.lexer)(src)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s on %d × %q: %v", in.lexer, n/len(in.unit), in.unit, d)
		}
		if err := checkTokens(src, toks); err != nil {
			t.Errorf("%s on %d × %q: %v", in.lexer, n/len(in.unit), in.unit, err)
		}
	}
}

// FuzzFastTokenizers checks that every tokenizer returns exactly its input,
// coalesced, whatever the input. The seeds are the content's fences, so a
// plain go test runs them only; go test -fuzz FuzzFastTokenizers explores.
func FuzzFastTokenizers(f *testing.F) {
	for _, fence := range contentFences(f) {
		l, ok := languages[fence.Lang]
		if !ok || fastTokenizer(l.lexer) == nil {
			continue
		}
		for i, name := range fastLexers {
			if name == l.lexer {
				f.Add(uint8(i), string(fence.Code))
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, src string) {
		name := fastLexers[int(which)%len(fastLexers)]
		if err := checkTokens(src, fastTokenizer(name)(src)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	})
}

func TestFastTokenizers_Classify(t *testing.T) {
	type tok struct {
		typ  chroma.TokenType
		text string
	}
	tests := []struct {
		name  string
		lexer string
		src   string
		want  []tok // tokens that must be there, in order, not all of them
	}{
		{"go keywords and names", "go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar err error = nil\n\tfmt.Println(len(s), string(b), 0x1F, 1.5, 'x')\n\treturn\n}\n", []tok{
			{chroma.KeywordNamespace, "package"}, {chroma.NameOther, "main"}, {chroma.KeywordNamespace, "import"},
			{chroma.LiteralString, `"fmt"`}, {chroma.KeywordDeclaration, "func"}, {chroma.NameFunction, "main"},
			{chroma.KeywordType, "error"}, {chroma.KeywordConstant, "nil"}, {chroma.NameFunction, "Println"},
			{chroma.NameBuiltin, "len"}, {chroma.NameBuiltin, "string"}, {chroma.LiteralNumberHex, "0x1F"},
			{chroma.LiteralNumberFloat, "1.5"}, {chroma.LiteralStringChar, "'x'"}, {chroma.Keyword, "return"},
		}},
		{"go comments and operators", "go", "//go:build linux\n// Doc.\n/* x */ a := b << 2 == c\n", []tok{
			{chroma.CommentPreproc, "//go:build linux"}, {chroma.CommentSingle, "// Doc."}, {chroma.CommentMultiline, "/* x */"},
			{chroma.Operator, ":="}, {chroma.Operator, "<<"}, {chroma.Operator, "=="},
		}},
		{"js regexp at a line start", "javascript", "if (a)\n  /re/.test(s)\nx = a / b / c\n", []tok{
			{chroma.LiteralStringRegex, "/re/"}, {chroma.Operator, "/"}, {chroma.Operator, "/"},
		}},
		{"js", "javascript", "const res = await fetch(`/a/${id}`, { method: 'POST' }); // go\nif (/^x/i.test(s)) return 1.5 / 2;\n", []tok{
			{chroma.KeywordReserved, "const"}, {chroma.NameOther, "res"}, {chroma.Operator, "="}, {chroma.KeywordReserved, "await"},
			{chroma.LiteralStringBacktick, "`/a/"}, {chroma.LiteralStringInterpol, "${"}, {chroma.NameOther, "id"},
			{chroma.LiteralStringInterpol, "}"}, {chroma.LiteralStringSingle, "'POST'"}, {chroma.CommentSingle, "// go\n"},
			{chroma.Keyword, "if"}, {chroma.LiteralStringRegex, "/^x/i"}, {chroma.LiteralNumberFloat, "1.5"},
			{chroma.Operator, "/"}, {chroma.LiteralNumberInteger, "2"},
		}},
		{"ts", "typescript", "function f(a: number): string { return a as any }\n", []tok{
			{chroma.KeywordDeclaration, "function"}, {chroma.KeywordType, "number"}, {chroma.KeywordType, "string"},
			{chroma.KeywordReserved, "as"}, {chroma.KeywordType, "any"},
		}},
		{"json", "json", `{"a": [1, -2.5e3, "x", true, null], "b": {}}`, []tok{
			{chroma.NameTag, `"a"`}, {chroma.LiteralNumberInteger, "1"}, {chroma.LiteralNumberFloat, "-2.5e3"},
			{chroma.LiteralStringDouble, `"x"`}, {chroma.KeywordConstant, "true"}, {chroma.NameTag, `"b"`},
		}},
		{"http exchange", "http", "POST /orders HTTP/1.1\nContent-Type: application/json\n\n{\"a\":1}\n\nHTTP/1.1 100 Continue\n\nHTTP/1.1 201 Created\nLocation: /orders/1\n", []tok{
			{chroma.NameFunction, "POST"}, {chroma.NameNamespace, "/orders"}, {chroma.KeywordReserved, "HTTP"},
			{chroma.Operator, "/"}, {chroma.LiteralNumber, "1.1"}, {chroma.Name, "Content-Type"}, {chroma.Literal, "application/json"},
			{chroma.NameTag, `"a"`}, {chroma.LiteralNumberInteger, "1"},
			{chroma.LiteralNumber, "100"}, {chroma.NameException, "Continue"},
			{chroma.LiteralNumber, "201"}, {chroma.NameException, "Created"}, {chroma.Name, "Location"},
		}},
		{"http bodies", "http", "HTTP/2 200\ncontent-type: text/html; charset=utf-8\n\n<p>x</p>\n\nHTTP/1.1 200 OK\n\nplain\n", []tok{
			{chroma.LiteralNumber, "200"}, {chroma.NameTag, "p"}, {chroma.Generic, "plain\n"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := fastTokenizer(tc.lexer)(tc.src)
			if err := checkTokens(tc.src, got); err != nil {
				t.Fatal(err)
			}
			i := 0
			for _, g := range got {
				if i < len(tc.want) && g.Type == tc.want[i].typ && g.Value == tc.want[i].text {
					i++
				}
			}
			if i < len(tc.want) {
				t.Errorf("no %s %q (in order) in %v", tc.want[i].typ, tc.want[i].text, got)
			}
		})
	}
}

// category is what the stylesheet tells apart, broadly: the agreement test
// compares these, not exact types.
type category uint8

const (
	catText category = iota
	catKeyword
	catName
	catString
	catNumber
	catLiteral // chroma.Literal itself: HTTP header values
	catComment
	catOperator // operators and punctuation
	catError
)

func (c category) String() string {
	return [...]string{"text", "keyword", "name", "string", "number", "literal", "comment", "operator", "error"}[c]
}

func categoryOf(t chroma.TokenType) category {
	switch {
	case t == chroma.Error:
		return catError
	case t.Category() == chroma.Keyword:
		return catKeyword
	case t.Category() == chroma.Name:
		return catName
	case t.SubCategory() == chroma.LiteralString:
		return catString
	case t.SubCategory() == chroma.LiteralNumber:
		return catNumber
	case t.Category() == chroma.Literal:
		return catLiteral
	case t.Category() == chroma.Comment:
		return catComment
	case t.Category() == chroma.Operator || t == chroma.Punctuation:
		return catOperator
	}
	return catText
}

// typesOf gives each byte of src the type of the token it is in. chroma's
// tokens may add a final newline (ensure_nl), which is dropped.
func typesOf(src string, toks []chroma.Token) ([]chroma.TokenType, error) {
	out := make([]chroma.TokenType, 0, len(src))
	for _, tok := range toks {
		rest := src[len(out):]
		if !strings.HasPrefix(rest, tok.Value) {
			if rest == "" && tok.Value == "\n" {
				continue
			}
			return nil, fmt.Errorf("token %s %.30q does not match the input at byte %d: %.30q", tok.Type, tok.Value, len(out), rest)
		}
		for range len(tok.Value) {
			out = append(out, tok.Type)
		}
	}
	if len(out) != len(src) {
		return nil, fmt.Errorf("tokens cover %d of %d bytes", len(out), len(src))
	}
	return out, nil
}

func chromaTokens(tb testing.TB, lexer, src string) []chroma.Token {
	tb.Helper()
	toks, err := chroma.Tokenise(lexers.Get(lexer), nil, src)
	if err != nil {
		tb.Fatal(err)
	}
	return toks
}

// agreement counts, over the characters that are not white space, how
// often the fast path and chroma agree.
type agreement struct {
	chars, sameCategory, sameType int
	diffs                         map[string]int    // "chroma category -> fast category: text" -> characters
	context                       map[string]string // diff -> where it first occurred
}

func (a *agreement) add(src string, fast, ref []chroma.TokenType) {
	if a.diffs == nil {
		a.diffs, a.context = map[string]int{}, map[string]string{}
	}
	for i, r := range src {
		if unicode.IsSpace(r) {
			continue
		}
		a.chars++
		if fast[i] == ref[i] {
			a.sameType++
		}
		fc, rc := categoryOf(fast[i]), categoryOf(ref[i])
		if fc == rc {
			a.sameCategory++
			continue
		}
		// Name the difference by the run of characters it covers.
		j := i
		for j > 0 && categoryOf(fast[j-1]) == fc && categoryOf(ref[j-1]) == rc {
			j--
		}
		k := i
		for k < len(src) && categoryOf(fast[k]) == fc && categoryOf(ref[k]) == rc {
			k++
		}
		d := fmt.Sprintf("chroma %s, fast %s: %.40q", rc, fc, src[j:k])
		if a.diffs[d]++; a.diffs[d] == 1 {
			a.context[d] = src[max(j-30, 0):min(k+30, len(src))]
		}
	}
}

func (a *agreement) percent() float64 {
	return 100 * float64(a.sameCategory) / float64(max(a.chars, 1))
}

// TestFastTokenizers_AgreeWithChroma runs every fence of the content through
// the fast tokenizer and chroma's lexer and compares, character by
// character (white space aside, which no style colours), the category of
// the token each puts it in: keyword, name, string, number, literal,
// comment, operator or punctuation, text, error. For TypeScript, which the
// content has no fence of, the JavaScript fences are read as TypeScript by
// both. For JSON, the JSON fences and every HTTP body that starts with "{"
// or "[" are compared. For HTTP, chroma's lexer reads one message and makes
// the rest of the block its body, so the reference is chroma's HTTP lexer
// run on each message of the exchange on its own.
//
// The thresholds sit a little under what the tokenizers reach (go test -v
// -run AgreeWithChroma logs the figures and every difference, with the
// characters it covers), so that a change that makes the classification
// worse fails while new content with more of the accepted differences
// below does not; HTTP has the most room, as one more message with a
// method chroma does not know turns a whole message to Error. The
// differences accepted, in each case chroma's lexer being the one that is
// off:
//
//   - HTTP: chroma's lexer knows a closed list of methods (GET, POST, ...)
//     and makes every character of a message with another one (COPY,
//     PROPFIND, PROPPATCH) an Error up to the next status line, or up to
//     the PATCH in PROPPATCH; the fast path reads any upper-case method.
//   - Go: 0o644 is a number and then a name in chroma, whose rules predate
//     Go 1.13's literals; a raw string holding "{{" is a Go template in
//     chroma and a plain string in the fast path (none in the content).
//   - TypeScript (the JavaScript fences read as TypeScript; chroma's
//     TypeScript lexer has quirks its JavaScript one lacks): 130_000 is a
//     number and then a name; "name() {" is a name, parentheses and brace
//     included; in "a ? 204 : 201" the number before ":" is a name and the
//     one after a type; a backslash in a template literal is an Error.
//   - JavaScript: nothing in the content. Elsewhere, "#name" private fields
//     are an Error and a name in chroma, a name in the fast path, and ".5"
//     is punctuation and a number in chroma, a number in the fast path.
//   - JSON: nothing.
func TestFastTokenizers_AgreeWithChroma(t *testing.T) {
	thresholds := map[string]float64{"go": 99.5, "javascript": 99.5, "typescript": 99, "json": 99.5, "http": 97}
	byLexer := map[string][]string{}
	for _, f := range contentFences(t) {
		if l, ok := languages[f.Lang]; ok && fastTokenizer(l.lexer) != nil {
			byLexer[l.lexer] = append(byLexer[l.lexer], normalizeNewlines(string(f.Code)))
		}
	}
	byLexer["typescript"] = append(byLexer["typescript"], byLexer["javascript"]...)
	for _, ex := range byLexer["http"] {
		for _, m := range httpMessages(ex) {
			msg := ex[m.start:m.end]
			if i := strings.Index(msg, "\n\n"); i >= 0 {
				if body := msg[i+2:]; strings.HasPrefix(body, "{") || strings.HasPrefix(body, "[") {
					byLexer["json"] = append(byLexer["json"], body)
				}
			}
		}
	}
	for _, name := range fastLexers {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // chroma's Go lexer takes seconds under -race
			var a agreement
			for _, src := range byLexer[name] {
				fast, err := typesOf(src, fastTokenizer(name)(src))
				if err != nil {
					t.Fatal(err)
				}
				var ref []chroma.Token
				if name == "http" {
					for _, m := range httpMessages(src) {
						ref = append(ref, chromaTokens(t, name, src[m.start:m.end])...)
					}
				} else {
					ref = chromaTokens(t, name, src)
				}
				refTypes, err := typesOf(src, ref)
				if err != nil {
					t.Fatalf("chroma: %v", err)
				}
				a.add(src, fast, refTypes)
			}
			t.Logf("%s: %d blocks, %d characters: %d (%.2f%%) of the same category, %d (%.2f%%) of the same type",
				name, len(byLexer[name]), a.chars, a.sameCategory, a.percent(), a.sameType, 100*float64(a.sameType)/float64(max(a.chars, 1)))
			diffs := make([]string, 0, len(a.diffs))
			for d := range a.diffs {
				diffs = append(diffs, d)
			}
			sort.Slice(diffs, func(i, j int) bool { return a.diffs[diffs[i]] > a.diffs[diffs[j]] })
			for i, d := range diffs {
				if i == 25 {
					t.Logf("  ... %d more", len(diffs)-i)
					break
				}
				t.Logf("  %4d  %s  in %q", a.diffs[d], d, a.context[d])
			}
			if a.chars == 0 {
				t.Fatal("nothing compared")
			}
			if p := a.percent(); p < thresholds[name] {
				t.Errorf("%s: %.2f%% of characters agree with chroma, want at least %.1f%%", name, p, thresholds[name])
			}
		})
	}
}

// benchFences returns the content's fences in each language that has a
// fast tokenizer, by language, and the languages sorted.
func benchFences(b *testing.B) (map[string][]Fence, []string) {
	byLang := map[string][]Fence{}
	for _, f := range contentFences(b) {
		if l, ok := languages[f.Lang]; ok && fastTokenizer(l.lexer) != nil {
			byLang[f.Lang] = append(byLang[f.Lang], f)
		}
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return byLang, langs
}

// benchPaths are the two ways to tokenize a fence.
var benchPaths = []struct {
	name     string
	tokenise func(lang string, code []byte) (chroma.Iterator, error)
}{
	{"chroma", chromaTokenise},
	{"fast", tokenise},
}

// BenchmarkHighlight highlights every content fence of each language that
// has a fast tokenizer, with chroma's lexer and with the fast tokenizer,
// HTML formatting included: what a build spends.
func BenchmarkHighlight(b *testing.B) {
	byLang, langs := benchFences(b)
	w := bufio.NewWriter(io.Discard)
	for _, lang := range langs {
		fences := byLang[lang]
		size := 0
		for _, f := range fences {
			size += len(f.Code)
		}
		for _, path := range benchPaths {
			b.Run(lang+"/"+path.name, func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					for _, f := range fences {
						it, err := path.tokenise(f.Lang, f.Code)
						if err != nil {
							b.Fatal(err)
						}
						if err := format(w, f.Lang, f.Code, it); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}

// BenchmarkTokenise is BenchmarkHighlight without the formatting, which
// the fast path leaves as most of the cost.
func BenchmarkTokenise(b *testing.B) {
	byLang, langs := benchFences(b)
	for _, lang := range langs {
		fences := byLang[lang]
		size := 0
		for _, f := range fences {
			size += len(f.Code)
		}
		for _, path := range benchPaths {
			b.Run(lang+"/"+path.name, func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					for _, f := range fences {
						it, err := path.tokenise(f.Lang, f.Code)
						if err != nil {
							b.Fatal(err)
						}
						for tok := it(); tok != chroma.EOF; tok = it() {
						}
					}
				}
			})
		}
	}
}
