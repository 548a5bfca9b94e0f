package content

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

func toolsSite(builder, chooser string) fstest.MapFS {
	page := func(code string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ncode: " + code + "\ntitle: T" + code + "\nsummary: S.\nspec: {name: N, url: \"https://example.com\"}\nregistered: true\n---\nBody.\n")}
	}
	fs := fstest.MapFS{
		"content/site.yaml":     {Data: []byte(fuzzSiteYAML)},
		"content/status/200.md": page("200"),
		"content/status/404.md": page("404"),
		"content/status/410.md": page("410"),
	}
	if builder != "" {
		fs[BuilderFile] = &fstest.MapFile{Data: []byte(builder)}
	}
	if chooser != "" {
		fs[ChooserFile] = &fstest.MapFile{Data: []byte(chooser)}
	}
	return fs
}

const goodBuilder = `summary: A tiny API.
host: api.example.com
date: "Tue, 14 Apr 2026 09:30:00 GMT"
state:
  items: {"1": {n: 1}}
data: {}
routes:
  - path: /items/{id}
    about: One item.
    let:
      item: "{state.items[param.id]}"
    rules:
      - method: GET
        when: "!item"
        status: 404
        reason: No item {param.id}.
      - method: DELETE
        set:
          state.items[param.id]: null
          state.gone: true
        status: 200
        reason: Deleted.
      - status: 200
        body: "{item}"
        reason: Item {param.id}.
  - path: "*"
    rules:
      - status: 404
        reason: Nothing at {path}.
presets:
  - code: 200
    title: Read an item
    method: GET
    path: /items/1
  - code: 404
    title: Read a deleted item
    before: [delete]
    method: GET
    path: /items/1
  - id: delete
    code: 200
    title: Delete an item
    method: DELETE
    path: /items/1
`

const goodChooser = `summary: Which code?
start: start
nodes:
  - id: start
    question: Is it there?
    answers:
      - answer: "Yes"
        next: ok
      - answer: "No"
        next: why
  - id: why
    question: Was it removed?
    answers:
      - answer: "Yes"
        next: gone
      - answer: "No"
        next: missing
  - id: ok
    code: 200
    reason: It is there.
    instead:
      - code: 404
        why: It is there.
  - id: gone
    code: 410
    reason: Removed for good.
    instead:
      - code: 404
        why: You know it was removed.
  - id: missing
    code: 404
    reason: Not there.
    instead:
      - code: 410
        why: You do not know.
`

func TestLoadTools(t *testing.T) {
	c, errs := Load(toolsSite(goodBuilder, goodChooser))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	b := c.Builder
	if len(b.Examples) != 3 {
		t.Fatalf("%d examples", len(b.Examples))
	}
	if ex := b.Examples[1].Exchange; ex.Status != 404 || ex.Reason != "No item 1." || !strings.Contains(ex.Response, `"title": "T404"`) {
		t.Errorf("the preset after delete: %d %q\n%s", ex.Status, ex.Reason, ex.Response)
	}
	if b.Model.Phrases["404"] != "T404" {
		t.Errorf("phrases = %v", b.Model.Phrases)
	}
	if n := c.Chooser.Node("gone"); n == nil || n.Code != 410 || n.Instead[0].Code != 404 {
		t.Errorf("gone = %+v", n)
	}
}

