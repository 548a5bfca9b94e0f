// Package markdown is the site's configured Markdown renderer: goldmark with
// GFM tables, stable heading IDs, chroma syntax highlighting with CSS
// classes, tabbed example groups, and raw HTML escaped rather than passed
// through.
//
// It is the only package that knows goldmark and chroma. A Renderer is built
// once and shared read-only by every goroutine; each Render call returns the
// HTML together with what later stages need to check and link the page: its
// headings, its links and its code fences, all with source positions.
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer converts page Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md       goldmark.Markdown
	reserved []string
	hl       *highlighter
}

// Option configures a Renderer.
type Option func(*Renderer)

// WithReservedIDs makes heading IDs avoid ids, which the page template uses
// for its own sections: a Markdown "## FAQ" becomes "faq-1", not a second
// "faq".
func WithReservedIDs(ids ...string) Option {
	return func(r *Renderer) { r.reserved = append(r.reserved, ids...) }
}

// Store is a persistent cache: statusgen's internal/cache.Store is one.
type Store interface {
	Get(kind string, key []byte) ([]byte, bool)
	Put(kind string, key, data []byte) error
}

// WithHighlightStore keeps highlighted code blocks in a persistent cache,
// keyed by language and code: between builds, most code is unchanged.
func WithHighlightStore(s Store) Option {
	return func(r *Renderer) { r.hl.store = s }
}

// WithHighlightCache keeps highlighted code blocks in memory, keyed by
// language and code. Highlighting is most of the cost of rendering a page,
// and a contributor editing prose leaves the code alone, so a long-running
// preview server renders an edited page several times faster with it.
func WithHighlightCache() Option {
	return func(r *Renderer) { r.hl.cache = map[string][]byte{} }
}

// New returns a Renderer.
func New(opts ...Option) *Renderer {
	r := &Renderer{hl: &highlighter{}}
	for _, o := range opts {
		o(r)
	}
	r.md = goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(tabTransformer{}, 100), util.Prioritized(tableTransformer{}, 110)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(
				util.Prioritized(codeRenderer{r.hl}, 100),
				util.Prioritized(tabRenderer{r.hl}, 100),
				util.Prioritized(escapeHTMLRenderer{}, 100),
				util.Prioritized(tableRenderer{}, 100),
				util.Prioritized(headingRenderer{}, 100),
			),
		),
	)
	return r
}

// Document is a rendered piece of Markdown.
type Document struct {
	// Key is the content address of the source the document was rendered
	// from, as the caller's cache knows it; Render leaves it zero.
	Key  [32]byte
	HTML []byte
	// Words counts the words of prose: paragraphs, lists, tables and
	// headings, not code blocks.
	Words int
	// Plain is the text of HTML without markup, for structured data; set
	// by the first caller that needs it (documents are shared by caches).
	Plain    string
	Headings []Heading
	Links    []Link
	Fences   []Fence
	// RawHTML holds the byte ranges of the raw HTML written in the source,
	// which the site shows as text.
	RawHTML  []Span
	Problems []Problem
}

// Span is a byte range of the source.
type Span struct{ Start, End int }

// Heading is a heading of the document, with the ID it was given.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// Link is a link destination written in the document.
type Link struct {
	Dest      string
	Line, Col int
	// Start and End are the byte range of Dest as written in the source,
	// for tools that rewrite links (the Markdown twins make them
	// absolute); both are -1 where the source does not spell Dest out
	// verbatim, as in autolinks or destinations with escapes.
	Start, End int
}

// Fence is a fenced code block.
type Fence struct {
	Lang     string // as written, e.g. "js"
	Title    string // tab label: title="..." or the language's name
	Fragment bool   // marked "fragment": not a complete program
	Code     []byte
	Line     int // line of the opening fence
}

// Problem is something wrong in the Markdown, at a 1-based line and column
// of the source given to Render.
type Problem struct {
	Line, Col int
	Msg       string
}

// Render converts src to HTML. Markdown shaped to make the parser slow
// (see limits.go) is not rendered: the Document then has no HTML and its
// Problems say where the limit was exceeded.
func (r *Renderer) Render(src []byte) (*Document, error) {
	if probs := checkLimits(src); len(probs) > 0 {
		return &Document{Problems: probs}, nil
	}
	ctx := parser.NewContext(parser.WithIDs(newIDs(r.reserved)))
	root := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	doc := &Document{}
	collect(root, src, doc)
	// goldmark wraps any writer that is not a util.BufWriter in a new
	// bufio.Writer: give it one from a pool, over a pooled buffer, and keep
	// only the compacted copy.
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	w := writerPool.Get().(*bufio.Writer)
	w.Reset(buf)
	err := r.md.Renderer().Render(w, src, root)
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil)
	writerPool.Put(w)
	if err != nil {
		bufPool.Put(buf)
		return nil, fmt.Errorf("render markdown: %w", err)
	}
	doc.HTML = append([]byte(nil), compact(buf.Bytes())...)
	if buf.Cap() <= maxPooled {
		bufPool.Put(buf)
	}
	return doc, nil
}

// Buffers for rendering, reused across pages: a build renders thousands.
var (
	bufPool    = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	writerPool = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 16<<10) }}
)

// maxPooled keeps a buffer grown by a huge page out of the pool.
const maxPooled = 1 << 20

// escapeHTMLRenderer shows raw HTML written in Markdown as text. Contributors'
// HTML never reaches the page as markup: it is the one rule that keeps a
// pull request from injecting script.
type escapeHTMLRenderer struct{}

func (escapeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			b := n.(*ast.HTMLBlock)
			_, _ = w.WriteString("<p>")
			for i := 0; i < b.Lines().Len(); i++ {
				seg := b.Lines().At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
			}
			if b.HasClosure() {
				_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(src)))
			}
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// PermissiveHTML renders src as a plain CommonMark renderer that passes raw
// HTML through would, unlike the site's: tests use it to check that
// Markdown the site publishes (the pages' twins) stays inert wherever it is
// rendered.
func PermissiveHTML(src []byte) ([]byte, error) {
	var buf bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	err := md.Convert(src, &buf)
	return buf.Bytes(), err
}
