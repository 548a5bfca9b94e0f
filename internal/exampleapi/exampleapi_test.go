package exampleapi

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/diag"
)

func text(s string) *Src {
	return &Src{Kind: SrcString, Str: s, Pos: diag.Pos{Path: "m.yaml", Line: 1, Col: 1}, Exact: true}
}

// testRoots is a request's names as Server.Do sets them.
func testRoots() *Object {
	v, err := ParseJSON(`{
		"method": "PUT", "path": "/users/1", "param": {"id": "1"}, "query": {"page": "2", "q": "a+b"},
		"header": {"if-match": "\"u1-v1\"", "range": "bytes=5-"}, "cookie": {}, "body": "{}", "size": 2,
		"json": {"name": "Ada", "tags": ["x", "y"]}, "bearer": null,
		"state": {"users": {"1": {"version": 3, "name": "Ada"}}, "n": 0},
		"data": {"files": {"a.txt": {"text": "héllo wörld"}}}}`)
	if err != nil {
		panic(err)
	}
	return v.(*Object)
}

func TestEval_Expressions(t *testing.T) {
	c := &Compiler{}
	s := NewScope(nil, nil)
	c.Define(s, "user", diag.Pos{}, text("{state.users[param.id]}"))
	c.Define(s, "etag", diag.Pos{}, text(`"u{param.id}-v{user.version}"`))
	tests := []struct{ expr, want string }{
		{`method == "PUT"`, "true"},
		{`user.version + 1`, "4"},
		{`user.version - 0.5`, "2.5"},
		{`etag`, `"u1-v3"`},
		{`header.if-match == etag`, "false"},
		{`query.page > 1 && query.page <= 2`, "true"},
		{`query.page + 1`, "3"},                // numeric text adds as a number
		{`query.q + 1`, ""},                    // text that is not a number: null
		{`query.missing ?? "1"`, "1"},          // null coalescing
		{`bearer || "anonymous"`, "anonymous"}, // || returns a value
		{`!bearer`, "true"},
		{`json.tags`, `["x","y"]`},
		{`json.tags.length`, ""}, // lists have no keys
		{`json.constructor`, ""}, // nor do objects have inherited ones
		{`len(json.tags)`, "2"},
		{`len(data.files["a.txt"].text)`, "11"},
		{`slice(data.files["a.txt"].text, 1, 4)`, "éll"},
		{`slice(data.files["a.txt"].text, -5)`, "wörld"},
		{`capture(header.range, "^bytes=([0-9]*)-([0-9]*)$", 1)`, "5"},
		{`capture(header.range, "^bytes=([0-9]*)-([0-9]*)$", 2)`, ""},
		{`capture(header.range, "^bytes=([0-9]*)-([0-9]*)$", 3) == null`, "true"},
		{`capture(header.range, "^items=([0-9]*)$", 1) == null`, "true"},
		{`lower(json.name) ~ "^ad"`, "true"},
		{`bearer ~ ".*"`, "false"}, // null matches nothing
		{`bearer !~ "x"`, "true"},
		{`json.name ? "named" : "anonymous"`, "named"},
		{`min(3, query.page)`, "2"},
		{`num("007") + num("x")`, ""},
		{`{} == null`, "false"},
		{"`v{user.version}{{braces}}`", "v3{braces}"},
		{`[1, "a", true]`, `[1,"a",true]`},
		{`-user.version`, "-3"},
	}
	for _, tc := range tests {
		e := c.Expr(s, text(tc.expr))
		if c.Errs.HasErrors() {
			t.Fatalf("%s: %v", tc.expr, c.Errs)
		}
		if got := str(eval(e, testRoots())); got != tc.want {
			t.Errorf("%s = %q, want %q (compiled %s)", tc.expr, got, tc.want, Stringify(toValue(e), ""))
		}
	}
}

// toValue makes a compiled expression printable.
func toValue(e any) any {
	if l, ok := e.([]any); ok {
		out := make([]any, len(l))
		for i, x := range l {
			out[i] = toValue(x)
		}
		return out
	}
	return e
}

func TestTemplate_OneExpressionIsItsValue(t *testing.T) {
	c := &Compiler{}
	s := NewScope(nil, nil)
	for tmpl, want := range map[string]string{
		"{state.users}":          `{"1":{"version":3,"name":"Ada"}}`,
		"users: {state.n}":       "users: 0",
		"{state.n}{state.n}":     "00",
		"plain text, {{braces}}": "plain text, {braces}",
	} {
		e := c.Template(s, text(tmpl))
		if got := str(eval(e, testRoots())); got != want {
			t.Errorf("%s = %q, want %q", tmpl, got, want)
		}
	}
	if c.Errs.HasErrors() {
		t.Fatal(c.Errs)
	}
	if e := c.Template(s, text("{state.n}")); e == nil || str(eval(e, testRoots())) != "0" {
		t.Errorf("a lone expression is not its value: %v", e)
	}
	if _, ok := eval(c.Template(s, text("{state.n}")), testRoots()).(float64); !ok {
		t.Error("a lone {number} became text")
	}
}