func TestLoadTools_Errors(t *testing.T) {
	tests := []struct {
		name           string
		chooser        bool // the change is to the chooser
		old, new, want string
	}{
		{"unknown key", false, "    about: One item.\n", "    abuot: One item.\n", `request-builder.yaml:9:5: error: unknown key "routes[1].abuot" (did you mean "about"?)`},
		{"code without a page", false, "status: 404\n        reason: No item", "status: 418\n        reason: No item", "request-builder.yaml:15:17: error: status: 418 has no page in content/status"},
		{"code without a preset", false, "        status: 200\n        reason: Deleted.", "        status: 410\n        reason: Deleted.", `request-builder.yaml:21:17: error: status: no preset gets 410: add one with code: 410`},
		{"preset that does not reproduce", false, "path: /items/1\n  - code: 404", "path: /items/2\n  - code: 404", `request-builder.yaml:31:11: error: preset "200": GET /items/2 gets 404, not 200, from the rule on line 13: "No item 2."`},
		{"bad expression", false, `when: "!item"`, `when: "!itme"`, `request-builder.yaml:14:17: error: unknown name "itme" (did you mean "item"?)`},
		{"rules that do not end", false, "      - status: 200\n        body:", "      - method: GET\n        status: 200\n        body:", "the rules of /items/{id} do not end"},
		{"no fallback route", false, "  - path: \"*\"\n    rules:\n      - status: 404\n        reason: Nothing at {path}.\n", "", `the last route must be path: "*"`},
		{"preset before an unknown one", false, "before: [delete]", "before: [remove]", `before: no preset has the id "remove"`},
		{"presets before each other", false, "  - id: delete\n    code: 200\n", "  - id: delete\n    code: 200\n    before: [\"404\"]\n", `before: the presets come before each other: 404 → delete → 404`},
		{"preset id that is another code", false, "  - id: delete\n", "  - id: \"404\"\n", `a preset named by a code must get that code: "404" gets 200`},
		{"assignment to data", false, "state.gone: true", "data.gone: true", `set: "data.gone" is not a place to store`},
		{"a cycle", true, "        next: missing\n", "        next: start\n", `next: "start" is the start: an answer cannot lead back`},
		{"a cycle below the start", true, "        next: missing\n", "        next: why\n", `chooser.yaml:17:15: error: next: "why" leads back to a question on its way, so the questions never end: start → why → why`},
		{"an answer to nowhere", true, "next: gone", "next: gon", `chooser.yaml:15:15: error: next: no node has the id "gon" (did you mean "gone"?)`},
		{"a node nobody reaches", true, "        next: missing\n", "        next: gone\n", `node "missing" cannot be reached from the start`},
		{"a leaf code without a page", true, "    code: 410\n", "    code: 411\n", `chooser.yaml:25:11: error: code: 411 has no page in content/status (did you mean 410?)`},
		{"a runner-up that is the answer", true, "      - code: 410\n        why: You do not know.", "      - code: 404\n        why: You do not know.", "instead: 404 is the answer itself"},
		{"a question with a code", true, "    question: Was it removed?\n", "    question: Was it removed?\n    code: 200\n", "a node asks a question or gives a code, not both"},
		{"a question without answers", true, "    question: Was it removed?\n    answers:\n      - answer: \"Yes\"\n        next: gone\n      - answer: \"No\"\n        next: missing\n",
			"    question: Was it removed?\n    answers: []\n", "chooser.yaml:13:14: error: nodes[2].answers: a question needs two answers or more"},
		{"unknown key in the chooser", true, "    reason: Not there.", "    raeson: Not there.", `unknown key "nodes[5].raeson" (did you mean "reason"?)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, ch := goodBuilder, goodChooser
			src := &b
			if tc.chooser {
				src = &ch
			}
			if !strings.Contains(*src, tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			*src = strings.Replace(*src, tc.old, tc.new, 1)
			_, errs := Load(toolsSite(b, ch))
			if !strings.Contains(errs.Error(), tc.want) {
				t.Errorf("got:\n%v\nwant %s", errs, tc.want)
			}
		})
	}
}

func TestLoadTools_StrayFile(t *testing.T) {
	fs := toolsSite(goodBuilder, "")
	fs["content/tools/notes.md"] = &fstest.MapFile{Data: []byte("x")}
	if _, errs := Load(fs); !strings.Contains(errs.Error(), "content/tools/notes.md: error: unexpected file") {
		t.Errorf("got %v", errs)
	}
}

// TestLoadTools_RealContent checks the floor: the builder can
// return at least 25 codes, and the chooser covers the decisions it lists.
func TestLoadTools_RealContent(t *testing.T) {
	c, errs := Load(os.DirFS("../.."))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	codes := map[int]bool{}
	for _, ex := range c.Builder.Examples {
		codes[ex.Exchange.Status] = true
	}
	if len(codes) < 25 {
		t.Errorf("the builder's presets get %d codes, want 25 or more", len(codes))
	}
	leaves := map[int]bool{}
	for _, n := range c.Chooser.Nodes {
		leaves[n.Code] = true
	}
	for _, code := range []int{200, 201, 202, 204, 301, 302, 303, 307, 308, 400, 401, 403, 404, 409, 410, 412, 422, 429, 500, 502, 503, 504} {
		if !leaves[code] {
			t.Errorf("no chooser leaf gives %d", code)
		}
	}
}
