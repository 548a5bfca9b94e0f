package explain

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func realIndex(t *testing.T) *Index {
	t.Helper()
	ix, err := Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		args        []string
		code, class int
		text        string
	}{
		{[]string{"429"}, 429, 0, "429"},
		{[]string{"4XX"}, 0, 4, "4XX"},
		{[]string{"rate", " limit "}, 0, 0, "rate limit"},
		{[]string{"1000"}, -1, 0, "1000"},
		{[]string{"42"}, 42, 0, "42"},
	} {
		q, err := ParseQuery(tc.args)
		if err != nil || q.Code != tc.code || q.Class != tc.class || q.Text != tc.text {
			t.Errorf("ParseQuery(%q) = %+v, %v", tc.args, q, err)
		}
	}
	if _, err := ParseQuery([]string{" "}); err == nil {
		t.Error("an empty query parses")
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"StatusTooManyRequests": "status too many requests",
		"I_AM_A_TEAPOT":         "i am a teapot",
		"I'm a teapot":          "im a teapot",
		"  Rate-Limiting!":      "rate limiting",
		":content_too_large":    "content too large",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSearch ranks what people type: a name first, then keywords, then
// library constants.
func TestSearch(t *testing.T) {
	ix := realIndex(t)
	for _, tc := range []struct {
		query string
		first int
	}{
		{"teapot", 418},
		{"I'm a teapot", 418},
		{"rate limit", 429},
		{"not found", 404},
		{"payload too large", 413},
		{"StatusTeapot", 418},
		{"HTTPStatus.TOO_MANY_REQUESTS", 429},
		{"unprocessable_entity", 422},
		{"bad gateway", 502},
	} {
		codes, _ := ix.Search(tc.query)
		if len(codes) == 0 || codes[0].Status.Code != tc.first {
			var got []int
			for _, m := range codes {
				got = append(got, m.Status.Code)
			}
			t.Errorf("Search(%q) = %v, want %d first", tc.query, got, tc.first)
		}
	}
	if codes, concepts := ix.Search("zzzz qqqq"); len(codes)+len(concepts) != 0 {
		t.Errorf("nonsense matches %d codes, %d concepts", len(codes), len(concepts))
	}
	if _, concepts := ix.Search("caching"); len(concepts) == 0 || concepts[0].Concept.Slug != "caching" {
		t.Errorf("caching: concepts = %+v", concepts)
	}
	if s := ix.Suggest("teapto"); s != "teapot" {
		t.Errorf("Suggest(teapto) = %q", s)
	}
}

func TestStatus_SuggestsANearbyCode(t *testing.T) {
	ix := realIndex(t)
	for code, want := range map[int]string{
		492:  "Did you mean 429 Too Many Requests?",
		999:  "Did you mean 599",
		1000: "List a class",
	} {
		if code == 1000 {
			code = -1
		}
		_, err := ix.Status(code)
		var nf *NotFoundError
		if !errors.As(err, &nf) || !strings.Contains(nf.Suggestion, want) {
			t.Errorf("Status(%d): %v (%+v), want %q", code, err, nf, want)
		}
	}
}

func TestWrap(t *testing.T) {
	got := wrap("one two three four https://example.com/a/very/long/url five", 10)
	want := []string{"one two", "three four", "https://example.com/a/very/long/url", "five"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q", got)
	}
	if visible("\x1b[1mbold\x1b[0m é") != 6 {
		t.Error("visible counts escape sequences or bytes")
	}
}
