package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// language is a code fence language the site knows how to label and
// highlight.
type language struct {
	lexer string // chroma lexer name
	label string // shown on the tab
}

// languages maps every accepted fence language, aliases included, to its
// lexer. A fence in any other language is an error: it would render
// unhighlighted and unlabelled, which is always a typo.
var languages = map[string]language{
	"http":       {"http", "HTTP"},
	"js":         {"javascript", "JavaScript"},
	"javascript": {"javascript", "JavaScript"},
	"ts":         {"typescript", "TypeScript"},
	"typescript": {"typescript", "TypeScript"},
	"go":         {"go", "Go"},
	"json":       {"json", "JSON"},
	"sh":         {"bash", "Shell"},
	"bash":       {"bash", "Shell"},
	"shell":      {"bash", "Shell"},
	"python":     {"python", "Python"},
	"text":       {"plaintext", "Text"},
	"yaml":       {"yaml", "YAML"},
	"nginx":      {"nginx", "nginx"},
	"html":       {"html", "HTML"},
	"xml":        {"xml", "XML"},
	"css":        {"css", "CSS"},
	"java":       {"java", "Java"},
	"csharp":     {"c#", "C#"},
	"ruby":       {"ruby", "Ruby"},
	"php":        {"php", "PHP"},
	"toml":       {"toml", "TOML"},
	"sql":        {"sql", "SQL"},
	"apache":     {"apacheconf", "Apache"},
}

