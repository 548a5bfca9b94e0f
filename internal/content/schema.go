package content

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/statusgen/statusgen/internal/diag"
)

// mapping is a validated view of one YAML mapping: every key is known and
// appears once. Getters record a diagnostic for each value of the wrong type
// and return the zero value, so decoding always runs to the end.
type mapping struct {
	doc    *document
	errs   *diag.List
	node   *yaml.Node
	values map[string]*yaml.Node
	keys   map[string]*yaml.Node
	prefix string // "spec." for the keys of a nested mapping
}

// keyPos returns the position of every key present.
func (m *mapping) keyPos() map[string]diag.Pos {
	out := make(map[string]diag.Pos, len(m.keys))
	for k, n := range m.keys {
		out[k] = m.pos(n)
	}
	return out
}

// name is key as a contributor sees it in messages, e.g. "spec.url".
func (m *mapping) name(key string) string { return m.prefix + key }

// newMapping checks n's keys against allowed, reporting unknown and
// duplicate keys.
func newMapping(doc *document, n *yaml.Node, prefix string, allowed []string, errs *diag.List) *mapping {
	m := &mapping{doc: doc, errs: errs, node: n, prefix: prefix,
		values: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if k.Kind != yaml.ScalarNode {
			errs.Errorf(doc.pos(k), "keys must be plain words")
			continue
		}
		if !contains(allowed, name) {
			msg := fmt.Sprintf("unknown key %q", m.prefix+name)
			if s := closest(name, allowed); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			errs.Errorf(doc.pos(k), "%s", msg)
			continue
		}
		if prev, dup := m.keys[name]; dup {
			errs.Errorf(doc.pos(k), "duplicate key %q (first set on line %d)", m.prefix+name, doc.pos(prev).Line)
			continue
		}
		m.keys[name], m.values[name] = k, v
	}
	return m
}

func (m *mapping) pos(n *yaml.Node) diag.Pos { return m.doc.pos(n) }

// missing reports a required key that is absent, at the mapping itself.
func (m *mapping) missing(key string) {
	p := m.pos(m.node)
	if m.node == m.doc.root {
		// The root mapping's position is its first key; point at the
		// opening delimiter instead, which is where the key list starts.
		p = diag.Pos{Path: m.doc.path, Line: m.doc.yamlLine, Col: 1}
	}
	m.errs.Errorf(p, "missing required key %q", m.name(key))
}

// scalar returns the value for key if it is a scalar with one of tags.
func (m *mapping) scalar(key string, required bool, want string, tags ...string) (*yaml.Node, bool) {
	v, ok := m.values[key]
	if !ok {
		if required {
			m.missing(key)
		}
		return nil, false
	}
	if v.Kind != yaml.ScalarNode || !contains(tags, v.Tag) {
		m.errs.Errorf(m.pos(v), "%s: want %s, got %s", m.name(key), want, describe(v))
		return nil, false
	}
	if !m.plainChars(key, v) {
		return nil, false
	}
	return v, true
}

// plainChars reports a value holding control characters, which no page
// text needs and which can hide what a reviewer reads: terminal escapes,
// NULs, and the bidirectional overrides that reorder text on screen.
func (m *mapping) plainChars(key string, v *yaml.Node) bool {
	for _, r := range v.Value {
		if forbiddenChar(r) {
			m.errs.Errorf(m.pos(v), "%s: control character %U is not allowed", m.name(key), r)
			return false
		}
	}
	return true
}

// forbiddenChar reports the characters frontmatter text must not contain:
// C0 and C1 controls other than tab and line feed, and the bidirectional
// embedding, override and isolate controls.
func forbiddenChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func (m *mapping) str(key string, required bool) (string, diag.Pos) {
	v, ok := m.scalar(key, required, "a string", "!!str")
	if !ok {
		return "", diag.Pos{}
	}
	if required && strings.TrimSpace(v.Value) == "" {
		m.errs.Errorf(m.pos(v), "%s: must not be empty", m.name(key))
	}
	return strings.TrimSpace(v.Value), m.pos(v)
}

func (m *mapping) integer(key string, required bool) (int, diag.Pos, bool) {
	v, ok := m.scalar(key, required, "a whole number", "!!int")
	if !ok {
		return 0, diag.Pos{}, false
	}
	n, err := strconv.Atoi(v.Value)
	if err != nil {
		m.errs.Errorf(m.pos(v), "%s: %q is not a whole number", m.name(key), v.Value)
		return 0, diag.Pos{}, false
	}
	return n, m.pos(v), true
}

func (m *mapping) boolean(key string, required bool) (bool, bool) {
	v, ok := m.scalar(key, required, "true or false", "!!bool")
	if !ok {
		return false, false
	}
	var b bool
	if err := v.Decode(&b); err != nil {
		m.errs.Errorf(m.pos(v), "%s: %v", m.name(key), err)
		return false, false
	}
	return b, true
}

