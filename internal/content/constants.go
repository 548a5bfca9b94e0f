package content

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/statusgen/statusgen/internal/diag"
)

// ConstantsFile maps status codes to their names in popular libraries.
const ConstantsFile = "content/constants.yaml"

// Constants is ConstantsFile: what each library calls each code, read from
// the library's own source, which the file names.
type Constants struct {
	Libraries []Library
	// Codes holds the names of each code, in the order of Libraries.
	Codes map[int][]Constant
	pos   map[int]diag.Pos // where each code's entry starts
}

// Library is one library whose constants the file lists.
type Library struct {
	ID       string // short identifier used in the file, e.g. "go"
	Name     string // e.g. "Go net/http"
	Language string
	Example  string // how a constant is written in code, e.g. "http.StatusNotFound"
	Source   LibrarySource
}

// LibrarySource says where a library's names were read.
type LibrarySource struct {
	Repo    string // e.g. "golang/go"
	Path    string // e.g. "src/net/http/status.go"
	Version string // tag, release or commit
}

// URL returns the address of the source file at the version read.
func (s LibrarySource) URL() string {
	return "https://github.com/" + s.Repo + "/blob/" + s.Version + "/" + s.Path
}

// Constant is one library's name for a code, with the other names the same
// library defines for it.
type Constant struct {
	Library    string // Library.ID
	Name       string
	Deprecated bool
	Note       string
	Aliases    []ConstantName
}

// ConstantName is an alternative name for a code.
type ConstantName struct {
	Name       string
	Deprecated bool
	Note       string
}

// Primary returns the name to show first for the code: Name, or, for a
// library whose only names are aliases (Rack's obsolete :not_extended),
// the first alias. The rest are the other names.
func (c Constant) Primary() (ConstantName, []ConstantName) {
	if c.Name == "" && len(c.Aliases) > 0 {
		return c.Aliases[0], c.Aliases[1:]
	}
	return ConstantName{Name: c.Name, Deprecated: c.Deprecated, Note: c.Note}, c.Aliases
}

// Expression returns how name is written in code with library lib, by
// putting it in place of the library's own name for 404 in its example:
// "TOO_MANY_REQUESTS" is "HTTPStatus.TOO_MANY_REQUESTS" in Python. Where the
// example does not hold that name (Node's example is an index expression,
// its names are reason phrases), it returns name.
func (c *Constants) Expression(lib, name string) string {
	l := c.Library(lib)
	if l == nil {
		return name
	}
	for _, k := range c.Codes[404] {
		if k.Library != lib || k.Name == "" {
			continue
		}
		if i := strings.LastIndex(l.Example, k.Name); i >= 0 {
			return l.Example[:i] + name + l.Example[i+len(k.Name):]
		}
	}
	return name
}

// Library returns the library with the given id.
func (c *Constants) Library(id string) *Library {
	for i := range c.Libraries {
		if c.Libraries[i].ID == id {
			return &c.Libraries[i]
		}
	}
	return nil
}

func decodeConstantsFile(src []byte, errs *diag.List) *Constants {
	if !isText(ConstantsFile, src, "the constants file", "the constants file", errs) {
		return nil
	}
	doc := &document{path: ConstantsFile}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		errs.Append(yamlError(doc, err, src))
		return nil
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		errs.Errorf(diag.Pos{Path: ConstantsFile, Line: 1, Col: 1}, "the constants file must be a mapping with libraries:, codes: and aliases:")
		return nil
	}
	doc.root = root.Content[0]
	return decodeConstants(doc, errs)
}

