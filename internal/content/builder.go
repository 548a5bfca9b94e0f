package content

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/exampleapi"
)

// Builder is BuilderFile: the request builder's example API.
type Builder struct {
	Summary string // the page's description: plain text
	Model   *exampleapi.Model
	// Examples are the presets with the exchanges they get, in the
	// file's order; set once the model is valid.
	Examples []Example
}

// fresh returns a copy of b as decoded, before checkBuilder: the phrases
// come from the pages and the examples from running the presets, which
// change with the pages while the decoded model is reused between
// builds. The routes and presets are only read and are shared.
func (b *Builder) fresh() *Builder {
	out := *b
	m := *b.Model
	m.Phrases = make(map[string]string, len(b.Model.Phrases))
	for k, v := range b.Model.Phrases {
		m.Phrases[k] = v
	}
	out.Model, out.Examples = &m, nil
	return &out
}

// Example is a preset and what the example API answers it.
type Example struct {
	Preset   *exampleapi.Preset
	Exchange exampleapi.Exchange
}

var (
	apiHostRE   = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)
	segmentRE   = regexp.MustCompile(`^([A-Za-z0-9._~-]+|\{[A-Za-z_][A-Za-z0-9_]*\})$`)
	presetIDRE  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	headerRE    = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
	httpMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
)

func decodeBuilder(src []byte, errs *diag.List) *Builder {
	doc, ok := parseYAML(BuilderFile, "the request builder's model", src, errs)
	if !ok {
		return nil
	}
	m := newMapping(doc, doc.root, "", []string{"summary", "host", "date", "state", "data", "let", "routes", "presets"}, errs)
	b := &Builder{Model: &exampleapi.Model{Phrases: map[string]string{}}}
	var at diag.Pos
	b.Summary, at = m.str("summary", true)
	checkSummary(b.Summary, at, errs)
	model := b.Model
	model.Host, at = m.str("host", true)
	if model.Host != "" && !apiHostRE.MatchString(model.Host) {
		errs.Errorf(at, "host: %q is not a host name like api.example.com", model.Host)
	}
	model.Date, at = m.str("date", true)
	if model.Date != "" {
		if t, err := http.ParseTime(model.Date); err != nil || t.UTC().Format(http.TimeFormat) != model.Date {
			errs.Errorf(at, "date: write an HTTP date like \"Tue, 14 Apr 2026 09:30:00 GMT\"")
		}
	}
	for _, key := range []string{"state", "data"} {
		v, ok := m.values[key]
		if !ok {
			m.missing(key)
			continue
		}
		if v.Kind != yaml.MappingNode {
			errs.Errorf(doc.pos(v), "%s: want a mapping, got %s", key, describe(v))
			continue
		}
		plain := exampleapi.Value{V: doc.toSrc(v, errs).Plain()}
		if key == "state" {
			model.State = plain
		} else {
			model.Data = plain
		}
	}

	c := &exampleapi.Compiler{}
	global := exampleapi.NewScope(nil, nil)
	defineLets(doc, c, global, m, errs)
	for i, item := range m.seq("routes", true) {
		if rt, ok := decodeRoute(doc, c, global, i, item, errs); ok {
			model.Routes = append(model.Routes, rt)
		}
	}
	c.Finish(global)
	if n := len(model.Routes); n > 0 && model.Routes[n-1].Path != "*" {
		errs.Errorf(model.Routes[n-1].Pos, "routes: the last route must be path: \"*\", which answers every other path")
	}
	for i, item := range m.seq("presets", true) {
		if p, ok := decodePreset(doc, i, item, errs); ok {
			model.Presets = append(model.Presets, p)
		}
	}
	errs.Append(c.Errs)
	return b
}

func defineLets(doc *document, c *exampleapi.Compiler, s *exampleapi.Scope, m *mapping, errs *diag.List) {
	v, ok := m.values["let"]
	if !ok {
		return
	}
	if v.Kind != yaml.MappingNode {
		errs.Errorf(doc.pos(v), "%s: want a mapping of names to templates, got %s", m.name("let"), describe(v))
		return
	}
	src := doc.toSrc(v, errs)
	for i, k := range src.Keys {
		c.Define(s, k, src.KeyPos[i], src.Items[i])
	}
}

