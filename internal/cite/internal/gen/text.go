package main

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var (
	// A heading starts in column 1: "15.5.5.  404 Not Found", "10.4.5 404
	// Not Found" (RFC 2616 style), "Appendix A.  Collected ABNF", "A.1.
	// Title". A bare letter needs its dot ("A.  Title"), so that prose
	// starting in column 1 is not taken for an appendix.
	headingRE = regexp.MustCompile(`^(?:Appendix\s+([A-Z](?:\.[0-9]+)*)\.?|([0-9]+(?:\.[0-9]+)*)\.?|([A-Z]\.[0-9]+(?:\.[0-9]+)*)\.?|([A-Z])\.)\s+(\S.*)$`)
	// A table of contents entry is indented.
	tocRE        = regexp.MustCompile(`^\s+(?:Appendix\s+)?([0-9]+(?:\.[0-9]+)*|[A-Z](?:\.[0-9]+)*)\.?\s+\S`)
	tocLeaderRE  = regexp.MustCompile(`\s*(?:\.\s?){2,}\s*[0-9]+\s*$`)
	obsoletesRE  = regexp.MustCompile(`^Obsoletes:\s*(.*)$`)
	headerSplitR = regexp.MustCompile(`\s{2,}`)
)

// parseText reads a plain-text RFC. Sections are the headings in the body,
// lines in column 1 that follow each other as section numbers do (1, 1.1,
// 1.2, 2, ..., A, A.1) or that the table of contents lists: a line that
// merely starts with a number is skipped. An entry of the table of
// contents that no heading matched, as RFC 2518's 23.3.2, is taken from
// the table of contents, and comes back as a doubt.
func parseText(b []byte) (doc, []string, error) {
	text := strings.ReplaceAll(strings.ReplaceAll(string(b), "\r", ""), "\f", "")
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	var d doc
	d.title, d.obsoletes = textHeader(lines)
	toc := parseTOC(lines)
	listed := map[string]string{}
	for _, s := range toc {
		listed[s.num] = s.title
	}
	var prev []string
	found := map[string]bool{}
	for i, line := range lines {
		m := headingRE.FindStringSubmatch(line)
		if m == nil || (i > 0 && lines[i-1] != "") {
			continue
		}
		num := m[1] + m[2] + m[3] + m[4]
		parts := strings.Split(num, ".")
		_, inTOC := listed[num]
		if found[num] || !follows(prev, parts) && !inTOC {
			continue
		}
		prev = parts
		found[num] = true
		d.sections = append(d.sections, section{num, headingTitle(lines, i, m[5], len(line)-len(m[5]))})
	}
	var doubts, missing []string
	for _, s := range toc {
		if !found[s.num] {
			missing = append(missing, s.num)
			d.sections = append(d.sections, s)
		}
	}
	if len(missing) > 0 {
		doubts = append(doubts, fmt.Sprintf("no heading for %s; took them from the table of contents", strings.Join(missing, ", ")))
		sort.SliceStable(d.sections, func(i, j int) bool { return less(d.sections[i].num, d.sections[j].num) })
	}
	return d, doubts, nil
}

// less orders section numbers as documents do: 2 < 10, 9.1 < 9.2 < 10,
// and appendices after numbered sections.
func less(a, b string) bool {
	x, y := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(x) && i < len(y); i++ {
		if x[i] == y[i] {
			continue
		}
		if isLetter(x[i]) != isLetter(y[i]) {
			return !isLetter(x[i])
		}
		m, err1 := strconv.Atoi(x[i])
		n, err2 := strconv.Atoi(y[i])
		if err1 == nil && err2 == nil {
			return m < n
		}
		return x[i] < y[i]
	}
	return len(x) < len(y)
}

// headingTitle returns a heading's title, with its continuation if the
// heading wraps onto the next line, aligned under the title.
func headingTitle(lines []string, i int, title string, col int) string {
	if i+1 < len(lines) {
		next := lines[i+1]
		if t := strings.TrimLeft(next, " "); t != "" && len(next)-len(t) == col {
			title += " " + t
		}
	}
	return squash(title)
}

// follows reports whether section number next can come right after prev
// (nil before the first): a first subsection, or the next number at prev's
// level or at a level above it. Appendices follow any numbered section.
func follows(prev, next []string) bool {
	if prev == nil {
		return len(next) == 1 && (next[0] == "1" || next[0] == "A")
	}
	if len(next) == len(prev)+1 && next[len(next)-1] == "1" && equal(prev, next[:len(prev)]) {
		return true
	}
	if len(next) == 1 && next[0] == "A" && !isLetter(prev[0]) {
		return true
	}
	if len(next) > len(prev) || !equal(prev[:len(next)-1], next[:len(next)-1]) {
		return false
	}
	return successor(prev[len(next)-1], next[len(next)-1])
}

func successor(a, b string) bool {
	if isLetter(a) || isLetter(b) {
		return len(a) == 1 && len(b) == 1 && b[0] == a[0]+1
	}
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	return err1 == nil && err2 == nil && y == x+1
}

func isLetter(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// textHeader reads the title, centred under the header block, and the
// Obsoletes: line of the header's left column, which may wrap.
func textHeader(lines []string) (string, []int) {
	i := 0
	for i < len(lines) && !strings.Contains(lines[i], "Request for Comments:") {
		i++
	}
	var obsoletes []int
	for ; i < len(lines) && lines[i] != ""; i++ {
		m := obsoletesRE.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		left := headerSplitR.Split(m[1], 2)[0]
		for strings.HasSuffix(left, ",") && i+1 < len(lines) {
			i++
			left += " " + headerSplitR.Split(strings.TrimSpace(lines[i]), 2)[0]
		}
		obsoletes = []int{}
		for _, f := range strings.FieldsFunc(left, func(r rune) bool { return r == ',' || r == ' ' }) {
			if n, err := strconv.Atoi(f); err == nil {
				obsoletes = append(obsoletes, n)
			}
		}
	}
	for i < len(lines) && lines[i] == "" {
		i++
	}
	var title []string
	for ; i < len(lines) && strings.HasPrefix(lines[i], " "); i++ {
		title = append(title, strings.TrimSpace(lines[i]))
	}
	return squash(strings.Join(title, " ")), obsoletes
}

// parseTOC reads the table of contents: indented lines that start with a
// section number and, maybe after wrapping, end in leader dots and a page
// number.
func parseTOC(lines []string) []section {
	var out []section
	in := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.TrimSpace(line) == "Table of Contents" {
			in = true
			continue
		}
		if !in {
			continue
		}
		if headingRE.MatchString(line) {
			break // the body has started
		}
		m := tocRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		entry := line
		for j := i + 1; !tocLeaderRE.MatchString(entry) && j < len(lines) && j < i+3; j++ {
			entry += " " + strings.TrimSpace(lines[j])
		}
		if !tocLeaderRE.MatchString(entry) {
			continue
		}
		title := tocLeaderRE.ReplaceAllString(entry, "")
		title = strings.TrimSpace(title[strings.Index(title, m[1])+len(m[1]):])
		out = append(out, section{m[1], squash(strings.TrimPrefix(title, "."))})
	}
	return out
}
