package content

import (
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/exampleapi"
)

// The interactive tools' data: the request builder's example API and the
// status code chooser's decision tree.
const (
	ToolsDir    = "content/tools"
	BuilderFile = ToolsDir + "/request-builder.yaml"
	ChooserFile = ToolsDir + "/chooser.yaml"
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

// Chooser is ChooserFile: a tree of questions whose leaves are codes.
type Chooser struct {
	Summary string
	Start   string         // the id of the first question
	Nodes   []*ChooserNode // in the file's order
}

// Node returns the node with the given id, or nil.
func (c *Chooser) Node(id string) *ChooserNode {
	for _, n := range c.Nodes {
		if n.ID == id {
			return n
		}
	}
	return nil
}

// ChooserNode is a question, with answers leading to other nodes, or a
// leaf, with the code to return.
type ChooserNode struct {
	ID       string
	Question string
	Help     string // a sentence under the question
	Answers  []ChooserAnswer
	Code     int    // a leaf's code; 0 for questions
	Reason   string // why this code, in one line
	Instead  []ChooserAlt
	Pos      diag.Pos
	CodePos  diag.Pos
}

// ChooserAnswer is one answer to a question.
type ChooserAnswer struct {
	Label string
	Next  string
	Pos   diag.Pos // of next
}

// ChooserAlt is a runner-up code and why it is not the answer.
type ChooserAlt struct {
	Code int
	Why  string
	Pos  diag.Pos
}

// parseYAML parses the bytes of the data file p, whose root must be a
// mapping; what names the file in messages.
func parseYAML(p, what string, src []byte, errs *diag.List) (*document, bool) {
	if !isText(p, src, what, what, errs) {
		return nil, false
	}
	src = normalize(src)
	doc := &document{path: p, src: src}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		errs.Append(yamlError(doc, err, src))
		return nil, false
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		errs.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "%s must be a mapping of keys to values", what)
		return nil, false
	}
	doc.root = root.Content[0]
	return doc, true
}

// toolFiles reports files in ToolsDir that are neither tool.
func toolFiles(fsys fs.FS, errs *diag.List) {
	if isSymlink(fsys, ToolsDir) {
		errs.Errorf(diag.Pos{Path: ToolsDir}, "%s", symlinkDirMsg)
		return
	}
	entries, err := fs.ReadDir(fsys, ToolsDir)
	if err != nil {
		return
	}
	for _, e := range entries {
		p := path.Join(ToolsDir, e.Name())
		if !ignored(e.Name()) && p != BuilderFile && p != ChooserFile {
			errs.Errorf(diag.Pos{Path: p}, "unexpected file: %s holds only %s and %s", ToolsDir, path.Base(BuilderFile), path.Base(ChooserFile))
		}
	}
}

// src converts a YAML node into the example API's source form.
func (d *document) toSrc(n *yaml.Node, errs *diag.List) *exampleapi.Src {
	s := &exampleapi.Src{Pos: d.pos(n)}
	switch n.Kind {
	case yaml.ScalarNode:
		for _, r := range n.Value {
			if forbiddenChar(r) {
				errs.Errorf(s.Pos, "control character %U is not allowed", r)
				return s
			}
		}
		switch n.Tag {
		case "!!str":
			s.Kind, s.Str = exampleapi.SrcString, n.Value
			s.Exact, s.Pos.Col = d.exact(n)
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
			if err != nil {
				errs.Errorf(s.Pos, "%q is not a number this model can use; quote it for text", n.Value)
			}
			s.Kind, s.Num = exampleapi.SrcNumber, f
		case "!!bool":
			s.Kind = exampleapi.SrcBool
			_ = n.Decode(&s.Bool)
		case "!!null":
		default:
			errs.Errorf(s.Pos, "%s: quote it to write text", describe(n))
		}
	case yaml.MappingNode:
		s.Kind = exampleapi.SrcMap
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				errs.Errorf(d.pos(k), "keys must be plain words")
				continue
			}
			if seen[k.Value] {
				errs.Errorf(d.pos(k), "duplicate key %q", k.Value)
				continue
			}
			seen[k.Value] = true
			s.Keys = append(s.Keys, k.Value)
			s.KeyPos = append(s.KeyPos, d.pos(k))
			s.Items = append(s.Items, d.toSrc(v, errs))
		}
	case yaml.SequenceNode:
		s.Kind = exampleapi.SrcList
		for _, it := range n.Content {
			s.Items = append(s.Items, d.toSrc(it, errs))
		}
	case yaml.AliasNode:
		errs.Errorf(s.Pos, "aliases (*name) are not allowed: write the value out")
	}
	return s
}