func decodeRoute(doc *document, c *exampleapi.Compiler, global *exampleapi.Scope, i int, item *yaml.Node, errs *diag.List) (exampleapi.Route, bool) {
	rt := exampleapi.Route{Pos: doc.pos(item)}
	if item.Kind != yaml.MappingNode {
		errs.Errorf(doc.pos(item), "routes: entry %d: want a mapping with path: and rules:, got %s", i+1, describe(item))
		return rt, false
	}
	m := newMapping(doc, item, fmt.Sprintf("routes[%d].", i+1), []string{"path", "about", "let", "rules"}, errs)
	var at diag.Pos
	rt.Path, at = m.str("path", true)
	rt.About, _ = m.str("about", rt.Path != "*")
	var params []string
	if rt.Path != "*" && rt.Path != "" {
		if !strings.HasPrefix(rt.Path, "/") {
			errs.Errorf(at, "path: %q must start with / (or be \"*\" for every other path)", rt.Path)
		}
		for _, seg := range strings.Split(rt.Path, "/")[1:] {
			if !segmentRE.MatchString(seg) {
				errs.Errorf(at, "path: segment %q is neither a word like users nor a parameter like {id}", seg)
				continue
			}
			if strings.HasPrefix(seg, "{") {
				name := seg[1 : len(seg)-1]
				if contains(params, name) {
					errs.Errorf(at, "path: {%s} appears twice", name)
				}
				params = append(params, name)
			}
		}
	}
	if params == nil {
		params = []string{}
	}
	scope := exampleapi.NewScope(global, params)
	defineLets(doc, c, scope, m, errs)
	items := m.seq("rules", true)
	ended := false
	for j, r := range items {
		rule, ok := decodeRule(doc, c, scope, m.name(fmt.Sprintf("rules[%d].", j+1)), r, errs)
		if !ok {
			continue
		}
		if ended {
			errs.Errorf(rule.Pos, "this rule is never used: the one before it answers every request that gets this far")
		}
		if len(rule.Methods) == 0 && len(rule.When) == 0 {
			ended = true
		}
		rt.Rules = append(rt.Rules, rule)
	}
	c.Finish(scope)
	if len(items) > 0 && !ended {
		errs.Errorf(doc.pos(items[len(items)-1]), "the rules of %s do not end: the last one must have no method: and no when:, so that every request gets an answer", rt.Path)
	}
	return rt, true
}

