package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func nums(secs []section) string {
	var s []string
	for _, x := range secs {
		s = append(s, x.num+" "+x.title)
	}
	return strings.Join(s, "|")
}

func TestParseXML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, xml, want string
	}{
		{
			name: "v2: references grouped, appendices lettered, unnumbered skipped",
			xml: `<?xml version="1.0" encoding="US-ASCII"?>
<rfc number="6585" obsoletes="">
<front><title>Additional HTTP Status Codes</title></front>
<middle>
 <section title="Introduction"><t>x</t></section>
 <section title="428 Precondition Required">
  <figure><name>not a section title</name></figure>
  <section title="Example"/>
 </section>
</middle>
<back>
 <references title="Normative References"><reference anchor="a"><front><title>Other</title></front></reference></references>
 <references title="Informative References"/>
 <section title="Acknowledgements" numbered="no"/>
 <section title="Changes"><section title="Since -00"/></section>
</back>
</rfc>`,
			want: "1 Introduction|2 428 Precondition Required|2.1 Example|3 References|3.1 Normative References|3.2 Informative References|A Changes|A.1 Since -00",
		},
		{
			name: "v3 source: names, nested references, numbered=false",
			xml: `<rfc version="3" number="9999"><front><title abbrev="X">Full Title</title></front>
<middle>
 <section><name>The <tt>Foo</tt> Field</name>
  <section numbered="false"><name>Note</name></section>
  <section><name>Syntax</name><table><name>a table</name></table></section>
 </section>
</middle>
<back>
 <references><name>References</name><references><name>Normative References</name></references></references>
 <section><name>Collected ABNF</name></section>
</back></rfc>`,
			want: "1 The Foo Field|1.1 Syntax|2 References|2.1 Normative References|A Collected ABNF",
		},
		{
			name: "v3 prepared: pn used as it is",
			xml: `<rfc version="3" number="9457"><front><title>P</title>
<section pn="section-boilerplate.1" numbered="false"><name>Status</name></section></front>
<middle>
 <section pn="section-1" numbered="true"><name>Introduction</name></section>
 <section pn="section-3" numbered="true"><name>Three</name><section pn="section-3.1"><name>Sub</name></section></section>
</middle>
<back>
 <references pn="section-7"><name>References</name><references pn="section-7.1"><name>Normative References</name></references></references>
 <section pn="section-appendix.a" numbered="true"><name>Schema</name><section pn="section-appendix.a.1"><name>Deep</name></section></section>
 <section pn="section-appendix.b" numbered="false"><name>Acknowledgements</name></section>
</back></rfc>`,
			want: "1 Introduction|3 Three|3.1 Sub|7 References|7.1 Normative References|A Schema|A.1 Deep",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d, err := parseXML([]byte(tc.xml))
			if err != nil {
				t.Fatal(err)
			}
			if got := nums(d.sections); got != tc.want {
				t.Errorf("sections:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestParseXML_Header(t *testing.T) {
	t.Parallel()
	d, err := parseXML([]byte(`<rfc number="9110" obsoletes="2818, 7230"><front><title>HTTP Semantics</title></front><middle><section title="A"/></middle></rfc>`))
	if err != nil {
		t.Fatal(err)
	}
	if d.number != 9110 || d.title != "HTTP Semantics" || !reflect.DeepEqual(d.obsoletes, []int{2818, 7230}) {
		t.Errorf("got %d %q %v", d.number, d.title, d.obsoletes)
	}
}

// A plain-text RFC in the layout the RFC Editor publishes, with the
// quirks gen must survive.
const textRFC = `

Internet Engineering Task Force (IETF)                          A. Author
Request for Comments: 9999                                       Example
Obsoletes: 1111, 2222,                                         March 2024
           3333
Category: Standards Track

                  An Example Protocol with a Long Name
                            That Wraps

Abstract

   Text.

Table of Contents

   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . .   2
     1.1.  Terms  . . . . . . . . . . . . . . . . . . . . . . . . .   2
   2.  The Missing Heading  . . . . . . . . . . . . . . . . . . . .   3
     2.1.  Present  . . . . . . . . . . . . . . . . . . . . . . . .   3
   Appendix A.  Examples  . . . . . . . . . . . . . . . . . . . . .   4

1.  Introduction

   Some text.

1.1.  Terms

1999 was a year that starts a line in column 1, after a blank line.

Author                       Standards Track                    [Page 2]` + "\f" + `
RFC 9999                         Example                      March 2024


2.1.  Present

3.  Not in the Contents but Next in Order,
    Wrapped

Appendix A.  Examples
`

func TestParseText(t *testing.T) {
	t.Parallel()
	d, doubts, err := parseText([]byte(textRFC))
	if err != nil {
		t.Fatal(err)
	}
	want := "1 Introduction|1.1 Terms|2 The Missing Heading|2.1 Present|3 Not in the Contents but Next in Order, Wrapped|A Examples"
	if got := nums(d.sections); got != want {
		t.Errorf("sections:\n got %s\nwant %s", got, want)
	}
	if d.title != "An Example Protocol with a Long Name That Wraps" {
		t.Errorf("title = %q", d.title)
	}
	if !reflect.DeepEqual(d.obsoletes, []int{1111, 2222, 3333}) {
		t.Errorf("obsoletes = %v", d.obsoletes)
	}
	if len(doubts) != 1 || !strings.Contains(doubts[0], "no heading for 2;") {
		t.Errorf("doubts = %q", doubts)
	}
}

func TestFollows(t *testing.T) {
	t.Parallel()
	tests := []struct {
		prev, next string
		want       bool
	}{
		{"", "1", true},
		{"", "2", false},
		{"1", "1.1", true},
		{"1", "1.2", false},
		{"1.1", "2", true},
		{"15.5.4", "15.5.5", true},
		{"15.5.4", "15.6", true},
		{"15.5.4", "15.7", false},
		{"9", "A", true},
		{"A.3", "B", true},
		{"A.3", "A.4", true},
		{"B", "C.1", false},
		{"2", "1999", false},
	}
	for _, tc := range tests {
		var prev []string
		if tc.prev != "" {
			prev = strings.Split(tc.prev, ".")
		}
		if got := follows(prev, strings.Split(tc.next, ".")); got != tc.want {
			t.Errorf("follows(%s, %s) = %v, want %v", tc.prev, tc.next, got, tc.want)
		}
	}
}

func TestParseIndex(t *testing.T) {
	t.Parallel()
	idx := `                             RFC INDEX
(CREATED ON: 03/06/2024.)

2616 Hypertext Transfer Protocol -- HTTP/1.1. R. Fielding, J. Gettys, J.
     Mogul, H. Frystyk, L. Masinter, P. Leach, T. Berners-Lee. June 1999.
     (Format: TXT, PS, PDF, HTML) (Obsoletes RFC2068) (Obsoleted by
     RFC7230, RFC7231) (Updated by RFC2817) (Status: DRAFT STANDARD)

2617 Not Issued.

9110 HTTP Semantics. R. Fielding, Ed., M. Nottingham, Ed.. June 2022.
     (Format: HTML, TXT, PDF, XML) (Obsoletes RFC2818, RFC7230)
`
	got, date := parseIndex([]byte(idx))
	want := map[int]entry{
		2616: {title: "Hypertext Transfer Protocol -- HTTP/1.1", obsoletes: []int{2068}, obsoletedBy: []int{7230, 7231}},
		9110: {title: "HTTP Semantics", obsoletes: []int{2818, 7230}},
	}
	if !reflect.DeepEqual(got, want) || date != "created on 03/06/2024" {
		t.Errorf("parseIndex = %+v, %q", got, date)
	}
}

func TestRun_WritesTable(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	write := func(p, s string) {
		p = filepath.Join(src, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("list.txt", "source s https://example.com/r 0123\nindex s idx.txt\nrfc 9999 s rfc9999.txt\n")
	write("s/idx.txt", "9999 An Example Protocol with a Long Name That Wraps. A. Author. March 2024.\n     (Format: TXT) (Obsoletes RFC1111, RFC2222, RFC3333)\n")
	write("s/rfc9999.txt", textRFC)
	out := filepath.Join(src, "rfcs.txt")
	var warn strings.Builder
	if err := run(src, filepath.Join(src, "list.txt"), out, &warn); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	for _, want := range []string{
		"# source s: https://example.com/r at commit 0123\n",
		"\n9999\t\tAn Example Protocol with a Long Name That Wraps\tobsoletes=1111,2222,3333\tobsoleted-by=\tfrom=s:rfc9999.txt\n9999\t1\tIntroduction\n",
		"9999\tA\tExamples\n",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("table lacks %q:\n%s", want, b)
		}
	}
	if !strings.Contains(warn.String(), "RFC 9999: no heading for 2;") {
		t.Errorf("warnings = %q", warn.String())
	}
}
