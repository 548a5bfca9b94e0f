package check

import (
	"bytes"
	"sort"

	"github.com/statusgen/statusgen/internal/cite"
	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
)

// page is what the citation check reads of a status or concept page.
type page struct {
	path string
	text []byte
	body content.Body
	keys map[string]diag.Pos
	spec content.Spec
}

// checkCitations checks every RFC citation of a page, in its frontmatter
// (summary, spec, FAQ answers, ...) and its body, against the citation
// table, and reports each problem at the citation's line and column.
func checkCitations(p page, table *cite.Table, errs *diag.List) {
	bodyOff := len(p.text) - len(p.body.Source)
	cp := cite.Page{Text: p.text, Body: bodyOff, Keywords: keywordSpans(p, bodyOff)}
	if c := cite.Scan([]byte(p.spec.Name + " " + p.spec.URL)); len(c) > 0 {
		cp.Spec = c[0].RFC
	}
	for _, pr := range table.Check(cp) {
		line, col := lineCol(p.text, pr.Off)
		pos := diag.Pos{Path: p.path, Line: line, Col: col}
		if pr.Warning() {
			errs.Warnf(pos, "citation: %s", pr.Msg)
		} else {
			errs.Errorf(pos, "citation: %s", pr.Msg)
		}
	}
}

// keywordSpans returns where the keywords: value is in the text: from its
// key's line to the next top-level key's, or to the body.
func keywordSpans(p page, bodyOff int) []cite.Span {
	kw, ok := p.keys["keywords"]
	if !ok {
		return nil
	}
	var lines []int
	for _, pos := range p.keys {
		lines = append(lines, pos.Line)
	}
	sort.Ints(lines)
	end := bodyOff
	for _, l := range lines {
		if l > kw.Line {
			end = lineOffset(p.text, l)
			break
		}
	}
	return []cite.Span{{From: lineOffset(p.text, kw.Line), To: end}}
}

// lineOffset returns the offset where 1-based line n starts.
func lineOffset(text []byte, n int) int {
	off := 0
	for ; n > 1; n-- {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	return off
}

// lineCol returns the 1-based line and byte column of offset off, the
// columns every other diagnostic uses.
func lineCol(text []byte, off int) (int, int) {
	line := bytes.Count(text[:off], []byte("\n")) + 1
	return line, off - bytes.LastIndexByte(text[:off], '\n')
}
