package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// headingRenderer makes every heading with an ID a link to itself, so that
// a reader can copy the address of a section from its heading. The
// heading's text is the link's text, which keeps the heading's accessible
// name what it says; a "#" that shows on hover is hidden from assistive
// technology. A heading that already holds a link cannot be wrapped in
// another, and gets a separate "#" link after its text instead.
type headingRenderer struct{}

func (headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		h := n.(*ast.Heading)
		var id []byte
		if v, ok := h.AttributeString("id"); ok {
			id, _ = v.([]byte)
		}
		wrap := len(id) > 0 && !hasLink(h)
		tag := "h" + strconv.Itoa(h.Level)
		if entering {
			_, _ = w.WriteString("<" + tag)
			html.RenderAttributes(w, h, html.HeadingAttributeFilter)
			_ = w.WriteByte('>')
			if wrap {
				_, _ = w.WriteString(`<a class="anchor" href="#`)
				_, _ = w.Write(util.EscapeHTML(id))
				_, _ = w.WriteString(`">`)
			}
			return ast.WalkContinue, nil
		}
		switch {
		case wrap:
			_, _ = w.WriteString(`<span class="hash" aria-hidden="true">#</span></a>`)
		case len(id) > 0:
			_, _ = w.WriteString(` <a class="anchor" href="#`)
			_, _ = w.Write(util.EscapeHTML(id))
			_, _ = w.WriteString(`" aria-label="Link to this section">#</a>`)
		}
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	})
}

// hasLink reports whether n holds a link or an autolink.
func hasLink(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (c.Kind() == ast.KindLink || c.Kind() == ast.KindAutoLink) {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
