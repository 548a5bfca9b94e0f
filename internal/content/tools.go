package content

import (
	"io/fs"
	"path"
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