// seq returns the items of the sequence at key.
func (m *mapping) seq(key string, required bool) []*yaml.Node {
	v, ok := m.values[key]
	if !ok {
		if required {
			m.missing(key)
		}
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		m.errs.Errorf(m.pos(v), "%s: want a list, got %s", m.name(key), describe(v))
		return nil
	}
	return v.Content
}

// oneOrList returns the value at key as a list: the items of a sequence,
// or the value itself, for keys where one item may be written without the
// list around it. It returns nil if key is absent.
func (m *mapping) oneOrList(key string) []*yaml.Node {
	v, ok := m.values[key]
	switch {
	case !ok:
		return nil
	case v.Kind == yaml.SequenceNode:
		return v.Content
	default:
		return []*yaml.Node{v}
	}
}

// strList decodes a list of strings. Numbers are accepted when numbers is
// set, for lists such as keywords where "404" is a natural entry.
func (m *mapping) strList(key string, required, numbers bool) ([]string, []diag.Pos) {
	var out []string
	var pos []diag.Pos
	for _, item := range m.seq(key, required) {
		ok := item.Kind == yaml.ScalarNode && (item.Tag == "!!str" || numbers && item.Tag == "!!int")
		if !ok {
			m.errs.Errorf(m.pos(item), "%s: want a string, got %s (quote it)", key, describe(item))
			continue
		}
		if !m.plainChars(key, item) {
			continue
		}
		if strings.TrimSpace(item.Value) == "" {
			m.errs.Errorf(m.pos(item), "%s: entries must not be empty", key)
			continue
		}
		out = append(out, strings.TrimSpace(item.Value))
		pos = append(pos, m.pos(item))
	}
	return out, pos
}

func (m *mapping) intList(key string, required bool) ([]int, []diag.Pos) {
	var out []int
	var pos []diag.Pos
	for _, item := range m.seq(key, required) {
		n, err := strconv.Atoi(item.Value)
		if item.Kind != yaml.ScalarNode || item.Tag != "!!int" || err != nil {
			m.errs.Errorf(m.pos(item), "%s: want a status code, got %s", key, describe(item))
			continue
		}
		out = append(out, n)
		pos = append(pos, m.pos(item))
	}
	return out, pos
}

// sub returns the mapping at key.
func (m *mapping) sub(key string, required bool, allowed []string) *mapping {
	v, ok := m.values[key]
	if !ok {
		if required {
			m.missing(key)
		}
		return nil
	}
	if v.Kind != yaml.MappingNode {
		m.errs.Errorf(m.pos(v), "%s: want a mapping (key: value lines), got %s", m.name(key), describe(v))
		return nil
	}
	return newMapping(m.doc, v, m.name(key)+".", allowed, m.errs)
}

// faq decodes a list of {q, a} entries.
func (m *mapping) faq(key string, required bool) []FAQ {
	var out []FAQ
	for i, item := range m.seq(key, required) {
		if item.Kind != yaml.MappingNode {
			m.errs.Errorf(m.pos(item), "%s: entry %d: want q: and a: keys, got %s", key, i+1, describe(item))
			continue
		}
		e := newMapping(m.doc, item, fmt.Sprintf("%s[%d].", m.name(key), i+1), []string{"q", "a"}, m.errs)
		q, qok := e.scalar("q", true, "a string", "!!str")
		a, aok := e.scalar("a", true, "a string", "!!str")
		if qok && strings.TrimSpace(q.Value) == "" {
			m.errs.Errorf(m.pos(q), "%s: question is empty", e.name("q"))
			qok = false
		}
		if aok && strings.TrimSpace(a.Value) == "" {
			m.errs.Errorf(m.pos(a), "%s: answer is empty", e.name("a"))
			aok = false
		}
		if qok && aok {
			f := FAQ{Q: strings.TrimSpace(q.Value), A: a.Value, APos: m.pos(a)}
			switch a.Style {
			case 0:
				f.OneLine = !strings.Contains(a.Value, "\n") && a.Value == strings.TrimSpace(a.Value)
			case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
				// Escapes would shift columns; only plain text maps 1:1.
				f.OneLine = !strings.ContainsAny(a.Value, "\n\\'\"")
				f.APos.Col++ // past the opening quote
			}
			if !f.OneLine {
				f.APos = m.pos(a)
			}
			out = append(out, f)
		}
	}
	return out
}

// describe names a node's type for error messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!str":
		return fmt.Sprintf("the text %q", n.Value)
	case "!!int":
		return "the number " + n.Value
	case "!!float":
		return "the number " + n.Value
	case "!!bool":
		return n.Value
	case "!!null":
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