// exact reports whether a string scalar's value is written on one line
// exactly as it is, so that columns in it are columns in the file, and the
// column its first character is at.
func (d *document) exact(n *yaml.Node) (bool, int) {
	col := n.Column
	if strings.Contains(n.Value, "\n") {
		return false, col
	}
	line := n.Line + d.yamlLine
	lines := strings.SplitN(string(d.src), "\n", line+1)
	if line < 1 || line > len(lines) {
		return false, col
	}
	rs := []rune(lines[line-1])
	if col < 1 || col > len(rs)+1 {
		return false, col
	}
	rest := string(rs[col-1:])
	switch n.Style {
	case 0:
		return strings.HasPrefix(rest, n.Value), col
	case yaml.DoubleQuotedStyle:
		return strings.HasPrefix(rest, `"`+n.Value+`"`), col + 1
	case yaml.SingleQuotedStyle:
		return strings.HasPrefix(rest, "'"+n.Value+"'"), col + 1
	}
	return false, col
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

var nodeIDRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func decodeChooser(src []byte, errs *diag.List) *Chooser {
	doc, ok := parseYAML(ChooserFile, "the chooser", src, errs)
	if !ok {
		return nil
	}
	m := newMapping(doc, doc.root, "", []string{"summary", "start", "nodes"}, errs)
	ch := &Chooser{}
	var at diag.Pos
	ch.Summary, at = m.str("summary", true)
	checkSummary(ch.Summary, at, errs)
	var startPos diag.Pos
	ch.Start, startPos = m.str("start", true)
	for i, item := range m.seq("nodes", true) {
		if item.Kind != yaml.MappingNode {
			errs.Errorf(doc.pos(item), "nodes: entry %d: want a mapping with id: and question: or code:, got %s", i+1, describe(item))
			continue
		}
		nm := newMapping(doc, item, fmt.Sprintf("nodes[%d].", i+1), []string{"id", "question", "help", "answers", "code", "reason", "instead"}, errs)
		n := &ChooserNode{Pos: doc.pos(item)}
		var idPos diag.Pos
		n.ID, idPos = nm.str("id", true)
		if n.ID != "" && !nodeIDRE.MatchString(n.ID) {
			errs.Errorf(idPos, "%s: %q: use lower-case words joined by '-', it is the page's address", nm.name("id"), n.ID)
		}
		if prev := ch.Node(n.ID); prev != nil && n.ID != "" {
			errs.Errorf(idPos, "%s: %q is already the id of the node on line %d", nm.name("id"), n.ID, prev.Pos.Line)
			continue
		}
		_, isQ := nm.values["question"]
		_, isLeaf := nm.values["code"]
		switch {
		case isQ && isLeaf:
			errs.Errorf(n.Pos, "%s: a node asks a question or gives a code, not both", strings.TrimSuffix(nm.prefix, "."))
		case isQ:
			n.Question, at = nm.str("question", true)
			checkPlain("question", n.Question, at, 160, errs)
			n.Help, at = nm.str("help", false)
			checkPlain("help", n.Help, at, 300, errs)
			for _, key := range []string{"reason", "instead"} {
				if _, ok := nm.values[key]; ok {
					errs.Errorf(nm.pos(nm.keys[key]), "%s: only a node with a code has one", nm.name(key))
				}
			}
			answers := nm.seq("answers", true)
			if v, ok := nm.values["answers"]; ok && len(answers) < 2 {
				errs.Errorf(nm.pos(v), "%s: a question needs two answers or more", nm.name("answers"))
			}
			for j, a := range answers {
				if a.Kind != yaml.MappingNode {
					errs.Errorf(doc.pos(a), "%s: entry %d: want answer: and next:, got %s", nm.name("answers"), j+1, describe(a))
					continue
				}
				am := newMapping(doc, a, fmt.Sprintf("%s[%d].", nm.name("answers"), j+1), []string{"answer", "next"}, errs)
				var ans ChooserAnswer
				ans.Label, at = am.str("answer", true)
				checkPlain("answer", ans.Label, at, 200, errs)
				ans.Next, ans.Pos = am.str("next", true)
				n.Answers = append(n.Answers, ans)
			}
		case isLeaf:
			for _, key := range []string{"help", "answers"} {
				if _, ok := nm.values[key]; ok {
					errs.Errorf(nm.pos(nm.keys[key]), "%s: only a question has one", nm.name(key))
				}
			}
			n.Code, n.CodePos, _ = nm.integer("code", true)
			n.Reason, at = nm.str("reason", true)
			checkPlain("reason", n.Reason, at, 200, errs)
			for j, a := range nm.seq("instead", true) {
				if a.Kind != yaml.MappingNode {
					errs.Errorf(doc.pos(a), "%s: entry %d: want code: and why:, got %s", nm.name("instead"), j+1, describe(a))
					continue
				}
				am := newMapping(doc, a, fmt.Sprintf("%s[%d].", nm.name("instead"), j+1), []string{"code", "why"}, errs)
				var alt ChooserAlt
				alt.Code, alt.Pos, _ = am.integer("code", true)
				alt.Why, at = am.str("why", true)
				checkPlain("why", alt.Why, at, 300, errs)
				n.Instead = append(n.Instead, alt)
			}
		default:
			errs.Errorf(n.Pos, "%s: a node needs question: (with answers:) or code: (with reason: and instead:)", strings.TrimSuffix(nm.prefix, "."))
		}
		ch.Nodes = append(ch.Nodes, n)
	}
	if ch.Start != "" && ch.Node(ch.Start) == nil {
		errs.Errorf(startPos, "start: no node has the id %q", ch.Start)
	} else if s := ch.Node(ch.Start); s != nil && s.Question == "" {
		errs.Errorf(startPos, "start: %q is a code, not a question", ch.Start)
	}
	checkTree(ch, errs)
	return ch
}

// checkTree checks that the chooser is a tree: every answer leads to a
// node, no answer leads back to a question on its way, every node is
// reached from the start by exactly one answer.
func checkTree(ch *Chooser, errs *diag.List) {
	// Walk from the start; a node met again on its own path is a cycle,
	// reported once, at the answer that leads back.
	back := map[diag.Pos]bool{}
	onPath, seen := map[string]bool{}, map[string]bool{}
	var walk func(n *ChooserNode, trail []string)
	walk = func(n *ChooserNode, trail []string) {
		seen[n.ID], onPath[n.ID] = true, true
		trail = append(trail, n.ID)
		for _, a := range n.Answers {
			next := ch.Node(a.Next)
			switch {
			case next == nil:
			case a.Next == ch.Start:
				back[a.Pos] = true
				errs.Errorf(a.Pos, "next: %q is the start: an answer cannot lead back to the first question", a.Next)
			case onPath[a.Next]:
				back[a.Pos] = true
				errs.Errorf(a.Pos, "next: %q leads back to a question on its way, so the questions never end: %s → %s", a.Next, strings.Join(trail, " → "), a.Next)
			case !seen[a.Next]:
				walk(next, trail)
			}
		}
		onPath[n.ID] = false
	}
	start := ch.Node(ch.Start)
	if start != nil {
		walk(start, nil)
	}
	from := map[string]diag.Pos{}
	for _, n := range ch.Nodes {
		for _, a := range n.Answers {
			switch {
			case a.Next == "" || back[a.Pos] || a.Next == ch.Start:
			case ch.Node(a.Next) == nil:
				msg := fmt.Sprintf("next: no node has the id %q", a.Next)
				var ids []string
				for _, x := range ch.Nodes {
					ids = append(ids, x.ID)
				}
				if s := closest(a.Next, ids); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				}
				errs.Errorf(a.Pos, "%s", msg)
			default:
				if prev, ok := from[a.Next]; ok {
					errs.Errorf(a.Pos, "next: %q is already the next node of the answer on line %d; every node has one way in, so that its page can show the answers that lead to it", a.Next, prev.Line)
					continue
				}
				from[a.Next] = a.Pos
			}
		}
	}
	for _, n := range ch.Nodes {
		if !seen[n.ID] && n.ID != "" && start != nil {
			errs.Errorf(n.Pos, "node %q cannot be reached from the start: no answer leads to it", n.ID)
		}
	}
}

// checkChooser checks the codes of the chooser's leaves against the pages.
func checkChooser(ch *Chooser, codes map[int]bool, known []int, errs *diag.List) {
	if ch == nil {
		return
	}
	unknown := func(code int, at diag.Pos, key string) {
		msg := fmt.Sprintf("%s: %d has no page in %s", key, code, StatusDir)
		if k, ok := closestCode(code, known); ok {
			msg += fmt.Sprintf(" (did you mean %d?)", k)
		}
		errs.Errorf(at, "%s", msg)
	}
	for _, n := range ch.Nodes {
		if n.Question != "" || n.Code == 0 {
			continue
		}
		if !codes[n.Code] {
			unknown(n.Code, n.CodePos, "code")
		}
		seen := map[int]bool{}
		for _, alt := range n.Instead {
			switch {
			case alt.Code == n.Code:
				errs.Errorf(alt.Pos, "instead: %d is the answer itself", alt.Code)
			case seen[alt.Code]:
				errs.Errorf(alt.Pos, "instead: %d is listed twice", alt.Code)
			case !codes[alt.Code]:
				unknown(alt.Code, alt.Pos, "instead")
			}
			seen[alt.Code] = true
		}
	}
}
