// Package exampleapi is the request builder's example API: a small HTTP
// server described as data (content/tools/request-builder.yaml), compiled
// to the JSON the page's script interprets (model.json), and an evaluator
// that answers a request exactly as that script does.
//
// There is one source of truth, the compiled model. The build runs every
// preset through Server to check that it gets the code it claims and to
// print the page's example exchanges; tools.js runs the same model.json in
// the browser; the browser tests compare the two on every preset.
package exampleapi

import (
	"encoding/json"

	"github.com/statusgen/statusgen/internal/diag"
)

// Model is what model.json holds.
type Model struct {
	Host string `json:"host"`
	// Date is the server's clock, which stands still: every response
	// carries it.
	Date string `json:"date"`
	// Phrases are the reason phrases of the codes the rules return, by
	// code, from the site's pages.
	Phrases map[string]string `json:"phrases"`
	State   Value             `json:"state"` // what the server remembers, as it starts
	Data    Value             `json:"data"`  // what it knows and never changes
	Routes  []Route           `json:"routes"`
	Presets []Preset          `json:"presets"`
}

// Route is a path pattern and the rules that answer requests to it.
type Route struct {
	// Path is a pattern: literal segments and {name}s, which match one
	// segment each; "*" matches any path.
	Path  string   `json:"path"`
	Rules []Rule   `json:"rules"`
	About string   `json:"-"` // what the endpoint is, for the page
	Pos   diag.Pos `json:"-"`
}

// Rule is one answer: the first rule of the route whose methods and
// conditions all match the request gives the response.
type Rule struct {
	Methods []string `json:"methods,omitempty"`
	When    []any    `json:"when,omitempty"` // conditions, all of which must be true
	// Set are assignments to the state, made in order before the
	// response is written, so that it shows the state after them.
	Set     []Assign `json:"set,omitempty"`
	Status  int      `json:"status"`
	Headers []Header `json:"headers,omitempty"`
	// Body is a template: text, or a value printed as JSON. A response
	// of 400 or more without one gets an RFC 9457 problem body.
	Body   any      `json:"body,omitempty"`
	Detail any      `json:"detail,omitempty"` // the problem body's detail
	Reason any      `json:"reason"`           // one sentence: why this code
	Pos    diag.Pos `json:"-"`
	// StatusPos is where the code is written.
	StatusPos diag.Pos `json:"-"`
}

// Header is a response header: a template; a header whose value is null
// is left out.
type Header struct {
	Name  string `json:"n"`
	Value any    `json:"v"`
}

// Assign stores a value in the state: Path are the keys after "state".
type Assign struct {
	Path  []any `json:"p"`
	Value any   `json:"v"`
}

// Preset is an example request, shown on the page and loaded into the
// builder by its id.
type Preset struct {
	ID    string `json:"id"`
	Code  int    `json:"code"` // what it gets, checked by the build
	Title string `json:"title"`
	// Before are the presets sent first, in order, on a fresh server
	// (their own Before too): the ten searches before the one that is
	// refused.
	Before  []string `json:"before,omitempty"`
	Request Request  `json:"request"`
	Pos     diag.Pos `json:"-"`
	CodePos diag.Pos `json:"-"`
}

// Request is what a reader types into the builder.
type Request struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	// Headers are "Name: value" lines, as in the headers box.
	Headers string `json:"headers,omitempty"`
	Body    string `json:"body,omitempty"`
}

// Exchange is a request and the response it got.
type Exchange struct {
	Status int
	Phrase string
	Reason string
	// Request and Response are the messages as they would go over the
	// wire in HTTP/1.1 (with line feeds for CRLFs).
	Request, Response string
	Rule              *Rule // the rule that answered
}

// JSON returns model.json.
func (m *Model) JSON() ([]byte, error) { return json.Marshal(m) }

// Preset returns the preset with the given id, or nil.
func (m *Model) Preset(id string) *Preset {
	for i := range m.Presets {
		if m.Presets[i].ID == id {
			return &m.Presets[i]
		}
	}
	return nil
}
