package cite

import (
	"fmt"
	"strings"
	"testing"
)

// show renders citations compactly: kind, RFC, section, the text cited and
// the claim, so that a table of cases reads like the pages they come from.
func show(text string, cs []Citation) string {
	var out []string
	for _, c := range cs {
		k := "prose"
		if c.Kind == Link {
			k = "link"
		}
		s := fmt.Sprintf("%s %d", k, c.RFC)
		if c.Section != "" {
			s += " " + c.Section
		}
		s += fmt.Sprintf(" @%d %q", c.Start, squash(text[c.Start:c.End]))
		if c.Claim != "" {
			s += fmt.Sprintf(" claim=%q", c.Claim)
		}
		if c.Named {
			s += " named"
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

func TestScan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"comma", "See RFC 9110, Section 15.5.5 for it.", []string{`prose 9110 15.5.5 @4 "RFC 9110, Section 15.5.5"`}},
		{"no comma", "RFC 9110 Section 15.5.5 says", []string{`prose 9110 15.5.5 @0 "RFC 9110 Section 15.5.5"`}},
		{"section sign", "RFC 9110 §15.5.5", []string{`prose 9110 15.5.5 @0 "RFC 9110 §15.5.5"`}},
		{"section sign spaced", "RFC 9110, § 15.5.5.", []string{`prose 9110 15.5.5 @0 "RFC 9110, § 15.5.5"`}},
		{"parenthesised", "RFC 9110 (Section 13.1.3) says", []string{`prose 9110 13.1.3 @0 "RFC 9110 (Section 13.1.3)"`}},
		{"of", "Section 15.5.5 of RFC 9110", []string{`prose 9110 15.5.5 @0 "Section 15.5.5 of RFC 9110"`}},
		{"of a link", "Section 15.5.5 of [RFC 9110](https://httpwg.org/specs/rfc9110.html)",
			[]string{`prose 9110 15.5.5 @0 "Section 15.5.5 of [RFC 9110"`, `link 9110 @29 "https://httpwg.org/specs/rfc9110.html" claim="RFC 9110"`}},
		{"appendix of", "Appendix A.2 of RFC 9110", []string{`prose 9110 A.2 @0 "Appendix A.2 of RFC 9110"`}},
		{"appendix after", "RFC 9110, Appendix B", []string{`prose 9110 B @0 "RFC 9110, Appendix B"`}},
		{"two sections", "RFC 9110, Sections 15.5.5 and 15.5.6 both", []string{
			`prose 9110 15.5.5 @0 "RFC 9110, Sections 15.5.5 and 15.5.6"`,
			`prose 9110 15.5.6 @0 "RFC 9110, Sections 15.5.5 and 15.5.6"`}},
		{"list", "RFC 9110, Sections 11.6.1, 11.6.2, and 11.6.3.", []string{
			`prose 9110 11.6.1 @0 "RFC 9110, Sections 11.6.1, 11.6.2, and 11.6.3"`,
			`prose 9110 11.6.2 @0 "RFC 9110, Sections 11.6.1, 11.6.2, and 11.6.3"`,
			`prose 9110 11.6.3 @0 "RFC 9110, Sections 11.6.1, 11.6.2, and 11.6.3"`}},
		{"plural signs", "RFC 9110 §§ 8.3 and 8.4; RFC 9110, Appendices A and B", []string{
			`prose 9110 8.3 @0 "RFC 9110 §§ 8.3 and 8.4"`, `prose 9110 8.4 @0 "RFC 9110 §§ 8.3 and 8.4"`,
			`prose 9110 A @27 "RFC 9110, Appendices A and B"`, `prose 9110 B @27 "RFC 9110, Appendices A and B"`}},
		{"range", "RFC 9110, Sections 8.3-8.4", []string{
			`prose 9110 8.3 @0 "RFC 9110, Sections 8.3-8.4"`, `prose 9110 8.4 @0 "RFC 9110, Sections 8.3-8.4"`}},
		{"singular stops at a comma", "RFC 9110, Section 15.5.14, 413 Content Too Large", []string{`prose 9110 15.5.14 @0 "RFC 9110, Section 15.5.14"`}},
		{"wrapped", "says RFC\n      9110, Section\n  15.5.3 only", []string{`prose 9110 15.5.3 @5 "RFC 9110, Section 15.5.3"`}},
		{"wrapped before", "Section 9.1\nof RFC 9110", []string{`prose 9110 9.1 @0 "Section 9.1 of RFC 9110"`}},
		{"lower case", "RFC 9110 section 15.5.5 and RFC 9110, sections 8.3 and 8.4", []string{
			`prose 9110 15.5.5 @0 "RFC 9110 section 15.5.5"`,
			`prose 9110 8.3 @28 "RFC 9110, sections 8.3 and 8.4"`, `prose 9110 8.4 @28 "RFC 9110, sections 8.3 and 8.4"`}},
		{"bare", "RFC 6585 adds 428.", []string{`prose 6585 @0 "RFC 6585"`}},
		{"no space", "RFC7231 and RFC-2616", []string{`prose 7231 @0 "RFC7231"`, `prose 2616 @12 "RFC-2616"`}},
		{"claim", "RFC 9110, Section 11.3 (Credentials) says", []string{`prose 9110 11.3 @0 "RFC 9110, Section 11.3" claim="Credentials"`}},
		{"claim after of", "Section 11.3 of RFC 9110 (Challenge and\nResponse)", []string{`prose 9110 11.3 @0 "Section 11.3 of RFC 9110" claim="Challenge and Response"`}},
		{"not a section", "RFC 9110 Sectional", []string{`prose 9110 @0 "RFC 9110"`}},
		{"not RFCs", "the RFCs 7230 to 7235 and xRFC 1", nil},
		{"rfc-editor", "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5", []string{`link 9110 15.5.5 @0 "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"`}},
		{"rfc-editor bare", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5.", []string{`link 9110 15.5.5 @0 "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"`}},
		{"rfc-editor txt", "<https://www.rfc-editor.org/rfc/rfc9110.txt>", []string{`link 9110 @1 "https://www.rfc-editor.org/rfc/rfc9110.txt"`}},
		{"rfc-editor appendix", "https://www.rfc-editor.org/rfc/rfc9110.html#appendix-A.2", []string{`link 9110 A.2 @0 "https://www.rfc-editor.org/rfc/rfc9110.html#appendix-A.2"`}},
		{"prepared appendix anchor", "https://www.rfc-editor.org/rfc/rfc9457.html#section-appendix.a", []string{`link 9457 A @0 "https://www.rfc-editor.org/rfc/rfc9457.html#section-appendix.a"`}},
		{"named anchor", "https://www.rfc-editor.org/rfc/rfc9110.html#name-404-not-found", []string{`link 9110 @0 "https://www.rfc-editor.org/rfc/rfc9110.html#name-404-not-found"`}},
		{"datatracker", "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5", []string{`link 9110 15.5.5 @0 "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5"`}},
		{"tools", "(https://tools.ietf.org/html/rfc7231#section-6.5.4)", []string{`link 7231 6.5.4 @1 "https://tools.ietf.org/html/rfc7231#section-6.5.4"`}},
		{"httpwg named", "https://httpwg.org/specs/rfc9110.html#status.404", []string{`link 9110 @0 "https://httpwg.org/specs/rfc9110.html#status.404" named`}},
		{"link text", "[Credentials](https://www.rfc-editor.org/rfc/rfc9110.html#section-11.3)",
			[]string{`link 9110 11.3 @14 "https://www.rfc-editor.org/rfc/rfc9110.html#section-11.3" claim="Credentials"`}},
		{"link with citation text", "[RFC 9110, Section 11](https://www.rfc-editor.org/rfc/rfc9110#section-11)", []string{
			`prose 9110 11 @1 "RFC 9110, Section 11"`,
			`link 9110 11 @23 "https://www.rfc-editor.org/rfc/rfc9110#section-11" claim="RFC 9110, Section 11"`}},
		{"yaml", "spec:\n  name: \"RFC 6585, Section 4\"\n  url: \"https://www.rfc-editor.org/rfc/rfc6585#section-4\"\n", []string{
			`prose 6585 4 @15 "RFC 6585, Section 4"`,
			`link 6585 4 @44 "https://www.rfc-editor.org/rfc/rfc6585#section-4"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := show(tc.text, Scan([]byte(tc.text)))
			if want := strings.Join(tc.want, "\n"); got != want {
				t.Errorf("Scan(%q):\n got %s\nwant %s", tc.text, got, want)
			}
		})
	}
}

func FuzzScan(f *testing.F) {
	f.Add("RFC 9110, Sections 8.3-8.4 and Section 1 of [RFC 1](https://www.rfc-editor.org/rfc/rfc1#section-1)")
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range Scan([]byte(s)) {
			if c.Start < 0 || c.End > len(s) || c.Start >= c.End {
				t.Fatalf("bad offsets %d-%d in %q", c.Start, c.End, s)
			}
		}
	})
}
