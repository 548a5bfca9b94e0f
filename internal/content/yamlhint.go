package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// yaml.v3's syntax errors say what the parser expected, often at the line
// where it gave up rather than where the mistake is. The two mistakes that
// produce most of them in frontmatter are a quote that is never closed and a
// line indented differently from its siblings; yamlHint looks for either and
// returns the 1-based line of the likely cause in src and a sentence saying
// so, which names lines as the file numbers them: src's line 1 is the file's
// line offset+1.

var blockScalarRE = regexp.MustCompile(`:\s*[|>][+-]?[0-9]?\s*(#.*)?$`)

func yamlHint(msg string, src []byte, offset int) (int, string) {
	switch {
	case strings.Contains(msg, "unexpected end of stream"), strings.Contains(msg, "found unexpected end"),
		strings.Contains(msg, "did not find expected"), strings.Contains(msg, "mapping values are not allowed"),
		strings.Contains(msg, "could not find expected"):
	default:
		return 0, ""
	}
	lines := strings.Split(string(src), "\n")
	if n := unclosedQuote(lines); n > 0 {
		return n, fmt.Sprintf("likely cause: the quote opened on line %d is never closed", n+offset)
	}
	if strings.Contains(msg, "mapping values are not allowed") {
		for i, l := range lines {
			if k, v, ok := strings.Cut(l, ": "); ok && !strings.HasPrefix(strings.TrimSpace(k), "#") && strings.Contains(v, ": ") &&
				!strings.HasPrefix(strings.TrimSpace(v), "\"") && !strings.HasPrefix(strings.TrimSpace(v), "'") && !strings.HasPrefix(strings.TrimSpace(v), "{") {
				return i + 1, fmt.Sprintf("likely cause: the value on line %d contains \": \"; put it in quotes", i+1+offset)
			}
		}
	}
	if n, want := misindented(lines); n > 0 {
		return n, fmt.Sprintf("likely cause: line %d is indented %d spaces, which lines up with nothing above it (%s)", n+offset, indentOf(lines[n-1]), want)
	}
	return 0, ""
}

// unclosedQuote returns the line on which a quoted value starts and does
// not end, or 0.
func unclosedQuote(lines []string) int {
	for i, l := range lines {
		_, v, ok := strings.Cut(l, ": ")
		if !ok {
			t := strings.TrimSpace(l)
			if !strings.HasPrefix(t, "- ") {
				continue
			}
			v = strings.TrimPrefix(t, "- ")
		}
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		switch v[0] {
		case '"':
			if !closesDouble(v[1:]) && !closedLater(lines[i+1:], '"') {
				return i + 1
			}
		case '\'':
			if !strings.Contains(strings.ReplaceAll(v[1:], "''", ""), "'") && !closedLater(lines[i+1:], '\'') {
				return i + 1
			}
		}
	}
	return 0
}

func closesDouble(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return true
		}
	}
	return false
}

// closedLater reports whether a multi-line quoted scalar closes on one of
// the following lines before a line that looks like a new key.
func closedLater(rest []string, q byte) bool {
	for _, l := range rest {
		if bytes.IndexByte([]byte(l), q) >= 0 {
			return true
		}
		if t := strings.TrimSpace(l); strings.Contains(t, ": ") || strings.HasSuffix(t, ":") {
			return false
		}
	}
	return false
}

// misindented returns the first line whose indentation matches none of the
// levels open above it, and what would have matched, or 0.
func misindented(lines []string) (int, string) {
	stack := []int{0}
	block := -1 // indentation of the key of the block scalar being read, or -1
	prevOpens := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") || t == "---" {
			continue
		}
		ind := indentOf(l)
		if block >= 0 {
			if ind > block {
				continue
			}
			block = -1
		}
		top := stack[len(stack)-1]
		switch {
		case ind > top && prevOpens:
			stack = append(stack, ind)
		case ind > top:
			// A continuation of a plain scalar is legal YAML; it is
			// only reported because the parser already failed.
			return i + 1, fmt.Sprintf("the line before is indented %d", top)
		case ind < top:
			for len(stack) > 1 && stack[len(stack)-1] > ind {
				stack = stack[:len(stack)-1]
			}
			if stack[len(stack)-1] != ind {
				return i + 1, fmt.Sprintf("keys above are indented %s", levels(stack))
			}
		}
		item := strings.HasPrefix(t, "- ")
		prevOpens = strings.HasSuffix(t, ":") || item || strings.HasSuffix(t, "-")
		if item {
			// "- q: x" opens a mapping whose keys line up after "- ".
			if strings.Contains(t, ": ") || strings.HasSuffix(t, ":") {
				stack = append(stack, ind+2)
			}
		}
		if blockScalarRE.MatchString(t) {
			block = ind
			prevOpens = false
		}
	}
	return 0, ""
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

func levels(stack []int) string {
	var s []string
	for _, n := range stack {
		s = append(s, fmt.Sprint(n))
	}
	return strings.Join(s, ", ")
}
