package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

	"github.com/statusgen/statusgen/internal/diag"
)

// document is a source file split into its YAML frontmatter and its body.
type document struct {
	path   string
	src    []byte     // the file as parsed: BOM dropped, CRLF as LF
	digest string     // sha256 of the raw file
	root   *yaml.Node // the frontmatter mapping; nil if it could not be parsed
	// yamlLine is the file line of the opening "---"; a YAML node at
	// line n of the frontmatter is at file line yamlLine+n.
	yamlLine int
	body     Body
}

// pos converts a YAML node's position to a file position.
func (d *document) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Path: d.path, Line: d.yamlLine + n.Line, Col: n.Column}
}

var (
	bom          = []byte("\xef\xbb\xbf")
	yamlLineRE   = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	errNoClosing = errors.New("frontmatter is not closed: add a line \"---\" after it")
)

// parseDocument splits src into frontmatter and body. It accepts a UTF-8 byte
// order mark and CRLF line endings, which editors on Windows produce, and
// rejects what cannot be a text page at all.
func parseDocument(path string, src []byte, errs *diag.List) *document {
	at := func(line, col int) diag.Pos { return diag.Pos{Path: path, Line: line, Col: col} }
	if !isText(path, src, "a page", "pages", errs) {
		return nil
	}
	src = normalize(src)
	if len(bytes.TrimSpace(src)) == 0 {
		errs.Errorf(at(1, 1), "empty file: a page starts with \"---\", its frontmatter, \"---\" and then Markdown")
		return nil
	}

	placeholders(path, src, errs)

	// The opening delimiter is the first non-blank line; frontmatter skips
	// blank lines the same way.
	openLine := 1
	for rest := src; len(rest) > 0; openLine++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(bytes.TrimSpace(line)) != 0 {
			if string(bytes.TrimSpace(line)) != "---" {
				errs.Errorf(at(openLine, 1), "missing frontmatter: the file must start with a line \"---\"")
				return nil
			}
			break
		}
	}

	sum := sha256.Sum256(src)
	doc := &document{path: path, src: src, yamlLine: openLine, digest: hex.EncodeToString(sum[:])}
	var root yaml.Node
	var yerr error
	var ysrc []byte
	format := frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		ysrc = data
		yerr = yaml.Unmarshal(data, v)
		return nil // report YAML errors ourselves, with positions
	})
	rest, err := frontmatter.MustParse(bytes.NewReader(src), &root, format)
	switch {
	case errors.Is(err, frontmatter.ErrNotFound):
		errs.Errorf(at(openLine, 1), "%v", errNoClosing)
		return nil
	case err != nil:
		errs.Errorf(at(openLine, 1), "frontmatter: %v", err)
		return nil
	}
	bodyStart := len(src) - len(rest)
	// The body is the file's own bytes after the frontmatter, not the copy
	// frontmatter returns, so a page is held in memory once.
	doc.body = Body{Source: src[bodyStart:len(src):len(src)], Offset: bodyStart, Line: bytes.Count(src[:bodyStart], []byte("\n")) + 1}

	if yerr != nil {
		errs.Append(yamlError(doc, yerr, ysrc))
		return doc
	}
	switch {
	case root.Kind == 0 || len(root.Content) == 0:
		errs.Errorf(at(openLine, 1), "frontmatter is empty")
	case root.Content[0].Kind != yaml.MappingNode:
		errs.Errorf(doc.pos(root.Content[0]), "frontmatter must be a mapping of keys to values")
	default:
		doc.root = root.Content[0]
	}
	return doc
}

