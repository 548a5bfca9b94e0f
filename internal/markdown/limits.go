package markdown

import (
	"bytes"
	"fmt"
)

// Limits on the shapes of Markdown that take more than linear time to
// render: deeply nested containers (quotes and lists), deeply nested link
// brackets and very many link reference definitions, which goldmark parses
// slowly; and code, which chroma's regular-expression lexers (every
// language but those of tokenize.go) highlight at about 3 to 12 ms per KiB.
// No real page comes near them; a file that exceeds one is refused with a
// positioned problem before it is parsed, so that no single file can stall
// a build.
const (
	maxNesting     = 8         // block quotes and list items, one inside another
	maxIndent      = 128       // columns of leading white space outside code blocks
	maxBracketNest = 16        // '[' inside '[' within a paragraph
	maxReferences  = 500       // link reference definitions, [label]: url
	maxHeadings    = 500       // ATX headings
	maxFences      = 100       // fenced code blocks
	maxCode        = 64 * 1024 // bytes inside fenced code blocks
)

// checkLimits scans src once and reports the first place where it exceeds
// each limit. Fenced code blocks are skipped: what is in them is not
// parsed as Markdown.
func checkLimits(src []byte) []Problem {
	var probs []Problem
	var fence []byte // the opening fence while inside a fenced block
	nestingDone, indentDone, bracketDone := false, false, false
	refs, depth, headings, fences, code := 0, 0, 0, 0, 0
	count := func(n *int, limit, line int, msg string) {
		if *n++; *n == limit+1 {
			probs = append(probs, Problem{line, 1, msg})
		}
	}
	for lineNo, off := 1, 0; off < len(src); lineNo++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := src[off : off+end]
		off += end + 1

		trimmed := bytes.TrimLeft(line, " \t>-*+0123456789.)")
		if f := fenceMarker(bytes.TrimLeft(line, " \t>")); f != nil || fence != nil {
			switch {
			case fence == nil:
				fence = f
				count(&fences, maxFences, lineNo, fmt.Sprintf("more than %d code blocks; split the page", maxFences))
				continue
			case f != nil && bytes.HasPrefix(f, fence) && len(bytes.TrimSpace(bytes.TrimLeft(bytes.TrimLeft(line, " \t>"), string(fence[:1])))) == 0:
				fence = nil
				continue
			default:
				if code += len(line) + 1; code > maxCode && code-len(line)-1 <= maxCode {
					probs = append(probs, Problem{lineNo, 1, fmt.Sprintf("more than %d KiB of code in code blocks; examples are short", maxCode/1024)})
				}
				continue
			}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			depth = 0 // link text never spans paragraphs
			continue
		}
		if n := nesting(line); n > maxNesting && !nestingDone {
			nestingDone = true
			probs = append(probs, Problem{lineNo, 1, fmt.Sprintf("%d levels of nested quotes and lists on one line, more than the %d a page may have", n, maxNesting)})
		}
		if n := indentWidth(line); n > maxIndent && !indentDone {
			indentDone = true
			probs = append(probs, Problem{lineNo, 1, fmt.Sprintf("line indented %d columns, more than the %d a page may have: nesting this deep is a mistake", n, maxIndent)})
		}
		if isReferenceDefinition(trimmed) || isReferenceDefinition(bytes.TrimLeft(line, " ")) {
			count(&refs, maxReferences, lineNo, fmt.Sprintf("more than %d link reference definitions ([label]: url); link inline instead", maxReferences))
		}
		if bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte("#")) {
			count(&headings, maxHeadings, lineNo, fmt.Sprintf("more than %d headings; split the page", maxHeadings))
		}
		for i := 0; i < len(line) && !bracketDone; i++ {
			switch line[i] {
			case '\\':
				i++
			case '[':
				if depth++; depth > maxBracketNest {
					bracketDone = true
					probs = append(probs, Problem{lineNo, i + 1, fmt.Sprintf("more than %d nested [ brackets; Markdown this deep is a mistake (escape a literal bracket as \\[)", maxBracketNest)})
				}
			case ']':
				depth = max(depth-1, 0)
			}
		}
	}
	return probs
}

// fenceMarker returns the run of ` or ~ that opens or closes a fence at the
// start of s, or nil.
func fenceMarker(s []byte) []byte {
	s = bytes.TrimLeft(s, " ")
	if len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return nil
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return s[:n]
}

// nesting counts the container markers that open a line: "> " and list
// markers, one inside another.
func nesting(line []byte) int {
	n := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			n++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			n++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && line[j+1] == ' ' {
				n++
				i = j + 2
				continue
			}
			return n
		default:
			return n
		}
	}
	return n
}

func indentWidth(line []byte) int {
	w := 0
	for _, c := range line {
		switch c {
		case ' ':
			w++
		case '\t':
			w += 4 - w%4
		default:
			return w
		}
	}
	return 0 // a blank line
}

// isReferenceDefinition reports whether s starts like "[label]: ".
func isReferenceDefinition(s []byte) bool {
	if len(s) < 4 || s[0] != '[' {
		return false
	}
	i := bytes.IndexByte(s, ']')
	return i > 1 && i+1 < len(s) && s[i+1] == ':'
}
