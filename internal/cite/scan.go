package cite

import (
	"regexp"
	"strconv"
	"strings"
)

// Kind says how a citation is written.
type Kind int

const (
	// Prose is a citation in words: "RFC 9110, Section 15.5.5".
	Prose Kind = iota
	// Link is a URL of the RFC's text.
	Link
)

// Citation is one reference to an RFC, or to one section of it, found in
// a text. Offsets are byte offsets into the text scanned.
type Citation struct {
	Kind    Kind
	RFC     int
	Section string // "15.5.5", "A.2"; "" when the whole RFC is cited
	// Start and End delimit the citation: "RFC 9110, Sections 15.5.5 and
	// 15.5.6" (each section is a Citation of its own, with the same
	// offsets), or the URL.
	Start, End int
	// Claim is a title written with the citation: in parentheses right
	// after a citation of one section, or the text of the Markdown link
	// whose target the URL is; "" if there is none.
	Claim string
	// ClaimStart and ClaimEnd delimit the link text of a link, 0 and 0
	// otherwise.
	ClaimStart, ClaimEnd int
	// Named is set for a link whose anchor names a section rather than
	// numbering it (httpwg.org/specs/rfc9110.html#status.404): such a link
	// cites the RFC only.
	Named bool
}

const (
	secPat = `(?:[0-9]+(?:\.[0-9]+)*|[A-Z](?:\.[0-9]+)*)\b`
	sepPat = `(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+|\s*[-–]\s*)`
	// One section, maybe a range; or, after a plural, a list.
	oneSec   = `(?:(?i:Section|Appendix)\s+|§\s*)` + secPat + `(?:\s*[-–]\s*` + secPat + `)?`
	manySec  = `(?:(?i:Sections|Appendices)\s+|§§\s*)` + secPat + `(?:` + sepPat + secPat + `)*`
	sections = `(?:` + manySec + `|` + oneSec + `)`
)

var (
	rfcRE = regexp.MustCompile(`\bRFC(?:[\s\x{a0}]+|-)?([0-9]{1,5})\b`)
	// What may follow "RFC 9110": ", Section 15.5.5", " §15.5.5",
	// " (Section 13.1.3)".
	afterRE = regexp.MustCompile(`^(?:,?\s*` + sections + `|\s*\(\s*` + sections + `\s*\))`)
	// What may come before it: "Section 15.5.5 of ", "Appendix A.2 in [".
	beforeRE = regexp.MustCompile(`\b` + sections + `\s*,?\s+(?:of|in)\s+\[?$`)
	secRE    = regexp.MustCompile(`\b` + secPat)
	claimRE  = regexp.MustCompile(`^\s*\(\s*([^()]{1,100}?)\s*\)`)
	linkRE   = regexp.MustCompile(`https?://(?:www\.)?(rfc-editor\.org/(?:rfc|info)/|datatracker\.ietf\.org/doc/(?:html/)?|tools\.ietf\.org/(?:html|rfc)/|ietf\.org/rfc/|httpwg\.org/specs/)rfc([0-9]{1,5})(?:\.(?:html|txt|xml|pdf))?/?(?:#([A-Za-z0-9._-]*))?`)
	anchorRE = regexp.MustCompile(`^(?:section-([0-9]+(?:\.[0-9]+)*|[A-Z](?:\.[0-9]+)*)|appendix-([A-Z](?:\.[0-9]+)*)|section-appendix\.([a-z](?:\.[0-9]+)*))`)
)

// lookBehind is how far before "RFC 9110" a "Section ... of" may start.
const lookBehind = 200

// Scan returns the citations in text, in order: in words ("RFC 9110,
// Section 15.5.5", "RFC 9110 §15.5.5", "Section 15.5.5 of RFC 9110", "RFC
// 9110, Sections 15.5.5 and 15.5.6", "Appendix A.2 of RFC 9110", line
// breaks allowed anywhere white space is) and as links to the RFC's text
// at rfc-editor.org, datatracker.ietf.org, tools.ietf.org, ietf.org and
// httpwg.org.
func Scan(text []byte) []Citation {
	s := string(text)
	var out []Citation
	for _, m := range rfcRE.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, prose(s, m)...)
	}
	for _, m := range linkRE.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, link(s, m))
	}
	sortCitations(out)
	return out
}

// prose builds the citations of one "RFC N" match m and the sections
// written before or after it.
func prose(s string, m []int) []Citation {
	n, _ := strconv.Atoi(s[m[2]:m[3]])
	start, end := m[0], m[1]
	list := ""
	if a := afterRE.FindStringIndex(s[end:]); a != nil {
		list, end = s[end:end+a[1]], end+a[1]
	} else {
		from := max(0, start-lookBehind)
		if b := beforeRE.FindStringIndex(s[from:start]); b != nil {
			list, start = s[from+b[0]:start], from+b[0]
		}
	}
	secs := sectionNumbers(list)
	if len(secs) == 0 {
		return []Citation{{Kind: Prose, RFC: n, Start: start, End: end}}
	}
	claim := ""
	if len(secs) == 1 {
		if c := claimRE.FindStringSubmatch(s[end:]); c != nil {
			claim = squash(c[1])
		}
	}
	out := make([]Citation, len(secs))
	for i, sec := range secs {
		out[i] = Citation{Kind: Prose, RFC: n, Section: sec, Start: start, End: end, Claim: claim}
	}
	return out
}

// sectionNumbers returns the numbers in a list such as "Sections 8.3-8.4",
// "§ 15.5.5" or "Section 15.5.5 of ", ends of ranges included. The words
// around them never match: a section letter stands alone.
func sectionNumbers(list string) []string {
	return secRE.FindAllString(list, -1)
}

// link builds the citation of one URL match m.
func link(s string, m []int) Citation {
	n, _ := strconv.Atoi(s[m[4]:m[5]])
	c := Citation{Kind: Link, RFC: n, Start: m[0], End: m[1]}
	// A sentence may end right after the URL.
	for c.End > m[4] && (s[c.End-1] == '.' || s[c.End-1] == '-') {
		c.End--
	}
	if s[m[2]:m[3]] == "httpwg.org/specs/" {
		c.Named = m[6] >= 0
	} else if m[6] >= 0 {
		if a := anchorRE.FindStringSubmatch(s[m[6]:m[7]]); a != nil {
			c.Section = a[1] + a[2]
			if a[3] != "" {
				c.Section = strings.ToUpper(a[3][:1]) + a[3][1:]
			}
		}
	}
	if ts, te, ok := linkText(s, c.Start); ok {
		c.ClaimStart, c.ClaimEnd, c.Claim = ts, te, squash(s[ts:te])
	}
	return c
}

// linkText finds the text of the Markdown link "[text](url)" whose url
// starts at offset u.
func linkText(s string, u int) (int, int, bool) {
	if u < 2 || s[u-2:u] != "](" {
		return 0, 0, false
	}
	end := u - 2
	depth := 0
	for i := end - 1; i >= 0; i-- {
		switch s[i] {
		case ']':
			depth++
		case '[':
			if depth == 0 {
				return i + 1, end, true
			}
			depth--
		case '\n':
			if i > 0 && s[i-1] == '\n' {
				return 0, 0, false // a link does not span paragraphs
			}
		}
	}
	return 0, 0, false
}

func sortCitations(cs []Citation) {
	// Insertion sort: prose and links are each in order already.
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Start < cs[j-1].Start; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// squash folds runs of white space, line breaks included, to one space.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