// Languages returns every fence language accepted, sorted.
func Languages() []string {
	out := make([]string, 0, len(languages))
	for l := range languages {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// KnownLanguage reports whether lang may label a code fence.
func KnownLanguage(lang string) bool {
	_, ok := languages[lang]
	return ok
}

// Light and dark chroma styles for the two colour schemes.
const (
	LightStyle = "github"
	DarkStyle  = "github-dark"
)

var formatter = chromahtml.New(
	chromahtml.WithClasses(true),
	chromahtml.WithAllClasses(true),
	chromahtml.PreventSurroundingPre(true),
)

// Scopes of the dark highlighting rules. The theme script in <head> sets
// data-theme on <html> to the reader's choice or the system's scheme; a
// page without the script has no data-theme and follows the system.
const (
	DarkScope       = `html[data-theme="dark"]`
	SystemDarkScope = `html:not([data-theme])`
)

// StyleCSS returns the highlighting stylesheet: the light style, then the
// rules of the dark style that differ from it, once for the dark theme
// chosen with the toggle and once under prefers-color-scheme: dark for a
// page without the script. Both are class-based, so pages carry no inline
// styles and the CSP needs no 'unsafe-inline'.
func StyleCSS() ([]byte, error) {
	var light, dark bytes.Buffer
	if err := formatter.WriteCSS(&light, styles.Get(LightStyle)); err != nil {
		return nil, err
	}
	if err := formatter.WriteCSS(&dark, styles.Get(DarkStyle)); err != nil {
		return nil, err
	}
	same := map[string]bool{}
	for _, l := range strings.Split(light.String(), "\n") {
		same[l] = true
	}
	var rules []string
	for _, l := range strings.Split(dark.String(), "\n") {
		if l != "" && !same[l] {
			rules = append(rules, l)
		}
	}
	var buf bytes.Buffer
	buf.Write(light.Bytes())
	for _, r := range rules {
		buf.WriteString(scopeRule(r, DarkScope) + "\n")
	}
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	for _, r := range rules {
		buf.WriteString(scopeRule(r, SystemDarkScope) + "\n")
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}

// scopeRule prefixes every selector of one line of chroma's CSS,
// "/* Keyword */ .chroma .k { color: #ff7b72 }", with scope.
func scopeRule(rule, scope string) string {
	if i := strings.Index(rule, "*/"); strings.HasPrefix(rule, "/*") && i >= 0 {
		rule = strings.TrimSpace(rule[i+2:])
	}
	brace := strings.IndexByte(rule, '{')
	if brace < 0 {
		return rule
	}
	sels := strings.Split(rule[:brace], ",")
	for i, sel := range sels {
		sels[i] = scope + " " + strings.TrimSpace(sel)
	}
	return strings.Join(sels, ", ") + " " + rule[brace:]
}

// fenceInfo is the parsed info string of a fence: ```go title="Server" fragment
type fenceInfo struct {
	lang     string
	title    string
	fragment bool
	bad      string // first word that is not understood
}

func parseInfo(info string) fenceInfo {
	var fi fenceInfo
	fields := splitInfo(info)
	if len(fields) == 0 {
		return fi
	}
	fi.lang = fields[0]
	for _, f := range fields[1:] {
		switch {
		case f == "fragment":
			fi.fragment = true
		case strings.HasPrefix(f, "title="):
			fi.title = strings.Trim(strings.TrimPrefix(f, "title="), `"`)
		case fi.bad == "":
			fi.bad = f
		}
	}
	return fi
}

// splitInfo splits on spaces outside double quotes.
func splitInfo(s string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			cur.WriteRune(r)
		case (r == ' ' || r == '\t') && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func (fi fenceInfo) label() string {
	if fi.title != "" {
		return fi.title
	}
	if l, ok := languages[fi.lang]; ok {
		return l.label
	}
	return "Code"
}

// codeRenderer renders code blocks highlighted by chroma.
type codeRenderer struct{ hl *highlighter }

func (c codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
	reg.Register(ast.KindCodeBlock, c.render)
}

func fenceInfoOf(n ast.Node, src []byte) fenceInfo {
	f, ok := n.(*ast.FencedCodeBlock)
	if !ok {
		return fenceInfo{lang: "text"} // an indented block
	}
	if f.Info == nil {
		return fenceInfo{}
	}
	return parseInfo(string(f.Info.Value(src)))
}

func codeText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.Bytes()
}

func (c codeRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	fi := fenceInfoOf(n, src)
	_, inTabs := n.Parent().(*TabGroup)
	if !inTabs {
		fmt.Fprintf(w, `<div class="code"><p class="code-label">%s</p>`, util.EscapeHTML([]byte(fi.label())))
	}
	if err := c.hl.write(w, fi.lang, codeText(n, src)); err != nil {
		return ast.WalkStop, err
	}
	if !inTabs {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkSkipChildren, nil
}

// highlighter turns code into highlighted HTML, optionally remembering
// the result.
type highlighter struct {
	mu    sync.Mutex
	cache map[string][]byte // nil: no caching
	store Store             // nil: no persistent cache
}

// maxCached bounds the cache; a preview session that outgrows it starts
// over, which costs one slow rebuild.
const maxCached = 20000

func (h *highlighter) write(w util.BufWriter, lang string, code []byte) error {
	if h.cache == nil && h.store == nil {
		return highlight(w, lang, code)
	}
	key := lang + "\x00" + string(code)
	var out []byte
	ok := false
	if h.cache != nil {
		h.mu.Lock()
		out, ok = h.cache[key]
		h.mu.Unlock()
	}
	if !ok && h.store != nil {
		out, ok = h.store.Get("highlight", []byte(key))
	}
	if !ok {
		var buf bytes.Buffer
		bw := bufio.NewWriter(&buf)
		if err := highlight(bw, lang, code); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		out = buf.Bytes()
		if h.store != nil {
			_ = h.store.Put("highlight", []byte(key), out)
		}
	}
	if h.cache != nil {
		h.mu.Lock()
		if len(h.cache) >= maxCached {
			h.cache = map[string][]byte{}
		}
		h.cache[key] = out
		h.mu.Unlock()
	}
	_, err := w.Write(out)
	return err
}

// highlight writes code as highlighted HTML: tokenized by the fast
// tokenizer for its language if there is one (tokenize.go), by chroma's
// lexer otherwise, and formatted by chroma's HTML formatter either way.
func highlight(w util.BufWriter, lang string, code []byte) error {
	if l, ok := languages[lang]; ok {
		if tokenize := fastTokenizer(l.lexer); tokenize != nil {
			writePre(w, lang, code, tokenize(normalizeNewlines(string(code))))
			return nil
		}
	}
	it, err := chromaTokenise(lang, code)
	if err != nil {
		return fmt.Errorf("highlight %s: %w", lang, err)
	}
	return format(w, lang, code, it)
}

// chromaTokenise tokenizes code in lang with chroma's lexer, adjacent
// tokens of one type merged.
func chromaTokenise(lang string, code []byte) (chroma.Iterator, error) {
	l, ok := languages[lang]
	lexer := lexers.Get(l.lexer)
	if !ok || lexer == nil {
		lexer = lexers.Fallback
	}
	return chroma.Coalesce(lexer).Tokenise(nil, string(code))
}

// format writes tokens as a pre element with chroma's classes.
func format(w util.BufWriter, lang string, code []byte, it chroma.Iterator) error {
	writePre(w, lang, code, it.Tokens())
	return nil
}

func writePre(w util.BufWriter, lang string, code []byte, tokens []chroma.Token) {
	cls := "language-text"
	if _, ok := languages[lang]; ok {
		cls = "language-" + lang
	}
	// A block that scrolls sideways must be reachable by keyboard, and one
	// that does not should not be a tab stop. Whether it scrolls depends on
	// the screen, which the script measures; without the script, a block
	// with a line too long for a phone is focusable.
	_, _ = w.WriteString(`<pre class="chroma"`)
	if widest(code) > phoneColumns {
		_, _ = w.WriteString(` tabindex="0"`)
	}
	_, _ = w.WriteString(`><code class="`)
	_, _ = w.WriteString(cls)
	_, _ = w.WriteString(`">`)
	writeTokens(w, plainTokens(tokens))
	_, _ = w.WriteString("</code></pre>")
}

// phoneColumns is about how many characters of code fit across a code
// block on a phone 390 CSS pixels wide (at the stylesheet's font size).
const phoneColumns = 34

// widest returns the width of the longest line of code in columns, a tab
// counting as four (the stylesheet's tab-size).
func widest(code []byte) int {
	most, n := 0, 0
	for _, r := range string(code) {
		switch {
		case r == '\n':
			n = 0
		case r == '\t':
			n += 4 - n%4
		default:
			n++
		}
		most = max(most, n)
	}
	return most
}

// plainTokens makes plain text of the tokens whose colour is the text's
// own in both styles: whitespace, punctuation and "other" names, which
// github colours #1f2328 (the page's text is #1b1f24) and the stylesheet
// sets to inherit in the dark theme. They are most of the tokens of the
// site's examples, and a <span class="p"> around each was a third of a
// code page's bytes. It changes tokens in place.
func plainTokens(tokens []chroma.Token) []chroma.Token {
	for i := range tokens {
		switch tokens[i].Type {
		case chroma.TextWhitespace, chroma.Punctuation, chroma.NameOther, chroma.NameAttribute:
			tokens[i].Type = chroma.Text
		}
	}
	return tokens
}
