package render

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/statusgen/statusgen/internal/site"
)

// The JSON API: /api/codes.json lists every code, /api/codes/NNN.json is one
// code, and the JSON Schemas of both are published beside them. The schemas
// in schema/ are the contract: TestAPI_OutputMatchesSchemas validates the
// built files against them, and the /api/ page documents the fields from
// them.

//go:embed schema/*.schema.json
var schemaFS embed.FS

// Schema files, by output path.
var schemaFiles = map[string]string{
	"api/code.schema.json":  "schema/code.schema.json",
	"api/codes.schema.json": "schema/codes.schema.json",
}

// APICode is one status code in the JSON API: the document at
// /api/codes/NNN.json, and one entry of /api/codes.json.
type APICode struct {
	Code       int           `json:"code"`
	Title      string        `json:"title"`
	Aka        []string      `json:"aka"`
	Summary    string        `json:"summary"`
	Class      string        `json:"class"`
	Registered bool          `json:"registered"`
	Source     string        `json:"source,omitempty"`
	Deprecated bool          `json:"deprecated"`
	Spec       APISpec       `json:"spec"`
	URL        string        `json:"url"`
	Markdown   string        `json:"markdown"`
	JSON       string        `json:"json"`
	Visitor    string        `json:"visitor,omitempty"`
	Keywords   []string      `json:"keywords"`
	Related    []APIRelated  `json:"related"`
	Concepts   []APIConcept  `json:"concepts"`
	Constants  []APIConstant `json:"constants"`
}

// APISpec is the defining specification of an APICode.
type APISpec struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// APIRelated is a code to compare an APICode with.
type APIRelated struct {
	Code  int    `json:"code"`
	Title string `json:"title"`
	JSON  string `json:"json"`
}

// APIConcept is a concept page an APICode links to.
type APIConcept struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// APIConstant is a code's name in one library.
type APIConstant struct {
	Library     string     `json:"library"`
	LibraryName string     `json:"libraryName"`
	Language    string     `json:"language"`
	Name        string     `json:"name"`
	Expression  string     `json:"expression"`
	Deprecated  bool       `json:"deprecated"`
	Note        string     `json:"note,omitempty"`
	Aliases     []APIAlias `json:"aliases"`
	Source      string     `json:"source"`
	Version     string     `json:"version"`
}

// APIAlias is another name a library gives a code.
type APIAlias struct {
	Name       string `json:"name"`
	Expression string `json:"expression"`
	Deprecated bool   `json:"deprecated"`
	Note       string `json:"note,omitempty"`
}