func TestCompile_ErrorsArePositioned(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`methd == "GET"`, `m.yaml:1:1: error: unknown name "methd" (did you mean "method"?)`},
		{`method == "GET" == true`, `m.yaml:1:17: error: compare once`},
		{`method == `, `m.yaml:1:11: error: want a value, got end of expression`},
		{`param.idd`, `m.yaml:1:7: error: param.idd: the route has no {idd} in its path (it has {id})`},
		{`capture(body, "(?i)x", 1)`, `m.yaml:1:15: error: regexp: no (? groups`},
		{`body ~ "(a+)+$"`, `m.yaml:1:8: error: regexp: a repetition inside a repetition`},
		{`body ~ "\\s"`, `regexp: \s means different things`},
		{`body ~ json.re`, `m.yaml:1:8: error: ~ wants a regular expression written as "text"`},
		{`len(body, 2)`, `m.yaml:1:1: error: len takes 1 arguments, not 2`},
		{`size(body)`, `unknown function size`},
		{`"unclosed`, `m.yaml:1:1: error: text is not closed`},
		{`{"a": 1}`, `only the empty object {} can be written`},
		{`self`, `let: "self" is defined in terms of itself`},
		{"`{method x`", "m.yaml:1:10: error: want '}' to end the expression that starts at '{', got \"x\""},
		{"1 + " + strings.Repeat("5", 400), `m.yaml:1:5: error: the number 55555555555555555555… is too large`},
	}
	for _, tc := range tests {
		c := &Compiler{}
		s := NewScope(nil, []string{"id"})
		c.Define(s, "self", diag.Pos{Path: "m.yaml", Line: 9, Col: 3}, text("{self}"))
		c.Expr(s, text(tc.expr))
		if got := c.Errs.Error(); !strings.Contains(got, tc.want) {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.expr, got, tc.want)
		}
	}
}

func TestTarget_OnlyState(t *testing.T) {
	c := &Compiler{}
	s := NewScope(nil, nil)
	if p := c.Target(s, text("state.users[json.id].name")); len(p) != 3 || p[0] != "users" || p[2] != "name" {
		t.Errorf("path = %v", p)
	}
	c.Target(s, text("data.users"))
	if !strings.Contains(c.Errs.Error(), "not a place to store") {
		t.Errorf("data is not refused: %v", c.Errs)
	}
}

// TestNumbers_OutOfRangeAreJavaScripts: numbers past a float's range, and
// NaN, print as the page's String(v) and JSON.stringify print them. The
// fuzzer found FormatNumber panicking on Infinity.
func TestNumbers_OutOfRangeAreJavaScripts(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want string
	}{
		{math.Inf(1), "Infinity"}, {math.Inf(-1), "-Infinity"}, {math.NaN(), "NaN"},
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1e21, "1e+21"}, {1.5e-7, "1.5e-7"}, {123.5, "123.5"},
	} {
		if got := FormatNumber(tc.f); got != tc.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
	// A decimal text with more digits than a float holds is Infinity, as
	// +v makes it on the page, and sums with it stay Infinity.
	roots, err := ParseJSON(`{"query": {"big": "` + strings.Repeat("9", 400) + `"}}`)
	if err != nil {
		t.Fatal(err)
	}
	c := &Compiler{}
	e := c.Expr(NewScope(nil, nil), text("query.big + 1"))
	if c.Errs.HasErrors() {
		t.Fatal(c.Errs)
	}
	v := eval(e, roots.(*Object))
	if got := str(v); got != "Infinity" {
		t.Errorf("query.big + 1 shows as %q, want Infinity", got)
	}
	if got := Stringify(v, ""); got != "null" {
		t.Errorf("query.big + 1 as JSON is %s, want null", got)
	}
}

func TestStringify_IsJavaScripts(t *testing.T) {
	v, err := ParseJSON(`{"b": 1, "10": "x", "a": [true, null, 1.5e-7, 1e21, "q\"\\\n\u0001é"], "2": {}, "01": []}`)
	if err != nil {
		t.Fatal(err)
	}
	// Array-index keys first, in numeric order ("01" is not one), as
	// JSON.stringify(JSON.parse(...)) orders them.
	want := `{"2":{},"10":"x","b":1,"a":[true,null,1.5e-7,1e+21,"q\"\\\n\u0001é"],"01":[]}`
	if got := Stringify(v, ""); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := Stringify(v.(*Object).vals["a"], "  "); got != "[\n  true,\n  null,\n  1.5e-7,\n  1e+21,\n  \"q\\\"\\\\\\n\\u0001é\"\n]" {
		t.Errorf("indented: %s", got)
	}
}

