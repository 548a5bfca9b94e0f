package check

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/cite"
	"github.com/statusgen/statusgen/internal/diag"
)

// position returns the line and column of the first s in text, as a
// diagnostic names them.
func position(t *testing.T, text, s string) string {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("no %q in the page", s)
	}
	line, col := lineCol([]byte(text), i)
	return fmt.Sprintf("%d:%d", line, col)
}

func TestRun_ChecksCitationsInFrontmatterAndBody(t *testing.T) {
	fsys := goodSite(t)
	f := fsys["content/status/404.md"]
	page := string(f.Data)
	page = strings.Replace(page, `"Filled in: its answer."`, `"RFC 9110, Section 11.3 (Credentials) says so."`, 1)
	page = strings.Replace(page, "## Notes\n", "## Notes\n\nRead Section 15.5.77 of\nRFC 9110 and RFC 7231.\n", 1)
	f.Data = []byte(page)
	want := []string{
		"content/status/404.md:" + position(t, page, "RFC 9110, Section 11.3") +
			`: error: citation: RFC 9110, Section 11.3 is "Challenge and Response", not "Credentials" (that is Section 11.4)`,
		"content/status/404.md:" + position(t, page, "Section 15.5.77") +
			`: error: citation: RFC 9110 has no Section 15.5.77; Section 15.5 "Client Error 4xx" has 15.5.1 to 15.5.22`,
		"content/status/404.md:" + position(t, page, "RFC 7231") +
			": warning: citation: RFC 7231 is obsoleted by RFC 9110; cite RFC 9110",
	}
	got := runCheck(t, fsys)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRun_KeywordsMayNameObsoletedRFCs(t *testing.T) {
	fsys := goodSite(t)
	f := fsys["content/status/404.md"]
	page := string(f.Data)
	i := strings.Index(page, "keywords: [")
	if i < 0 {
		t.Fatal("the page has no keywords")
	}
	f.Data = []byte(page[:i] + "keywords: [RFC 7231, " + page[i+len("keywords: ["):])
	if got := runCheck(t, fsys); len(got) != 0 {
		t.Errorf("unexpected problems:\n%s", strings.Join(got, "\n"))
	}
}

// The real pages cite RFC sections hundreds of times; every citation
// must hold up against the RFCs.
func TestRealContent_HasNoCitationProblems(t *testing.T) {
	res, errs := build.New().Build(context.Background(), os.DirFS("../.."), build.Options{})
	if res == nil {
		t.Fatal(errs)
	}
	cites, err := cite.Load()
	if err != nil {
		t.Fatal(err)
	}
	var got diag.List
	for _, st := range res.Site.Statuses {
		checkCitations(page{path: st.Path, text: st.Status.Text, body: st.Status.Body, keys: st.Status.Keys, spec: st.Status.Spec}, cites, &got)
	}
	for _, cp := range res.Site.Concepts {
		checkCitations(page{path: cp.Path, text: cp.Concept.Text, body: cp.Concept.Body, keys: cp.Concept.Keys}, cites, &got)
	}
	for _, d := range got {
		t.Error(d)
	}
}

func TestLineCol(t *testing.T) {
	text := []byte("ab\ncd\n\nef")
	tests := []struct{ off, line, col int }{{0, 1, 1}, {1, 1, 2}, {3, 2, 1}, {6, 3, 1}, {8, 4, 2}}
	for _, tc := range tests {
		if l, c := lineCol(text, tc.off); l != tc.line || c != tc.col {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
		if tc.col == 1 && lineOffset(text, tc.line) != tc.off {
			t.Errorf("lineOffset(%d) = %d, want %d", tc.line, lineOffset(text, tc.line), tc.off)
		}
	}
}