// apiCode builds the API document of one code. Lists are never null, so
// that clients can iterate them without a check.
func apiCode(s *site.Site, st *site.Status) APICode {
	base := s.Config.BaseURL
	c := APICode{
		Code: st.Code, Title: st.Title, Aka: nonNil(st.Aka), Summary: st.Summary, Class: st.Class.Name,
		Registered: st.Registered, Source: st.Source, Deprecated: st.Deprecated,
		Spec: APISpec{Name: st.Spec.Name, URL: st.Spec.URL},
		URL:  base + st.URL, Markdown: base + site.MarkdownURL(st.URL), JSON: base + site.CodeJSONURL(st.Code),
		Visitor: st.Visitor, Keywords: nonNil(st.Keywords),
		Related: []APIRelated{}, Concepts: []APIConcept{}, Constants: []APIConstant{},
	}
	for _, r := range st.Related {
		c.Related = append(c.Related, APIRelated{Code: r.Code, Title: r.Title, JSON: base + site.CodeJSONURL(r.Code)})
	}
	for _, cp := range st.Concepts {
		c.Concepts = append(c.Concepts, APIConcept{Slug: cp.Slug, Title: cp.Title, URL: base + cp.URL})
	}
	for _, k := range constantViews(s, st.Constants) {
		ac := APIConstant{Library: k.ID, LibraryName: k.Library, Language: k.Language, Name: k.Name, Expression: k.Expression,
			Deprecated: k.Deprecated, Note: k.Note, Aliases: []APIAlias{}, Source: k.SourceURL, Version: k.Version}
		for _, a := range k.Aliases {
			ac.Aliases = append(ac.Aliases, APIAlias(a))
		}
		c.Constants = append(c.Constants, ac)
	}
	return c
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// marshalJSON encodes v with a final newline, indented unless compact, and
// without escaping <, > and &: the files are served as JSON, never inside
// HTML.
func marshalJSON(v any, compact bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if !compact {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// apiDocument returns /api/codes/NNN.json, indented, and the code's line
// of /api/codes.json (indenting that would make it a third larger).
func apiDocument(s *site.Site, st *site.Status) (doc, line []byte, err error) {
	c := apiCode(s, st)
	if doc, err = marshalJSON(c, false); err != nil {
		return nil, nil, err
	}
	line, err = marshalJSON(c, true)
	return doc, line, err
}

// apiLines returns the lines of /api/codes.json, in code order, from the
// results of the status pages.
func apiLines(s *site.Site, results []pageResult) [][]byte {
	byCode := map[int][]byte{}
	for i, p := range s.Pages {
		if p.Status != nil {
			byCode[p.Status.Code] = results[i].apiLine
		}
	}
	lines := make([][]byte, len(s.Statuses))
	for i, st := range s.Statuses {
		lines[i] = byCode[st.Code]
	}
	return lines
}

// addAPI writes /api/codes.json from the codes' lines, and the schemas.
func addAPI(add func(name string, data []byte), lines [][]byte) error {
	all := []byte("[\n")
	for i, line := range lines {
		all = append(all, line...)
		if i+1 < len(lines) {
			all = append(all[:len(all)-1], ",\n"...)
		}
	}
	add(strings.TrimPrefix(site.CodesJSON, "/"), append(all, "]\n"...))
	for out, src := range schemaFiles {
		b, err := schemaFS.ReadFile(src)
		if err != nil {
			return err
		}
		add(out, b)
	}
	return nil
}

// apiView is what the /api/ page shows: the fields of a code, read from
// its schema, and an example.
type apiView struct {
	Codes          int // how many codes the API holds
	Fields         []apiField
	ConstantFields []apiField
	ExampleCode    int
	Example        string // the example code's document, shortened
	ExampleNote    string // what was left out of it
}

// apiField documents one property of a schema.
type apiField struct {
	Name        string
	Type        string
	Required    bool
	Description string
}

func newAPIView(s *site.Site, a *site.API) *apiView {
	v := &apiView{Codes: len(s.Statuses), Fields: codeFields, ConstantFields: constantFields}
	st := a.Example
	if st == nil {
		return v
	}
	c := apiCode(s, st)
	if n := len(c.Constants); n > 2 {
		v.ExampleNote = fmt.Sprintf("constants shortened to 2 of %d", n)
		c.Constants = c.Constants[:2]
	}
	b, err := marshalJSON(c, false)
	if err == nil {
		v.ExampleCode, v.Example = st.Code, strings.TrimSuffix(string(b), "\n")
	}
	return v
}

// The fields of a code and of a constant, as the schema describes them, in
// the schema's order.
var codeFields, constantFields = schemaFields()

func schemaFields() ([]apiField, []apiField) {
	b, err := schemaFS.ReadFile("schema/code.schema.json")
	if err != nil {
		panic(err)
	}
	var sch struct {
		Properties json.RawMessage `json:"properties"`
		Required   []string        `json:"required"`
		Defs       struct {
			Constant struct {
				Properties json.RawMessage `json:"properties"`
				Required   []string        `json:"required"`
			} `json:"constant"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &sch); err != nil {
		panic("render: schema/code.schema.json: " + err.Error())
	}
	return fields(sch.Properties, sch.Required), fields(sch.Defs.Constant.Properties, sch.Defs.Constant.Required)
}

// fields lists the properties of a JSON Schema "properties" object in the
// order they are written.
func fields(props json.RawMessage, required []string) []apiField {
	dec := json.NewDecoder(bytes.NewReader(props))
	if _, err := dec.Token(); err != nil { // {
		panic(err)
	}
	var out []apiField
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			panic(err)
		}
		var p struct {
			Type        string `json:"type"`
			Description string `json:"description"`
			Format      string `json:"format"`
			Items       struct {
				Type string `json:"type"`
				Ref  string `json:"$ref"`
			} `json:"items"`
		}
		if err := dec.Decode(&p); err != nil {
			panic(err)
		}
		f := apiField{Name: tok.(string), Type: p.Type, Description: p.Description}
		switch {
		case p.Format == "uri":
			f.Type = "URL"
		case p.Type == "array" && p.Items.Type != "":
			f.Type = "array of " + p.Items.Type
		case p.Type == "array":
			f.Type = "array of objects"
		}
		for _, r := range required {
			f.Required = f.Required || r == f.Name
		}
		out = append(out, f)
	}
	return out
}
