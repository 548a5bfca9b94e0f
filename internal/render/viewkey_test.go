package render

import (
	"reflect"
	"testing"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/markdown"
	"github.com/statusgen/statusgen/internal/site"
)

// fullView is a view with every field set, so that mutating any leaf can be
// seen in the key.
func fullView() *view {
	card := statusCard{URL: "/status/404/", Code: 404, Title: "Not Found", Summary: "S", Registered: true, Deprecated: true,
		Source: "x", Aka: []string{"a"}, Class: classRef{Digit: 4, Name: "4xx", Title: "Client Error", URL: "/status/4xx/"}}
	cc := conceptCard{URL: "/concepts/caching/", Title: "Caching", Summary: "S"}
	ref := codeRef{Code: 404, Title: "Not Found", URL: "/status/404/", Digit: 4}
	return &view{
		Config:    content.Config{Title: "T", Description: "D", BaseURL: "B", Repository: "R", Branch: "main", Language: "en"},
		Site:      siteView{Concepts: true, SearchIndex: "/s.json", Builder: "/b/", Chooser: "/c/"},
		Canonical: "C",
		JSONLD:    []any{ldAnswer{Type: "Answer", Text: "A"}},
		Inject:    "<script></script>",
		Page: pageView{Kind: "status", URL: "/u/", Title: "T", Description: "D", Crumbs: []site.Crumb{{Name: "N", URL: "/"}}, EditURL: "E",
			NoIndex: true, Markdown: "/u/index.md",
			API: &apiView{Codes: 1, Fields: []apiField{{Name: "n", Type: "t", Required: true, Description: "d"}},
				ConstantFields: []apiField{{Name: "n", Type: "t", Required: true, Description: "d"}}, ExampleCode: 404, Example: "{}", ExampleNote: "n"},
			Home: &homeView{Classes: []classView{{classRef: card.Class, Intro: "I", Spec: content.Spec{Name: "N", URL: "U"}, Members: []statusCard{card},
				Registered: []statusCard{card}, Unofficial: []statusCard{card}}}, Concepts: []conceptCard{cc}},
			Class: &classView{classRef: card.Class, Intro: "I", Members: []statusCard{card}, Registered: []statusCard{card}, Unofficial: []statusCard{card}},
			Status: &statusView{statusCard: card, Aka: []string{"a"}, Visitor: "V",
				Constants: []constantView{{ID: "go", Library: "L", Language: "Go", SourceURL: "U", Version: "v",
					constantName: constantName{Name: "N", Expression: "http.N", Deprecated: true, Note: "n"},
					Aliases:      []constantName{{Name: "A", Expression: "http.A", Deprecated: true, Note: "n"}}}}, Spec: content.Spec{Name: "N", URL: "U"}, Keywords: []string{"k"},
				Headings: []markdown.Heading{{Level: 2, ID: "i", Text: "t", Line: 3}}, TOC: []tocEntry{{ID: "i", Text: "t"}}, Body: "b", FAQ: []faqView{{Q: "q", A: "a"}},
				Related: []statusCard{card}, Concepts: []conceptCard{cc}, Prev: &card, Next: &card, TryIt: "/b/#preset-404"},
			Concept: &conceptView{conceptCard: cc, Keywords: []string{"k"}, Headings: []markdown.Heading{{Level: 2, ID: "i", Text: "t"}}, TOC: []tocEntry{{ID: "i", Text: "t"}},
				Body: "b", FAQ: []faqView{{Q: "q", A: "a"}}, Statuses: []statusCard{card}, Related: []conceptCard{cc}},
			Builder: &builderView{ModelURL: "/m.json", Methods: []string{"GET"}, Presets: []presetOption{{ID: "404", Label: "L"}},
				Endpoints: []endpointView{{Path: "/p", Methods: "GET", About: "A"}},
				Examples:  []exampleView{{Anchor: "preset-404", ID: "404", Title: "T", Code: ref, Reason: "R", Before: []string{"b"}, Request: "GET /", Response: "HTTP/1.1 404"}}},
			Chooser: &chooserView{Start: true, StartURL: "/c/", TreeURL: "/c/t.json", Question: "Q", Help: "H",
				Answers: []answerView{{Label: "L", URL: "/c/n/"}}, Trail: []stepView{{Question: "Q", URL: "/c/", Answer: "A"}},
				Code: &ref, Reason: "R", Instead: []altView{{Code: ref, Why: "W"}}, TryIt: "/b/#preset-404"},
		},
	}
}

// TestViewKey_CoversEveryField changes each field of a view, one at a time,
// and checks that the key changes: a field the key missed would let the
// page cache serve a stale page.
func TestViewKey_CoversEveryField(t *testing.T) {
	base := viewKey(fullView(), &fragments{})
	n := 0
	var walk func(path string, get func(*view) reflect.Value, typ reflect.Type)
	walk = func(path string, get func(*view) reflect.Value, typ reflect.Type) {
		switch typ.Kind() {
		case reflect.Pointer:
			walk(path, func(v *view) reflect.Value { return get(v).Elem() }, typ.Elem())
		case reflect.Struct:
			for i := 0; i < typ.NumField(); i++ {
				i := i
				walk(path+"."+typ.Field(i).Name, func(v *view) reflect.Value { return get(v).Field(i) }, typ.Field(i).Type)
			}
		case reflect.Slice:
			walk(path+"[0]", func(v *view) reflect.Value { return get(v).Index(0) }, typ.Elem())
		case reflect.Interface:
			// JSON-LD: covered through its dynamic value.
			v := fullView()
			get(v).Set(reflect.ValueOf(ldAnswer{Type: "Answer", Text: "B"}))
			check(t, path, base, v, &n)
		default:
			v := fullView()
			f := get(v)
			switch f.Kind() {
			case reflect.String:
				f.SetString(f.String() + "!")
			case reflect.Bool:
				f.SetBool(!f.Bool())
			case reflect.Int:
				f.SetInt(f.Int() + 1)
			default:
				t.Fatalf("%s: a %s field: teach this test to change it", path, f.Kind())
			}
			check(t, path, base, v, &n)
		}
	}
	walk("view", func(v *view) reflect.Value { return reflect.ValueOf(v).Elem() }, reflect.TypeOf(view{}))
	if n < 50 {
		t.Errorf("only %d fields changed; the walk missed some", n)
	}
	// Fragments count by their content address.
	frags := &fragments{keys: [][32]byte{{1}}}
	if viewKey(fullView(), frags) == viewKey(fullView(), &fragments{keys: [][32]byte{{2}}}) {
		t.Error("the key ignores the fragments' content")
	}
}

func check(t *testing.T, path string, base [32]byte, v *view, n *int) {
	t.Helper()
	*n++
	if viewKey(v, &fragments{}) == base {
		t.Errorf("changing %s does not change the page key", path)
	}
}
