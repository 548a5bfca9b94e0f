package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindTabGroup is the node kind of TabGroup.
var KindTabGroup = ast.NewNodeKind("TabGroup")

// TabGroup is a run of consecutive fenced code blocks shown as one tabbed
// example. Without JavaScript its panels read one after the other, each
// under its label; the site script turns the labels into tabs.
type TabGroup struct {
	ast.BaseBlock
	Index int // 1-based position among the document's groups, for IDs
}

// Kind implements ast.Node.
func (*TabGroup) Kind() ast.NodeKind { return KindTabGroup }

// Dump implements ast.Node.
func (g *TabGroup) Dump(src []byte, level int) {
	ast.DumpHelper(g, src, level, map[string]string{"Index": fmt.Sprint(g.Index)}, nil)
}

// tabTransformer wraps runs of two or more fenced code blocks that are
// siblings with nothing between them in a TabGroup.
type tabTransformer struct{}

func (tabTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	index := 0
	var walk func(parent ast.Node)
	walk = func(parent ast.Node) {
		for c := parent.FirstChild(); c != nil; {
			if _, ok := c.(*ast.FencedCodeBlock); !ok {
				if c.HasChildren() {
					walk(c)
				}
				c = c.NextSibling()
				continue
			}
			run := []ast.Node{c}
			for n := c.NextSibling(); n != nil; n = n.NextSibling() {
				if _, ok := n.(*ast.FencedCodeBlock); !ok {
					break
				}
				run = append(run, n)
			}
			next := run[len(run)-1].NextSibling()
			if len(run) > 1 {
				index++
				g := &TabGroup{Index: index}
				parent.InsertBefore(parent, c, g)
				for _, n := range run {
					parent.RemoveChild(parent, n)
					g.AppendChild(g, n)
				}
			}
			c = next
		}
	}
	walk(doc)
}

// tabRenderer writes a TabGroup's markup: a group, then one panel per block,
// each with a visible label that the script turns into a tab button.
type tabRenderer struct{ hl *highlighter }

func (t tabRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTabGroup, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		g := n.(*TabGroup)
		if !entering {
			_, _ = w.WriteString("</div>\n")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(w, `<div class="tabs" id="example-%d" data-tabs>`, g.Index)
		i := 0
		for c := g.FirstChild(); c != nil; c = c.NextSibling() {
			i++
			fi := fenceInfoOf(c, src)
			fmt.Fprintf(w, `<div class="tab-panel" id="example-%d-%d" data-lang="%s"><p class="tab-label">%s</p>`,
				g.Index, i, util.EscapeHTML([]byte(fi.lang)), util.EscapeHTML([]byte(fi.label())))
			if err := t.hl.write(w, fi.lang, codeText(c, src)); err != nil {
				return ast.WalkStop, err
			}
			_, _ = w.WriteString("</div>")
		}
		return ast.WalkSkipChildren, nil
	})
}
