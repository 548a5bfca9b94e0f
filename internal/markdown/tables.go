package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// cellRenderer writes table cells. It differs from goldmark's in two ways:
// alignment is a class, not an inline style, which the site's
// Content-Security-Policy would block; and an empty header cell (the corner
// of a comparison table) is a <td>, because a header that names nothing is
// an accessibility error. Header cells get scope="col".
type cellRenderer struct{}

func (cellRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTableCell, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		cell := n.(*east.TableCell)
		tag := "td"
		if _, header := cell.Parent().(*east.TableHeader); header && cell.HasChildren() {
			tag = "th"
		}
		if !entering {
			_, _ = w.WriteString("</" + tag + ">\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<" + tag)
		if tag == "th" {
			_, _ = w.WriteString(` scope="col"`)
		}
		if cell.Alignment != east.AlignNone {
			_, _ = w.WriteString(` class="align-` + cell.Alignment.String() + `"`)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	})
}