func decodeRule(doc *document, c *exampleapi.Compiler, s *exampleapi.Scope, prefix string, item *yaml.Node, errs *diag.List) (exampleapi.Rule, bool) {
	r := exampleapi.Rule{Pos: doc.pos(item)}
	if item.Kind != yaml.MappingNode {
		errs.Errorf(doc.pos(item), "%s want a mapping with status: and reason:, got %s", strings.TrimSuffix(prefix, "."), describe(item))
		return r, false
	}
	m := newMapping(doc, item, prefix, []string{"method", "when", "set", "status", "headers", "body", "detail", "reason"}, errs)
	for _, n := range m.oneOrList("method") {
		if n.Kind != yaml.ScalarNode || !contains(httpMethods, n.Value) {
			errs.Errorf(doc.pos(n), "%s: want one of %s, or a list of them", m.name("method"), strings.Join(httpMethods, ", "))
			continue
		}
		r.Methods = append(r.Methods, n.Value)
	}
	for _, n := range m.oneOrList("when") {
		r.When = append(r.When, c.Expr(s, doc.toSrc(n, errs)))
	}
	if v, ok := m.values["set"]; ok {
		if v.Kind != yaml.MappingNode {
			errs.Errorf(doc.pos(v), "%s: want a mapping of state.NAMEs to templates, got %s", m.name("set"), describe(v))
		} else {
			src := doc.toSrc(v, errs)
			for i, k := range src.Keys {
				target := &exampleapi.Src{Kind: exampleapi.SrcString, Str: k, Pos: src.KeyPos[i], Exact: true}
				if p := c.Target(s, target); p != nil {
					r.Set = append(r.Set, exampleapi.Assign{Path: p, Value: c.Template(s, src.Items[i])})
				}
			}
		}
	}
	code, at, ok := m.integer("status", true)
	if ok && (code < minCode || code > maxCode) {
		errs.Errorf(at, "%s: %d is not a status code (100 to 599)", m.name("status"), code)
	}
	r.Status, r.StatusPos = code, at
	bodiless := code < 200 || code == 204 || code == 304
	if v, ok := m.values["headers"]; ok {
		if v.Kind != yaml.MappingNode {
			errs.Errorf(doc.pos(v), "%s: want a mapping of header names to templates, got %s", m.name("headers"), describe(v))
		} else {
			src := doc.toSrc(v, errs)
			for i, k := range src.Keys {
				switch {
				case !headerRE.MatchString(k):
					errs.Errorf(src.KeyPos[i], "headers: %q is not a header name", k)
				case strings.EqualFold(k, "Content-Length") || strings.EqualFold(k, "Date"):
					errs.Errorf(src.KeyPos[i], "headers: %s is written by the server itself", k)
				default:
					r.Headers = append(r.Headers, exampleapi.Header{Name: k, Value: c.Template(s, src.Items[i])})
				}
			}
		}
	}
	for _, key := range []string{"body", "detail"} {
		v, ok := m.values[key]
		if !ok {
			continue
		}
		if bodiless {
			errs.Errorf(doc.pos(v), "%s: a %d response has no body", m.name(key), code)
			continue
		}
		e := c.Template(s, doc.toSrc(v, errs))
		if key == "body" {
			r.Body = e
		} else {
			r.Detail = e
		}
	}
	if v, ok := m.values["reason"]; !ok {
		m.missing("reason")
	} else if v.Kind != yaml.ScalarNode || v.Tag != "!!str" || strings.TrimSpace(v.Value) == "" {
		errs.Errorf(doc.pos(v), "%s: want one sentence that says why, got %s", m.name("reason"), describe(v))
	} else {
		r.Reason = c.Template(s, doc.toSrc(v, errs))
	}
	return r, true
}

func decodePreset(doc *document, i int, item *yaml.Node, errs *diag.List) (exampleapi.Preset, bool) {
	p := exampleapi.Preset{Pos: doc.pos(item)}
	if item.Kind != yaml.MappingNode {
		errs.Errorf(doc.pos(item), "presets: entry %d: want a mapping with code:, title:, method: and path:, got %s", i+1, describe(item))
		return p, false
	}
	m := newMapping(doc, item, fmt.Sprintf("presets[%d].", i+1), []string{"id", "code", "title", "before", "method", "path", "headers", "body"}, errs)
	code, at, ok := m.integer("code", true)
	if ok && (code < minCode || code > maxCode) {
		errs.Errorf(at, "%s: %d is not a status code", m.name("code"), code)
	}
	p.Code, p.CodePos = code, at
	var idPos diag.Pos
	p.ID, idPos = m.str("id", false)
	if p.ID == "" {
		p.ID, idPos = strconv.Itoa(code), at
	}
	if !presetIDRE.MatchString(p.ID) {
		errs.Errorf(idPos, "%s: %q: use lower-case words and digits joined by '-'", m.name("id"), p.ID)
	} else if n, err := strconv.Atoi(p.ID); err == nil && n != code {
		errs.Errorf(idPos, "%s: a preset named by a code must get that code: %q gets %d", m.name("id"), p.ID, code)
	}
	p.Title, at = m.str("title", true)
	checkPlain("title", p.Title, at, 100, errs)
	p.Before, _ = m.strList("before", false, true)
	p.Request.Method, at = m.str("method", true)
	if p.Request.Method != "" && !contains(httpMethods, p.Request.Method) {
		errs.Errorf(at, "%s: want one of %s", m.name("method"), strings.Join(httpMethods, ", "))
	}
	p.Request.Path, at = m.str("path", true)
	if p.Request.Path != "" && !strings.HasPrefix(p.Request.Path, "/") {
		errs.Errorf(at, "%s: %q must start with /", m.name("path"), p.Request.Path)
	}
	if v, ok := m.scalar("headers", false, "header lines", "!!str"); ok {
		p.Request.Headers = strings.TrimRight(v.Value, "\n")
	}
	if v, ok := m.scalar("body", false, "text", "!!str"); ok {
		p.Request.Body = strings.TrimRight(v.Value, "\n")
	}
	return p, true
}

