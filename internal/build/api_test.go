package build

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	realOnce sync.Once
	realRes  *Result
	realErrs string
)

// realBuild builds the repository's own site once for every test that only
// reads the result.
func realBuild(t *testing.T) *Result {
	t.Helper()
	realOnce.Do(func() {
		res, errs := New().Build(context.Background(), os.DirFS(repoRoot), Options{})
		realRes, realErrs = res, errs.Error()
	})
	if realRes == nil {
		t.Fatalf("build failed:\n%s", realErrs)
	}
	return realRes
}

// compileSchema compiles one of the schemas the build published, with the
// other one available to its references, as a client that fetched them
// from the site would.
func compileSchema(t *testing.T, res *Result, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, n := range []string{"api/code.schema.json", "api/codes.schema.json"} {
		b, ok := res.Files.Get(n)
		if !ok {
			t.Fatalf("the build did not publish %s", n)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if err := c.AddResource("https://example.com/"+n, doc); err != nil {
			t.Fatal(err)
		}
	}
	sch, err := c.Compile("https://example.com/" + name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, name string, b []byte) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	return sch.Validate(doc)
}

// TestAPI_OutputMatchesSchemas validates every file of the JSON API the
// real site publishes against the schemas it publishes beside them.
func TestAPI_OutputMatchesSchemas(t *testing.T) {
	res := realBuild(t)
	one := compileSchema(t, res, "api/code.schema.json")
	all := compileSchema(t, res, "api/codes.schema.json")

	codesJSON, ok := res.Files.Get("api/codes.json")
	if !ok {
		t.Fatal("no api/codes.json")
	}
	if err := validate(t, all, "api/codes.json", codesJSON); err != nil {
		t.Errorf("api/codes.json: %v", err)
	}
	var list []json.RawMessage
	if err := json.Unmarshal(codesJSON, &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != len(res.Site.Statuses) {
		t.Errorf("api/codes.json has %d codes, the site %d", len(list), len(res.Site.Statuses))
	}
	perCode := regexp.MustCompile(`^api/codes/([0-9]{3})\.json$`)
	n := 0
	for _, name := range res.Files.Names() {
		if !perCode.MatchString(name) {
			continue
		}
		b, _ := res.Files.Get(name)
		if err := validate(t, one, name, b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		// The list holds the same document, in code order.
		if n >= len(list) || !bytes.Equal(mustCompact(t, b), mustCompact(t, list[n])) {
			t.Errorf("%s differs from entry %d of api/codes.json", name, n)
		}
		n++
	}
	if n != len(res.Site.Statuses) {
		t.Errorf("%d per-code files for %d codes", n, len(res.Site.Statuses))
	}
}

func mustCompact(t *testing.T, b []byte) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(v)
	return out
}

// TestAPI_SchemasRejectWrongDocuments makes sure the validation above can
// fail: each change breaks a rule the schema states.
func TestAPI_SchemasRejectWrongDocuments(t *testing.T) {
	res := realBuild(t)
	one := compileSchema(t, res, "api/code.schema.json")
	good, _ := res.Files.Get("api/codes/413.json")
	unofficial, _ := res.Files.Get("api/codes/499.json")
	for _, tc := range []struct {
		name     string
		doc      []byte
		old, new string
	}{
		{"missing field", good, `"title": "Content Too Large",`, ``},
		{"unknown field", good, `"code": 413,`, `"code": 413, "colour": "red",`},
		{"code out of range", good, `"code": 413,`, `"code": 613,`},
		{"source on a registered code", good, `"registered": true,`, `"registered": true, "source": "nginx",`},
		{"unofficial code without source", unofficial, `"source": "nginx",`, ``},
		{"alias without expression", good, `"expression": "HTTPStatus.REQUEST_ENTITY_TOO_LARGE",`, ``},
		{"spec not https", good, `"url": "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.14"`, `"url": "http://www.rfc-editor.org/"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !bytes.Contains(tc.doc, []byte(tc.old)) {
				t.Fatalf("the document has no %s", tc.old)
			}
			bad := bytes.Replace(tc.doc, []byte(tc.old), []byte(tc.new), 1)
			if err := validate(t, one, tc.name, bad); err == nil {
				t.Error("the schema accepts it")
			}
		})
	}
}

// TestAPI_Documented checks the /api/ page lists every field of the schema,
// with curl and fetch examples against the site's own address.
func TestAPI_Documented(t *testing.T) {
	res := realBuild(t)
	page, ok := res.Files.Get("api/index.html")
	if !ok {
		t.Fatal("no api/index.html")
	}
	s := string(page)
	for _, want := range []string{
		"curl -s https://statusgen.netlify.app/api/codes/429.json",
		`fetch("https://statusgen.netlify.app/api/codes/429.json")`,
		"<code>libraryName</code>", "<code>visitor</code>", "<code>constants</code>",
		"Access-Control-Allow-Origin: *",
		`<a href="/api/codes.json">`, `<a href="/api/code.schema.json">`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("/api/ lacks %s", want)
		}
	}
}
