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

// StyleCSS returns the highlighting stylesheet: the light style, and the
// dark style under prefers-color-scheme: dark. Both are class-based, so pages
// carry no inline styles and the CSP needs no 'unsafe-inline'.
func StyleCSS() ([]byte, error) {
	var buf bytes.Buffer
	if err := formatter.WriteCSS(&buf, styles.Get(LightStyle)); err != nil {
		return nil, err
	}
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := formatter.WriteCSS(&buf, styles.Get(DarkStyle)); err != nil {
		return nil, err
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
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
}

// maxCached bounds the cache; a preview session that outgrows it starts
// over, which costs one slow rebuild.
const maxCached = 20000

func (h *highlighter) write(w util.BufWriter, lang string, code []byte) error {
	if h.cache == nil {
		return highlight(w, lang, code)
	}
	key := lang + "\x00" + string(code)
	h.mu.Lock()
	out, ok := h.cache[key]
	h.mu.Unlock()
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
			writePre(w, lang, tokenize(normalizeNewlines(string(code))))
			return nil
		}
	}
	it, err := chromaTokenise(lang, code)
	if err != nil {
		return fmt.Errorf("highlight %s: %w", lang, err)
	}
	return format(w, lang, it)
}

// tokenise tokenizes code in lang with the fast tokenizer for lang, or
// with chroma's lexer if there is none.
func tokenise(lang string, code []byte) (chroma.Iterator, error) {
	if l, ok := languages[lang]; ok {
		if tokenize := fastTokenizer(l.lexer); tokenize != nil {
			return chroma.Literator(tokenize(normalizeNewlines(string(code)))...), nil
		}
	}
	return chromaTokenise(lang, code)
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
func format(w util.BufWriter, lang string, it chroma.Iterator) error {
	writePre(w, lang, it.Tokens())
	return nil
}

func writePre(w util.BufWriter, lang string, tokens []chroma.Token) {
	cls := "language-text"
	if _, ok := languages[lang]; ok {
		cls = "language-" + lang
	}
	_, _ = w.WriteString(`<pre class="chroma" tabindex="0"><code class="`)
	_, _ = w.WriteString(cls)
	_, _ = w.WriteString(`">`)
	writeTokens(w, tokens)
	_, _ = w.WriteString("</code></pre>")
}
