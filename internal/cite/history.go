package cite

import (
	"bytes"
	"regexp"
	"strings"
)

// Pages tell the history of a code, and history cites the RFCs of its
// time: "RFC 2616 called it Request Entity Too Large". Such a citation of
// an obsoleted RFC is deliberate, and is not reported, when the text says
// it is history in one of these ways (docs/writing-pages.md, "Citations"):
//
//   - it is in a section whose heading says "History" ("## History",
//     "### History of the name");
//   - one of the six words before it, in its sentence, is a word of
//     history: first, originally, formerly, previously, earlier, old,
//     older, obsolete, obsoleted, obsoletes, replaced, replacing,
//     superseded, deprecated, historically, followed, changes, changed, still,
//     was, were ("The code first appeared in HTTP/2 (RFC 7540)", "That was
//     the phrase in RFC 2616", "RFC 9457 obsoletes RFC 7807", "the changes
//     from RFC 7807");
//   - right after it comes a year ("RFC 2616 (1999)", "RFC 2068 in 1997")
//     or a verb in the past tense ("RFC 7231 said", "RFC 2616 defined").
//
// Anything else citing an obsoleted RFC is taken for a citation that
// should name the current one.
var (
	historyWords = wordSet("first originally formerly previously earlier old older obsolete obsoleted obsoletes replaced replacing superseded deprecated historically followed changes changed still was were")
	// Past tenses that do not end in -ed.
	irregularPast = wordSet("said had made gave kept left put set took meant did wrote became began came ran saw sent went told held let lost brought thought stood knew chose broke got grew found")
	yearRE        = regexp.MustCompile(`^[\s)\]]*(?:\(\s*)?(?:(?:in|of|from)\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)[0-9]{2}\b`)
	nextWordRE    = regexp.MustCompile(`^[\s)\]]*([a-z]+)\b`)
	headingRE     = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	fenceRE       = regexp.MustCompile("^\\s{0,3}(```|~~~)")
	historyRE     = regexp.MustCompile(`(?i)\bhistory\b`)
)

const historyWindow = 6 // words before a citation that may say it is history

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// historySpans returns the parts of the Markdown body, from offset body on,
// that are under a heading saying "History", down to the next heading of
// the same or a higher level.
func historySpans(text []byte, body int) []Span {
	var out []Span
	open := -1 // level of the History heading we are under, or -1
	inFence := false
	off := body
	for _, line := range bytes.SplitAfter(text[body:], []byte("\n")) {
		l := strings.TrimRight(string(line), "\n")
		at := off
		off += len(line)
		if fenceRE.MatchString(l) {
			inFence = !inFence
			continue
		}
		m := headingRE.FindStringSubmatch(l)
		if m == nil || inFence {
			continue
		}
		if level := len(m[1]); open >= 0 && level <= open {
			out[len(out)-1].To = at
			open = -1
		}
		if open < 0 && historyRE.MatchString(m[2]) {
			open = len(m[1])
			out = append(out, Span{at, len(text)})
		}
	}
	return out
}

// historical reports whether citation c of an obsoleted RFC tells history,
// by the rules above.
func historical(text []byte, c Citation, hist []Span) bool {
	if inAny(hist, c.Start) {
		return true
	}
	for _, w := range wordsBefore(text, c.Start, historyWindow) {
		if historyWords[strings.ToLower(w)] {
			return true
		}
	}
	after := text[skipLinkTarget(text, c.End):]
	if yearRE.Match(after) {
		return true
	}
	if m := nextWordRE.FindSubmatch(after); m != nil {
		w := string(m[1])
		return strings.HasSuffix(w, "ed") && len(w) > 3 || irregularPast[w]
	}
	return false
}

// wordsBefore returns up to n words before offset off, nearest first,
// stopping at the start of the sentence: the end of the last one, a table
// cell's border, a blank line or a YAML key.
func wordsBefore(text []byte, off, n int) []string {
	var words []string
	i := off
	for len(words) < n && i > 0 {
		// Skip to the end of the previous word, stopping at a boundary.
		for i > 0 && !isWordByte(text[i-1]) {
			i--
			if boundary(text, i) {
				return words
			}
		}
		j := i
		for i > 0 && isWordByte(text[i-1]) {
			i--
		}
		if i < j {
			words = append(words, string(text[i:j]))
		}
	}
	return words
}

// boundary reports whether the byte at i ends a sentence or a cell: ".",
// "!", "?" or ":" before white space, "|", or a blank line.
func boundary(text []byte, i int) bool {
	switch c := text[i]; c {
	case '|':
		return true
	case '.', '!', '?', ':':
		return i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n')
	case '\n':
		return i > 0 && text[i-1] == '\n'
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80
}

// skipLinkTarget returns the offset after the "(url)" of a Markdown link
// when a citation is the link's text, so that what follows the link is
// read as what follows the citation.
func skipLinkTarget(text []byte, end int) int {
	if end+1 < len(text) && text[end] == ']' && text[end+1] == '(' {
		if j := bytes.IndexByte(text[end:], ')'); j >= 0 {
			return end + j + 1
		}
	}
	return end
}
