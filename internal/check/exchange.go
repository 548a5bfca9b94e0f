package check

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/markdown"
)

// startLineRE matches the first line of an HTTP/1.x message: a status
// line, or a request line.
var startLineRE = regexp.MustCompile(`^(?:HTTP/\d(?:\.\d)? \d{3}\b|[A-Z][A-Z-]+ \S+ HTTP/\d(?:\.\d)?$)`)

// message is one HTTP message of an example exchange.
type message struct {
	line    int // body-relative line of the start line
	start   string
	headers map[string]string // lower-case name -> value
	clLine  int               // line of the Content-Length header
	body    []string
}

// splitExchange splits an http fence into its messages. A message runs from
// its start line to the next start line that follows a blank line.
func splitExchange(code []byte, firstLine int) []*message {
	var out []*message
	var cur *message
	inBody := false
	prevBlank := true
	for i, l := range strings.Split(strings.TrimSuffix(string(code), "\n"), "\n") {
		line := firstLine + i
		if prevBlank && startLineRE.MatchString(l) {
			cur = &message{line: line, start: l, headers: map[string]string{}}
			out = append(out, cur)
			inBody, prevBlank = false, false
			continue
		}
		prevBlank = strings.TrimSpace(l) == ""
		switch {
		case cur == nil:
		case !inBody && prevBlank:
			inBody = true
		case !inBody:
			if name, value, ok := strings.Cut(l, ":"); ok {
				name = strings.ToLower(strings.TrimSpace(name))
				cur.headers[name] = strings.TrimSpace(value)
				if name == "content-length" {
					cur.clLine = line
				}
			}
		default:
			cur.body = append(cur.body, l)
		}
	}
	for _, m := range out {
		for len(m.body) > 0 && strings.TrimSpace(m.body[len(m.body)-1]) == "" {
			m.body = m.body[:len(m.body)-1]
		}
	}
	return out
}

// checkContentLength compares the Content-Length of each example message
// that shows a body with the body's size: the body's lines joined by one
// line feed each, with or without a final one. A body that elides part of itself
// with a line "..." is not checked.
func checkContentLength(path string, body content.Body, doc *markdown.Document, errs *diag.List) {
	for _, f := range doc.Fences {
		if f.Lang != "http" {
			continue
		}
		var prevRequest string
		for _, m := range splitExchange(f.Code, f.Line+1) {
			isResponse := strings.HasPrefix(m.start, "HTTP/")
			if !isResponse {
				prevRequest = m.start
			}
			cl, hasCL := m.headers["content-length"]
			if _, chunked := m.headers["transfer-encoding"]; chunked || !hasCL || len(m.body) == 0 {
				continue
			}
			if isResponse && strings.HasPrefix(prevRequest, "HEAD ") {
				continue
			}
			elided := false
			for _, l := range m.body {
				if t := strings.TrimSpace(l); t == "..." || t == "…" {
					elided = true
				}
			}
			n, err := strconv.Atoi(cl)
			if elided || err != nil {
				continue
			}
			size := len(bytes.Join(toBytes(m.body), []byte("\n")))
			// The fence cannot show whether the body ends in a line
			// feed: text bodies often do, JSON ones often do not.
			if n != size && n != size+1 {
				errs.Warnf(body.Pos(path, m.clLine, 1), "example: Content-Length: %d, but the body shown is %d bytes (%d with a final line feed)", n, size, size+1)
			}
		}
	}
}

func toBytes(lines []string) [][]byte {
	out := make([][]byte, len(lines))
	for i, l := range lines {
		out[i] = []byte(l)
	}
	return out
}
