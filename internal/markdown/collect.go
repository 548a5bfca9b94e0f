package markdown

import (
	"bytes"
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// collect records the headings, links and fences of the parsed document,
// with their source positions, and the problems found in them.
func collect(root ast.Node, src []byte, doc *Document) {
	lines := newLineIndex(src)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			doc.Words += countWords(n.Segment.Value(src))
		case *ast.String:
			doc.Words += countWords(n.Value)
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				doc.Words += countWords(seg.Value(src))
				doc.RawHTML = append(doc.RawHTML, Span{seg.Start, seg.Stop})
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				doc.Words += countWords(seg.Value(src))
				doc.RawHTML = append(doc.RawHTML, Span{seg.Start, seg.Stop})
			}
			if n.HasClosure() {
				doc.RawHTML = append(doc.RawHTML, Span{n.ClosureLine.Start, n.ClosureLine.Stop})
			}
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idStr, _ := id.([]byte)
			line, _ := lines.pos(blockStart(n))
			// The text as a reader sees it: "A &amp; B" is "A & B".
			text := html.UnescapeString(plainText(n, src))
			doc.Headings = append(doc.Headings, Heading{Level: n.Level, ID: string(idStr), Text: text, Line: line})
		case *ast.Link:
			off := inlineStart(n)
			line, col := lines.pos(off)
			start, end := destRange(n, src, off, n.Destination)
			doc.Links = append(doc.Links, Link{Dest: string(n.Destination), Line: line, Col: col, Start: start, End: end})
		case *ast.Image:
			off := inlineStart(n)
			line, col := lines.pos(off)
			start, end := destRange(n, src, off, n.Destination)
			doc.Links = append(doc.Links, Link{Dest: string(n.Destination), Line: line, Col: col, Start: start, End: end})
		case *ast.AutoLink:
			// An autolink keeps no position of its own: find its text in
			// its block.
			dest := n.URL(src)
			off := -1
			if start := inlineStart(n); start >= 0 {
				if i := bytes.Index(src[start:], n.Label(src)); i >= 0 {
					off = start + i
				}
			}
			line, col := lines.pos(off)
			doc.Links = append(doc.Links, Link{Dest: string(dest), Line: line, Col: col, Start: -1, End: -1})
		case *ast.FencedCodeBlock:
			fenceProblems(n, src, lines, doc)
		}
		return ast.WalkContinue, nil
	})
}

func fenceProblems(n *ast.FencedCodeBlock, src []byte, lines lineIndex, doc *Document) {
	fi := fenceInfoOf(n, src)
	// The opening fence is the line before the first content line.
	line := 1
	if n.Info != nil {
		line, _ = lines.pos(n.Info.Segment.Start)
	} else if n.Lines().Len() > 0 {
		line, _ = lines.pos(n.Lines().At(0).Start)
		line--
	}
	doc.Fences = append(doc.Fences, Fence{Lang: fi.lang, Title: fi.label(), Fragment: fi.fragment, Code: codeText(n, src), Line: line})
	switch {
	case fi.lang == "":
		doc.Problems = append(doc.Problems, Problem{line, 1, "code fence has no language: label it, e.g. ```http, ```js or ```go"})
	case !KnownLanguage(fi.lang):
		doc.Problems = append(doc.Problems, Problem{line, 1, fmt.Sprintf("code fence: unknown language %q (known: %s)", fi.lang, strings.Join(Languages(), ", "))})
	case fi.bad != "":
		doc.Problems = append(doc.Problems, Problem{line, 1, fmt.Sprintf("code fence: unknown option %q (use title=\"...\" or fragment)", fi.bad)})
	}
}

// countWords counts the words of prose text: runs of non-space characters
// that hold at least one letter or digit, so that "--" or "|" is not a word.
func countWords(b []byte) int {
	n := 0
	counted := false
	for _, c := range b {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			counted = false
		default:
			if !counted && (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
				n++
				counted = true
			}
		}
	}
	return n
}

// destRange finds where an inline link's destination is written: the first
// "](dest" or "](<dest>" after the link's start, within its block. Goldmark
// keeps no position for destinations; a link's text cannot contain "]("
// unescaped, so the first match is the link's own.
func destRange(n ast.Node, src []byte, from int, dest []byte) (int, int) {
	end := blockEnd(n, len(src))
	if from < 0 || end > len(src) || from >= end || len(dest) == 0 {
		return -1, -1
	}
	area := src[from:end]
	for _, open := range []string{"](", "](<"} {
		if i := bytes.Index(area, append([]byte(open), dest...)); i >= 0 {
			start := from + i + len(open)
			return start, start + len(dest)
		}
	}
	return -1, -1
}

// blockEnd returns the offset just past the last line of the innermost
// block with lines that holds an inline node (table cells have none of
// their own), or def.
func blockEnd(n ast.Node, def int) int {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			if l := p.Lines(); l.Len() > 0 {
				return l.At(l.Len() - 1).Stop
			}
		}
	}
	return def
}

// Clean returns Markdown that any CommonMark renderer shows as the site
// does: src with the destination of each link that has a source range
// replaced by link(dest), and every "<" of raw HTML written as "&lt;", so
// that HTML the site shows as text stays text. doc must be src's.
func Clean(src []byte, doc *Document, link func(dest string) string) []byte {
	type edit struct {
		Span
		text string
	}
	var edits []edit
	for _, l := range doc.Links {
		if l.Start >= 0 && l.End <= len(src) {
			edits = append(edits, edit{Span{l.Start, l.End}, link(l.Dest)})
		}
	}
	for _, h := range doc.RawHTML {
		for i := h.Start; i < h.End && i < len(src); i++ {
			if src[i] == '<' {
				edits = append(edits, edit{Span{i, i + 1}, "&lt;"})
			}
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.Start < last {
			continue
		}
		out = append(out, src[last:e.Start]...)
		out = append(out, e.text...)
		last = e.End
	}
	return append(out, src[last:]...)
}

// blockStart returns the offset of a block's first line.
func blockStart(n ast.Node) int {
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return -1
}

// inlineStart returns the offset of an inline node: that of its first text
// descendant, else that of its block. For a link the text starts one byte
// after "[", so step back to point at the link itself.
func inlineStart(n ast.Node) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		switch n.(type) {
		case *ast.Link:
			return off - 1
		case *ast.Image:
			return off - 2
		}
		return off
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			return blockStart(p)
		}
	}
	return -1
}

// plainText returns the text of an inline tree, markup removed.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// lineIndex maps byte offsets to 1-based lines and columns.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		idx = append(idx, i)
	}
	return idx
}

func (l lineIndex) pos(off int) (line, col int) {
	if off < 0 {
		return 1, 1
	}
	lo, hi := 0, len(l)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - l[lo] + 1
}