// testModel is a model with one route, compiled as the loader does.
func testModel(t *testing.T) *Model {
	t.Helper()
	c := &Compiler{}
	s := NewScope(NewScope(nil, nil), []string{"id"})
	c.Define(s, "item", diag.Pos{}, text("{state.items[param.id]}"))
	state, _ := ParseJSON(`{"items": {"1": {"n": 1}}}`)
	rule := func(status int, when, reason string) Rule {
		r := Rule{Status: status, Reason: c.Template(s, text(reason))}
		if when != "" {
			r.When = []any{c.Expr(s, text(when))}
		}
		return r
	}
	ok := rule(200, "", "found {param.id}")
	ok.Methods = []string{"GET", "HEAD"}
	ok.Body = c.Template(s, text("{item}"))
	ok.Headers = []Header{{Name: "ETag", Value: c.Template(s, text(`"i{param.id}"`))}, {Name: "X-Gone", Value: c.Template(s, text("{state.none}"))}}
	del := rule(204, "", "deleted")
	del.Methods = []string{"DELETE"}
	del.Set = []Assign{{Path: c.Target(s, text("state.items[param.id]")), Value: nil}}
	m := &Model{Host: "api.test", Date: "Tue, 14 Apr 2026 09:30:00 GMT", State: Value{state},
		Phrases: map[string]string{"200": "OK", "204": "No Content", "404": "Not Found"},
		Routes: []Route{{Path: "/items/{id}", Rules: []Rule{
			rule(404, "!item", "no item {param.id}"), ok, del,
		}}}}
	if c.Errs.HasErrors() {
		t.Fatal(c.Errs)
	}
	return m
}

func TestServer_WritesRealisticMessages(t *testing.T) {
	m := testModel(t)
	s := NewServer(m)
	ex := s.Do(Request{Method: "GET", Path: "items/1", Headers: "X-A: 1\nbroken line\nX-A: 2\nHost: evil\nBad Name: x\n  Accept :  */*  "})
	wantReq := "GET /items/1 HTTP/1.1\nHost: api.test\nX-A: 1\nX-A: 2\nAccept: */*"
	if ex.Request != wantReq {
		t.Errorf("request:\n%s\nwant\n%s", ex.Request, wantReq)
	}
	wantResp := "HTTP/1.1 200 OK\nDate: Tue, 14 Apr 2026 09:30:00 GMT\nContent-Type: application/json\nContent-Length: 12\nETag: \"i1\"\n\n{\n  \"n\": 1\n}"
	if ex.Response != wantResp || ex.Reason != "found 1" {
		t.Errorf("response:\n%s\nwant\n%s\nreason %q", ex.Response, wantResp, ex.Reason)
	}
	head := s.Do(Request{Method: "HEAD", Path: "/items/1"})
	if !strings.Contains(head.Response, "Content-Length: 12") || strings.Contains(head.Response, "{") {
		t.Errorf("HEAD keeps the length and drops the body:\n%s", head.Response)
	}
	del := s.Do(Request{Method: "DELETE", Path: "/items/1", Body: "é"})
	if !strings.Contains(del.Request, "Content-Length: 2\n\né") {
		t.Errorf("the body's length is in bytes:\n%s", del.Request)
	}
	if del.Status != 204 || strings.Contains(del.Response, "Content-") {
		t.Errorf("204 has no body and no length:\n%s", del.Response)
	}
	// The state remembers the deletion, and a new server starts afresh.
	if ex := s.Do(Request{Method: "GET", Path: "/items/1"}); ex.Status != 404 || !strings.Contains(ex.Response, `"title": "Not Found"`) {
		t.Errorf("after DELETE: %d\n%s", ex.Status, ex.Response)
	}
	if ex := NewServer(m).Do(Request{Method: "GET", Path: "/items/1"}); ex.Status != 200 {
		t.Errorf("a new server got %d", ex.Status)
	}
}

func TestModel_JSONRoundTripAnswersTheSame(t *testing.T) {
	m := testModel(t)
	b, err := m.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var back Model
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, r := range []Request{{Method: "GET", Path: "/items/1"}, {Method: "DELETE", Path: "/items/1"}, {Method: "GET", Path: "/items/2"}} {
		a, b := NewServer(m).Do(r), NewServer(&back).Do(r)
		if a.Response != b.Response || a.Reason != b.Reason {
			t.Errorf("%v: the model from JSON answers\n%s\nnot\n%s", r, b.Response, a.Response)
		}
	}
}
