package cite

import (
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func load(t *testing.T) *Table {
	t.Helper()
	tab, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tab
}

func TestLoad_CoversTheCoreRFCs(t *testing.T) {
	t.Parallel()
	tab := load(t)
	for _, n := range []int{2616, 4918, 6585, 7231, 9110, 9111, 9112, 9113, 9457} {
		r, ok := tab.RFC(n)
		if !ok {
			t.Errorf("RFC %d is not in the table", n)
			continue
		}
		if r.Title == "" || len(r.Sections) == 0 {
			t.Errorf("RFC %d: title %q, %d sections", n, r.Title, len(r.Sections))
		}
	}
}

// Every section's parent is in the table too, except where the RFC itself
// skips a level: RFC 2068 and RFC 2616 number 13.1.1 without a 13.1.
func TestLoad_SectionsNest(t *testing.T) {
	t.Parallel()
	tab := load(t)
	skips := map[string]bool{"2068 13.1": true, "2616 13.1": true}
	for _, n := range tab.Numbers() {
		r, _ := tab.RFC(n)
		for _, s := range r.Sections {
			p := parent(s.Num)
			if _, ok := r.Section(p); p != "" && !ok && !skips[strconv.Itoa(n)+" "+p] {
				t.Errorf("RFC %d has %s but not %s", n, s.Num, p)
			}
			if s.Title == "" {
				t.Errorf("RFC %d, %s has no title", n, s.Name())
			}
		}
	}
}

func TestRFC_Section(t *testing.T) {
	t.Parallel()
	tab := load(t)
	tests := []struct {
		rfc        int
		num, title string
	}{
		{9110, "15.5.5", "404 Not Found"},
		{9110, "11.3", "Challenge and Response"},
		{9110, "11.4", "Credentials"},
		{9110, "A", "Collected ABNF"},
		{9110, "B.3", "Changes from RFC 7231"},
		{9110, "19.1", "Normative References"},
		{6585, "4", "429 Too Many Requests"},
		{4918, "11.2", "422 Unprocessable Entity"},
		{2616, "10.4.5", "404 Not Found"},
		{9457, "3.1.1", `"type"`},
	}
	for _, tc := range tests {
		r, _ := tab.RFC(tc.rfc)
		s, ok := r.Section(tc.num)
		if !ok || s.Title != tc.title {
			t.Errorf("RFC %d, %s = %q, %v; want %q", tc.rfc, tc.num, s.Title, ok, tc.title)
		}
	}
}

func TestTable_Current(t *testing.T) {
	t.Parallel()
	tab := load(t)
	tests := []struct {
		rfc  int
		want []int
	}{
		{9110, []int{9110}},
		{7231, []int{9110}},
		{7230, []int{9110, 9112}},
		{2616, []int{9110, 9111, 9112}},
		{2068, []int{9110, 9111, 9112}},
		{2518, []int{4918}},
		{7238, []int{9110}},
		{7807, []int{9457}},
		{1, []int{1}}, // not in the table: taken to be current
	}
	for _, tc := range tests {
		if got := tab.Current(tc.rfc); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Current(%d) = %v, want %v", tc.rfc, got, tc.want)
		}
	}
}

func TestRFC_Nearby(t *testing.T) {
	t.Parallel()
	tab := load(t)
	r, _ := tab.RFC(9110)
	tests := []struct{ num, want string }{
		{"15.5.99", `Section 15.5 "Client Error 4xx" has 15.5.1 to 15.5.22`},
		{"15.5.5.1", `Section 15.5.5 "404 Not Found" has no subsections`},
		{"15.9.1", `Section 15 "Status Codes" has 15.1 to 15.6`},
		{"20", "RFC 9110 has Sections 1 to 19 and Appendices A to B"},
		{"B.10", `Appendix B "Changes from Previous RFCs" has B.1 to B.9`},
	}
	for _, tc := range tests {
		if got := r.Nearby(tc.num); got != tc.want {
			t.Errorf("Nearby(%s) = %s, want %s", tc.num, got, tc.want)
		}
	}
}

func TestParse_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, text, want string }{
		{"columns", "9110 only", "want rfc, section and title"},
		{"number", "x\t\tTitle", `rfc "x" is not a number`},
		{"orphan", "9110\t1\tIntroduction", "comes before the RFC's own row"},
		{"twice", "9110\t\tA\n9110\t\tB", "listed twice"},
		{"duplicate section", "9110\t\tA\n9110\t1\tX\n9110\t1\tY", "section 1 twice"},
		{"bad list", "9110\t\tA\tobsoleted-by=x", "obsoleted-by"},
	}
	for _, tc := range tests {
		if _, err := Parse(tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// The table is generated from gen/sources.txt: an RFC added there and not
// generated, or left in the table after it was removed there, fails here.
func TestTable_MatchesItsSources(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("internal/gen/sources.txt")
	if err != nil {
		t.Fatal(err)
	}
	var listed []int
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 4 && f[0] == "rfc" {
			n, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatalf("sources.txt: %q", line)
			}
			listed = append(listed, n)
		}
	}
	sort.Ints(listed)
	if got := load(t).Numbers(); !reflect.DeepEqual(got, listed) {
		t.Errorf("the table has RFCs %v\nsources.txt lists %v\nrun internal/cite/internal/gen", got, listed)
	}
}
