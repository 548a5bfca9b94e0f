package markdown

import (
	"html"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Tables.
//
// Every table is wrapped in a scrolling box at build time: a region,
// labelled after the heading it sits under ("Table: Headers that matter"),
// that takes keyboard focus, so a table wider than the screen scrolls
// sideways inside it, with or without JavaScript, and never squeezes its
// words into slivers. The site script only takes the box out of the tab
// order while the table fits.
//
// Row headers: a table whose top-left cell is empty is a comparison table,
// whose columns are the things compared and whose first column names what
// is compared in each row:
//
//	| | 401 Unauthorized | 403 Forbidden |
//	| --- | --- | --- |
//	| Would new credentials help? | Yes | No |
//
// Its first-column cells are <th scope="row">, and the empty corner is a
// <td> (a header that names nothing is an accessibility error). Every other
// table has column headers only. docs/writing-pages.md tells contributors.

// tableLabelAttr is the attribute tableTransformer sets on each table: the
// accessible name of its scrolling box.
var tableLabelAttr = []byte("data-sg-label")

// tableTransformer names every table after the nearest heading before it.
// Names are unique within the document, since each box is a landmark
// region and two regions of one name cannot be told apart: a second table
// under the same heading is "Table: Retry (2)".
type tableTransformer struct{}

func (tableTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	heading := ""
	seen := map[string]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			heading = html.UnescapeString(plainText(n, src))
			return ast.WalkSkipChildren, nil
		case *east.Table:
			label := "Table"
			if heading != "" {
				label += ": " + heading
			}
			seen[label]++
			if k := seen[label]; k > 1 {
				label += " (" + strconv.Itoa(k) + ")"
			}
			n.SetAttribute(tableLabelAttr, []byte(label))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// tableRenderer writes tables and their cells. It differs from goldmark's
// in the scrolling box and row headers described above, and in that
// alignment is a class, not an inline style, which the site's
// Content-Security-Policy would block. Header cells get scope="col".
type tableRenderer struct{}

func (tableRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTable, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</table></div>\n")
			return ast.WalkContinue, nil
		}
		label := "Table"
		if v, ok := n.Attribute(tableLabelAttr); ok {
			if b, ok := v.([]byte); ok {
				label = string(b)
			}
		}
		_, _ = w.WriteString(`<div class="table-scroll" role="region" tabindex="0" aria-label="`)
		_, _ = w.Write(util.EscapeHTML([]byte(label)))
		_, _ = w.WriteString("\"><table>\n")
		return ast.WalkContinue, nil
	})
	reg.Register(east.KindTableCell, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		cell := n.(*east.TableCell)
		_, header := cell.Parent().(*east.TableHeader)
		tag, scope := "td", ""
		switch {
		case header && cell.HasChildren():
			tag, scope = "th", "col"
		case !header && cell.PreviousSibling() == nil && hasRowHeaders(cell):
			tag, scope = "th", "row"
		}
		if !entering {
			_, _ = w.WriteString("</" + tag + ">\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<" + tag)
		if scope != "" {
			_, _ = w.WriteString(` scope="` + scope + `"`)
		}
		if cell.Alignment != east.AlignNone {
			_, _ = w.WriteString(` class="align-` + cell.Alignment.String() + `"`)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	})
}

// hasRowHeaders reports whether the table of a body cell has an empty
// top-left cell.
func hasRowHeaders(cell ast.Node) bool {
	row := cell.Parent()
	if row == nil || row.Parent() == nil {
		return false
	}
	for c := row.Parent().FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*east.TableHeader); ok {
			first := h.FirstChild()
			return first != nil && !first.HasChildren()
		}
	}
	return false
}