// checkBuilder runs the checks that need the status pages: every code the
// model can return has a page and a preset named by it, and every preset
// gets its code. It then records the examples.
func checkBuilder(c *Content, codes map[int]bool, errs *diag.List) {
	b := c.Builder
	if b == nil {
		return
	}
	m := b.Model
	for _, s := range c.Statuses {
		m.Phrases[strconv.Itoa(s.Code)] = s.Title
	}
	ids := map[string]*exampleapi.Preset{}
	for i := range m.Presets {
		p := &m.Presets[i]
		if prev := ids[p.ID]; prev != nil {
			errs.Errorf(p.Pos, "presets: id %q is already the id of the preset on line %d", p.ID, prev.Pos.Line)
			continue
		}
		ids[p.ID] = p
		if p.Code != 0 && !codes[p.Code] {
			errs.Errorf(p.CodePos, "code: %d has no page in %s", p.Code, StatusDir)
		}
	}
	for i := range m.Presets {
		p := &m.Presets[i]
		for _, id := range p.Before {
			if ids[id] == nil {
				errs.Errorf(p.Pos, "before: no preset has the id %q", id)
			}
		}
		if cycle := beforeCycle(m, p); cycle != nil {
			errs.Errorf(p.Pos, "before: the presets come before each other: %s", strings.Join(cycle, " → "))
		}
	}
	returned := map[int]bool{}
	for _, rt := range m.Routes {
		for i := range rt.Rules {
			r := &rt.Rules[i]
			if r.Status == 0 || returned[r.Status] {
				continue
			}
			returned[r.Status] = true
			if !codes[r.Status] {
				errs.Errorf(r.StatusPos, "status: %d has no page in %s; the builder links every code it returns", r.Status, StatusDir)
			}
			if ids[strconv.Itoa(r.Status)] == nil {
				errs.Errorf(r.StatusPos, "status: no preset gets %d: add one with code: %d (its id is the code)", r.Status, r.Status)
			}
		}
	}
	if errs.HasErrors() {
		return
	}
	for i := range m.Presets {
		p := &m.Presets[i]
		ex := m.RunPreset(p)
		if ex.Status != p.Code {
			where := ""
			if ex.Rule != nil && ex.Rule.Pos.Line > 0 {
				where = fmt.Sprintf(", from the rule on line %d: %q", ex.Rule.Pos.Line, ex.Reason)
			}
			errs.Errorf(p.CodePos, "preset %q: %s %s gets %d, not %d%s", p.ID, p.Request.Method, p.Request.Path, ex.Status, p.Code, where)
			continue
		}
		b.Examples = append(b.Examples, Example{Preset: p, Exchange: ex})
	}
}

// beforeCycle returns a chain of Before that leads from p back to p, or
// nil.
func beforeCycle(m *exampleapi.Model, p *exampleapi.Preset) []string {
	seen := map[string]bool{}
	var walk func(q *exampleapi.Preset, path []string) []string
	walk = func(q *exampleapi.Preset, path []string) []string {
		for _, id := range q.Before {
			if id == p.ID {
				return append(path, id)
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			if b := m.Preset(id); b != nil {
				if c := walk(b, append(path, id)); c != nil {
					return c
				}
			}
		}
		return nil
	}
	return walk(p, []string{p.ID})
}