// normalize drops a UTF-8 byte order mark and turns CRLF line endings into
// LF, as editors on Windows write them.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, bom)
	if bytes.Contains(src, []byte("\r\n")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

// isText reports whether src can be a text source file at all, reporting
// why not. one and all name the kind of file: "a page", "pages".
func isText(path string, src []byte, one, all string, errs *diag.List) bool {
	at := func(line, col int) diag.Pos { return diag.Pos{Path: path, Line: line, Col: col} }
	if len(src) > maxFileSize {
		errs.Errorf(at(1, 1), "file is %d bytes, more than the %d %s may have", len(src), maxFileSize, one)
		return false
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		l, c := lineCol(src, i)
		errs.Errorf(at(l, c), "binary file: NUL byte; %s must be UTF-8 text", all)
		return false
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		l, c := lineCol(src, i)
		errs.Errorf(at(l, c), "invalid UTF-8; save the file as UTF-8")
		return false
	}
	if i, r := firstForbidden(src); i >= 0 {
		l, c := lineCol(src, i)
		errs.Errorf(at(l, c), "control character %U is not allowed in %s", r, all)
		return false
	}
	return true
}

// firstForbidden returns the offset and the first character of src that
// forbiddenChar refuses (carriage returns aside), or -1. It looks at bytes,
// decoding only where a forbidden character could start: C1 controls are
// encoded as C2 80-9F, the bidirectional controls as E2 80 AA-AE and E2 81
// A6-A9.
func firstForbidden(src []byte) (int, rune) {
	for i := 0; i < len(src); i++ {
		switch b := src[i]; {
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r', b == 0x7f:
			return i, rune(b)
		case b == 0xc2 || b == 0xe2:
			r, _ := utf8.DecodeRune(src[i:])
			if forbiddenChar(r) {
				return i, r
			}
		}
	}
	return -1, 0
}

// yamlError turns a yaml.v3 error into positioned diagnostics. src is the
// YAML text; its line n is line doc.yamlLine+n of the file.
func yamlError(doc *document, err error, src []byte) diag.List {
	var out diag.List
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		pos := diag.Pos{Path: doc.path, Line: doc.yamlLine, Col: 1}
		if sm := yamlLineRE.FindStringSubmatch(m); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			m = sm[2]
			// yaml.v3 numbers lines from 1 for scanner errors and from 0
			// for parser errors, which all read "did not find expected".
			if strings.HasPrefix(m, "did not find expected") {
				n++
			}
			pos.Line = doc.yamlLine + n
			// yaml.v3 calls a tab where a key should start "a character
			// that cannot start any token": say what it is. It reports
			// a tab in the indentation of a key mostly one line early:
			// point at the tab.
			for _, k := range []int{n, n + 1} {
				col := tabIndent(src, k)
				if col == 0 || k > n && !strings.Contains(m, "tab character") {
					continue
				}
				pos.Line, pos.Col = doc.yamlLine+k, col
				if !strings.Contains(m, "tab") {
					m += " (a tab: indent YAML with spaces)"
				}
				break
			}
		} else {
			m = strings.TrimPrefix(m, "yaml: ")
		}
		if line, hint := yamlHint(m, src, doc.yamlLine); hint != "" && !strings.Contains(m, "tab") {
			pos = diag.Pos{Path: doc.path, Line: doc.yamlLine + line, Col: 1}
			m += "; " + hint
		}
		out.Errorf(pos, "invalid YAML: %s", m)
	}
	return out
}

// tabIndent returns the column of the first tab in the indentation of
// line n (1-based) of src, or 0 if that line is not indented with a tab.
func tabIndent(src []byte, n int) int {
	lines := bytes.Split(src, []byte("\n"))
	if n < 1 || n > len(lines) {
		return 0
	}
	for i, c := range lines[n-1] {
		switch c {
		case '\t':
			return i + 1
		case ' ':
		default:
			return 0
		}
	}
	return 0
}

// lineCol returns the 1-based line and column (in bytes) of offset i.
func lineCol(src []byte, i int) (int, int) {
	line := bytes.Count(src[:i], []byte("\n")) + 1
	col := i - bytes.LastIndexByte(src[:i], '\n')
	return line, col
}

func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// Placeholder marks the text `statusgen new` writes for a contributor to
// replace. A page that still has any is not finished and is not built.
const Placeholder = "FIXME(statusgen new)"

func placeholders(path string, src []byte, errs *diag.List) {
	if !bytes.Contains(src, []byte(Placeholder)) {
		return
	}
	for i, line := range bytes.Split(src, []byte("\n")) {
		if j := bytes.Index(line, []byte(Placeholder)); j >= 0 {
			errs.Errorf(diag.Pos{Path: path, Line: i + 1, Col: j + 1},
				"placeholder text from `statusgen new` is still here: replace it with the real text")
		}
	}
}