func decodeConstants(doc *document, errs *diag.List) *Constants {
	m := newMapping(doc, doc.root, "", []string{"libraries", "codes", "aliases"}, errs)
	c := &Constants{Codes: map[int][]Constant{}, pos: map[int]diag.Pos{}}
	known := map[string]bool{}
	for i, item := range m.seq("libraries", true) {
		if item.Kind != yaml.MappingNode {
			errs.Errorf(doc.pos(item), "libraries: entry %d: want a mapping, got %s", i+1, describe(item))
			continue
		}
		lm := newMapping(doc, item, fmt.Sprintf("libraries[%d].", i+1), []string{"id", "name", "language", "example", "source"}, errs)
		var l Library
		var idPos diag.Pos
		l.ID, idPos = lm.str("id", true)
		l.Name, _ = lm.str("name", true)
		l.Language, _ = lm.str("language", true)
		l.Example, _ = lm.str("example", false)
		if src := lm.sub("source", true, []string{"repo", "path", "version"}); src != nil {
			l.Source.Repo, _ = src.str("repo", true)
			l.Source.Path, _ = src.str("path", true)
			l.Source.Version, _ = src.str("version", true)
		}
		if known[l.ID] {
			errs.Errorf(idPos, "libraries: id %q is listed twice", l.ID)
		}
		known[l.ID] = true
		c.Libraries = append(c.Libraries, l)
	}
	order := map[string]int{}
	for i, l := range c.Libraries {
		order[l.ID] = i
	}
	eachCode(doc, m, "codes", errs, func(code int, lib string, v *yaml.Node, at diag.Pos) {
		if !known[lib] {
			errs.Errorf(at, "codes: %d: unknown library %q (libraries: lists %s)", code, lib, quoteIDs(c.Libraries))
			return
		}
		n, ok := decodeName(doc, v, fmt.Sprintf("codes: %d: %s", code, lib), errs)
		if ok {
			c.Codes[code] = append(c.Codes[code], Constant{Library: lib, Name: n.Name, Deprecated: n.Deprecated, Note: n.Note})
		}
	}, c.pos)
	aliases := map[int]diag.Pos{}
	eachCode(doc, m, "aliases", errs, func(code int, lib string, v *yaml.Node, at diag.Pos) {
		if !known[lib] {
			errs.Errorf(at, "aliases: %d: unknown library %q", code, lib)
			return
		}
		if v.Kind != yaml.SequenceNode {
			errs.Errorf(doc.pos(v), "aliases: %d: %s: want a list of {name, deprecated, note}, got %s", code, lib, describe(v))
			return
		}
		var names []ConstantName
		for _, item := range v.Content {
			if n, ok := decodeName(doc, item, fmt.Sprintf("aliases: %d: %s", code, lib), errs); ok {
				names = append(names, n)
			}
		}
		list := c.Codes[code]
		for i := range list {
			if list[i].Library == lib {
				list[i].Aliases = append(list[i].Aliases, names...)
				return
			}
		}
		// A library whose only names for a code are aliases (Rack's
		// obsolete symbols).
		c.Codes[code] = append(list, Constant{Library: lib, Aliases: names})
	}, aliases)
	for code, list := range c.Codes {
		sort.SliceStable(list, func(i, j int) bool { return order[list[i].Library] < order[list[j].Library] })
		if _, ok := c.pos[code]; !ok {
			c.pos[code] = aliases[code]
		}
	}
	return c
}

// eachCode walks a mapping of codes to mappings of library ids.
func eachCode(doc *document, m *mapping, key string, errs *diag.List, f func(code int, lib string, v *yaml.Node, at diag.Pos), pos map[int]diag.Pos) {
	v, ok := m.values[key]
	if !ok {
		return
	}
	if v.Kind != yaml.MappingNode {
		errs.Errorf(doc.pos(v), "%s: want a mapping of codes, got %s", key, describe(v))
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, libs := v.Content[i], v.Content[i+1]
		code, err := strconv.Atoi(k.Value)
		if k.Tag != "!!int" || err != nil || code < minCode || code > maxCode {
			errs.Errorf(doc.pos(k), "%s: %q is not a status code", key, k.Value)
			continue
		}
		if _, dup := pos[code]; dup {
			errs.Errorf(doc.pos(k), "%s: %d is listed twice", key, code)
			continue
		}
		pos[code] = doc.pos(k)
		if libs.Kind != yaml.MappingNode {
			errs.Errorf(doc.pos(libs), "%s: %d: want a mapping of library ids to names, got %s", key, code, describe(libs))
			continue
		}
		for j := 0; j+1 < len(libs.Content); j += 2 {
			f(code, libs.Content[j].Value, libs.Content[j+1], doc.pos(libs.Content[j]))
		}
	}
}

// decodeName reads a name written as a string or as {name, deprecated, note}.
func decodeName(doc *document, v *yaml.Node, what string, errs *diag.List) (ConstantName, bool) {
	if v.Kind == yaml.ScalarNode {
		if v.Value == "" || v.Tag != "!!str" && v.Tag != "!!int" {
			errs.Errorf(doc.pos(v), "%s: want a name, got %s", what, describe(v))
			return ConstantName{}, false
		}
		return ConstantName{Name: v.Value}, true
	}
	if v.Kind != yaml.MappingNode {
		errs.Errorf(doc.pos(v), "%s: want a name or {name, deprecated, note}, got %s", what, describe(v))
		return ConstantName{}, false
	}
	nm := newMapping(doc, v, what+": ", []string{"name", "deprecated", "note"}, errs)
	var n ConstantName
	n.Name, _ = nm.str("name", true)
	n.Deprecated, _ = nm.boolean("deprecated", false)
	n.Note, _ = nm.str("note", false)
	return n, n.Name != ""
}

func quoteIDs(ls []Library) string {
	var b []byte
	for i, l := range ls {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, l.ID)
	}
	return string(b)
}

// checkConstants reports codes in the constants file that have no page.
func checkConstants(c *Constants, codes map[int]bool, errs *diag.List) {
	if c == nil {
		return
	}
	for code, p := range c.pos {
		if !codes[code] {
			errs.Errorf(p, "%d has no page in %s; add one, or leave the code out of the constants file", code, StatusDir)
		}
	}
}
