package check

import (
	"strings"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/markdown"
)

// Word minimums of the content guide, counted in body prose (code blocks,
// tables' markup and frontmatter excluded).
const (
	MinStatusWords     = 500 // a registered status code
	MinLongStatusWords = 900 // the codes most readers arrive at
	MinShortWords      = 300 // unofficial, deprecated or unused codes
	MinConceptWords    = 500
)

// longPages are the codes most readers arrive at; their pages go deeper.
var longPages = map[int]bool{
	200: true, 201: true, 204: true, 206: true,
	301: true, 302: true, 304: true, 307: true, 308: true,
	400: true, 401: true, 403: true, 404: true, 405: true, 409: true, 410: true,
	413: true, 415: true, 422: true, 429: true,
	500: true, 502: true, 503: true, 504: true,
}

// MinWords returns the prose minimum for a status page.
func MinWords(s *content.Status) int {
	switch {
	case !s.Registered || s.Deprecated:
		return MinShortWords
	case longPages[s.Code]:
		return MinLongStatusWords
	}
	return MinStatusWords
}

// visitorCodes are the codes people meet in a browser while visiting a
// site, whose pages must speak to them too: the common error pages, and
// Cloudflare's error screens.
var visitorCodes = map[int]bool{
	400: true, 401: true, 403: true, 404: true, 408: true, 410: true, 429: true, 451: true,
	500: true, 502: true, 503: true, 504: true,
	520: true, 521: true, 522: true, 523: true, 524: true, 525: true, 526: true, 530: true,
}

// NeedsVisitor reports whether a page for code must have a visitor text.
func NeedsVisitor(code int) bool { return visitorCodes[code] }

// checkVisitor requires the visitor text where people see the code in a
// browser, and keeps it to the two to four sentences the box has room for.
func checkVisitor(s *content.Status, errs *diag.List) {
	if s.Visitor == "" {
		if NeedsVisitor(s.Code) {
			errs.Errorf(keyPos(s, "summary", s.CodePos), "visitor: people meet %d on websites; add a visitor: text, two to four plain sentences on what happened and what they can do", s.Code)
		}
		return
	}
	if n := sentences(s.Visitor); n < 2 || n > 4 {
		errs.Warnf(s.VisitorPos, "visitor: %d sentences; write two to four", n)
	}
}

// sentences counts the sentences of plain text: runs ending in '.', '!' or
// '?' followed by a space or the end.
func sentences(s string) int {
	n := 0
	s = strings.TrimSpace(s)
	for i, r := range s {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		if i+1 == len(s) || s[i+1] == ' ' {
			n++
		}
	}
	if n == 0 && s != "" {
		n = 1
	}
	return n
}

// checkLength warns about a page whose prose is under its minimum.
func checkLength(path string, body content.Body, doc *markdown.Document, min int, errs *diag.List) {
	if n := ProseWords(doc); n < min {
		errs.Warnf(body.Pos(path, 1, 1), "length: %d words of prose, under the %d this kind of page needs (code blocks do not count)", n, min)
	}
}
