package cite

import (
	"fmt"
	"strings"
	"testing"
)

func problems(text string, ps []Problem) string {
	var out []string
	for _, p := range ps {
		kind := "error"
		if p.Warning() {
			kind = "warning"
		}
		out = append(out, fmt.Sprintf("@%d %s: %s", p.Off, kind, p.Msg))
	}
	return strings.Join(out, "\n")
}

const (
	obs7231 = "RFC 7231 is obsoleted by RFC 9110; cite RFC 9110"
	obs2616 = "RFC 2616 is obsoleted by RFC 7230, RFC 7231, RFC 7232, RFC 7233, RFC 7234 and RFC 7235; cite RFC 9110, RFC 9111 or RFC 9112"
)

func TestCheck(t *testing.T) {
	t.Parallel()
	tab := load(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"fine", "RFC 9110, Section 15.5.5 and RFC 6585", nil},
		{"no such section", "x RFC 9110, Section 15.5.99 y",
			[]string{`@2 error: RFC 9110 has no Section 15.5.99; Section 15.5 "Client Error 4xx" has 15.5.1 to 15.5.22`}},
		{"no such appendix", "Appendix D of RFC 9110",
			[]string{`@0 error: RFC 9110 has no Appendix D; RFC 9110 has Sections 1 to 19 and Appendices A to B`}},
		{"second of two", "RFC 6585, Sections 3 and 12",
			[]string{`@0 error: RFC 6585 has no Section 12; RFC 6585 has Sections 1 to 9 and Appendices A to B`}},
		{"wrong title", "RFC 9110, Section 11.3 (Credentials) says",
			[]string{`@0 error: RFC 9110, Section 11.3 is "Challenge and Response", not "Credentials" (that is Section 11.4)`}},
		{"right title", "RFC 9110, Section 11.4 (Credentials), RFC 9110, Section 15.5.5 (`404 Not Found`)", nil},
		{"a remark is no title", "RFC 9110, Section 11.4 (SHOULD) and RFC 9110, Section 15.5.14 (see below)", nil},
		{"link text names another section", "[Credentials](https://www.rfc-editor.org/rfc/rfc9110.html#section-11.3)",
			[]string{`@14 error: RFC 9110, Section 11.3 is "Challenge and Response", not "Credentials" (that is Section 11.4)`}},
		{"link text is no title", "[the spec](https://www.rfc-editor.org/rfc/rfc9110.html#section-11.3)", nil},
		{"link text cites another section", "[RFC 9110, Section 11.4](https://www.rfc-editor.org/rfc/rfc9110.html#section-11.3)",
			[]string{`@25 error: link text cites RFC 9110, Section 11.4, but the link goes to Section 11.3 "Challenge and Response"`}},
		{"one problem per link", "[RFC 9110, Section 15.5.99](https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.99)",
			[]string{`@1 error: RFC 9110 has no Section 15.5.99; Section 15.5 "Client Error 4xx" has 15.5.1 to 15.5.22`}},
		{"obsoleted link", "See https://tools.ietf.org/html/rfc7231#section-6.5.4 for 404.", []string{"@4 warning: " + obs7231}},
		{"obsoleted in words", "RFC 7231 says so.", []string{"@0 warning: " + obs7231}},
		{"obsoleted twice over", "Read RFC 2616.", []string{"@5 warning: " + obs2616}},
		{"obsoleted, missing section", "RFC 7231, Section 99 says", []string{
			"@0 warning: " + obs7231, "@0 error: RFC 7231 has no Section 99; RFC 7231 has Sections 1 to 11 and Appendices A to D"}},
		{"one link, one warning", "[RFC 7231](https://tools.ietf.org/html/rfc7231) says", []string{"@1 warning: " + obs7231}},
		{"history heading", "## History\n\nRFC 2616 defines 305.\n\n### Later\n\nRFC 7231 keeps it.", nil},
		{"after history", "## History\n\nRFC 2616 (1999).\n\n## Today\n\nRFC 7231 keeps it.", []string{"@40 warning: " + obs7231}},
		{"history word", "The code first appeared in HTTP/2 (RFC 7540 Section 9.1.2), because", nil},
		{"history word: was", "That was the phrase in RFC 2616. Today", nil},
		{"history word: replacing", "RFC 9457 (2023, replacing RFC 7807) defines", nil},
		{"history word in another sentence", "It was late. See RFC 7231 now.", []string{"@17 warning: " + obs7231}},
		{"history word too far", "Originally, one two three four five six RFC 7231 says.", []string{"@40 warning: " + obs7231}},
		{"year", "RFC 2616 (1999) called it one thing, RFC 2068 in 1997 another", nil},
		{"past tense", "RFC 7231 said a server SHOULD, and RFC 7231, Section 6.5.7 defined it", nil},
		{"past tense after a link", "[RFC 7231](https://tools.ietf.org/html/rfc7231) renamed it", nil},
		{"present tense", "RFC 7231 defines it", []string{"@0 warning: " + obs7231}},
		{"unknown", "RFC 1 and RFC 1 again", []string{"@0 warning: RFC 1 is not in the citation table (internal/cite/rfcs.txt): add it"}},
		{"in a code fence still checked", "```go\n// RFC 9110, Section 15.5.99\n```", []string{
			`@9 error: RFC 9110 has no Section 15.5.99; Section 15.5 "Client Error 4xx" has 15.5.1 to 15.5.22`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := problems(tc.text, tab.Check(Page{Text: []byte(tc.text)}))
			if want := strings.Join(tc.want, "\n"); got != want {
				t.Errorf("Check(%q):\n got %s\nwant %s", tc.text, got, want)
			}
		})
	}
}

func TestCheck_SpecAndKeywordsMayNameObsoletedRFCs(t *testing.T) {
	t.Parallel()
	tab := load(t)
	text := "keywords: [RFC 7538, 308]\nspec: RFC 2518, Section 10.1\n---\nRFC 2518, Section 10.1 defines 102. RFC 7538 says"
	got := problems(text, tab.Check(Page{Text: []byte(text), Body: 55, Spec: 2518, Keywords: []Span{{0, 26}}}))
	if want := "@95 warning: RFC 7538 is obsoleted by RFC 9110; cite RFC 9110"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestCheck_HeadingsOnlyInTheBody(t *testing.T) {
	t.Parallel()
	tab := load(t)
	// A YAML comment is not a heading.
	text := "# History\nsummary: RFC 7231 says\n---\nbody"
	if got := problems(text, tab.Check(Page{Text: []byte(text), Body: 37})); got != "@19 warning: "+obs7231 {
		t.Errorf("got %s", got)
	}
}
