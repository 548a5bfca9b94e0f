// Package content loads and validates the site's source files: the status
// code pages under content/status, the concept pages under content/concepts
// and content/site.yaml.
//
// Load never stops at the first problem. It returns every problem it finds,
// in every file, as diagnostics positioned at the offending YAML node or
// Markdown line, so that a contributor can fix a pull request in one pass.
package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"

	"github.com/statusgen/statusgen/internal/diag"
)

// Source directories and files, relative to the site root.
const (
	StatusDir   = "content/status"
	ConceptDir  = "content/concepts"
	ConfigFile  = "content/site.yaml"
	maxFileSize = 1 << 20 // a page is a few KiB; anything near this is a mistake
	maxSummary  = 160
	maxVisitor  = 600
	minCode     = 100
	maxCode     = 599
)

// Content is everything Load read from a site's source tree.
type Content struct {
	fsys      fs.FS // where the files were read, to read bodies again
	Config    Config
	Constants *Constants // nil when the site has no constants file
	Builder   *Builder   // nil when the site has no request builder
	Chooser   *Chooser   // nil when the site has no chooser
	Statuses  []*Status  // sorted by code
	Concepts  []*Concept // sorted by slug
}

// Source returns the Markdown of the body b of the page file path whose
// digest is digest: b.Source, or, when the loader dropped it, the body read
// again from the file. A file that changed since it was loaded is an error:
// its frontmatter and body must come from the same version.
func (c *Content) Source(path, digest string, b Body) ([]byte, error) {
	if b.Source != nil {
		return b.Source, nil
	}
	raw, err := fs.ReadFile(c.fsys, path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the body again: %v", unwrapPathError(err))
	}
	src := normalize(raw)
	if sum := sha256.Sum256(src); hex.EncodeToString(sum[:]) != digest || b.Offset > len(src) {
		return nil, errors.New("the file changed during the build; build again")
	}
	return src[b.Offset:], nil
}

// Status returns the status page for code, or nil.
func (c *Content) Status(code int) *Status {
	for _, s := range c.Statuses {
		if s.Code == code {
			return s
		}
	}
	return nil
}

// Concept returns the concept page with the given slug, or nil.
func (c *Content) Concept(slug string) *Concept {
	for _, p := range c.Concepts {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// Config is content/site.yaml.
type Config struct {
	Title       string // site name, e.g. "HTTP Status Codes"
	Description string // home page meta description
	BaseURL     string // absolute, no trailing slash, e.g. "https://statusgen.netlify.app"
	Repository  string // e.g. "https://github.com/statusgen/statusgen"
	Branch      string // branch the "Edit this page" links point at
	Language    string // BCP 47 tag for <html lang>
}

// EditURL returns the URL at which path (relative to the site root) can be
// edited in the repository's web interface.
func (c Config) EditURL(path string) string {
	return c.Repository + "/edit/" + c.Branch + "/" + path
}

// Spec names the document section that defines a status code.
type Spec struct {
	Name string
	URL  string
}

// FAQ is one question and its Markdown answer.
type FAQ struct {
	Q, A string
	APos diag.Pos // where the answer's value starts in the file
	// OneLine is set when the answer is written on one line, plain or
	// quoted, so that a column in the answer is a column in the file.
	// Block and multi-line answers are reflowed by YAML, and their
	// Markdown problems are reported at APos.
	OneLine bool
}

// Pos returns the file position of a 1-based line and column in the
// answer's text.
func (f FAQ) Pos(line, col int) diag.Pos {
	if !f.OneLine || line != 1 {
		return f.APos
	}
	p := f.APos
	p.Col += col - 1
	return p
}

// Body is the Markdown part of a page, with where it starts in its file so
// that Markdown diagnostics can be reported at file positions.
type Body struct {
	// Source is the Markdown; nil when the Loader dropped it
	// (Loader.DropSources): Content.Source reads it again.
	Source []byte
	Offset int // byte offset of the body in the file, as normalized
	Line   int // file line of the first body line
}

// Pos returns the file position of a 1-based line and column in the body.
func (b Body) Pos(path string, line, col int) diag.Pos {
	return diag.Pos{Path: path, Line: b.Line + line - 1, Col: col}
}

// Status is one status code page, content/status/NNN.md.
type Status struct {
	Path  string // slash-separated, relative to the site root
	Code  int
	Title string
	// Aka holds the names people know the code by besides the registry's
	// title, such as "I'm a teapot" for 418 (Unused).
	Aka     []string
	Summary string
	// Visitor is two to four plain sentences for someone who met the code
	// on a website and is not a developer; empty for codes people do not
	// see in a browser.
	Visitor    string
	Spec       Spec
	Registered bool
	Source     string // who uses an unofficial code, e.g. "nginx"
	// Deprecated marks a code the specs retired or never used (102, 305,
	// 306): its page is shorter and says what to use instead.
	Deprecated bool
	Keywords   []string
	Related    []int
	Concepts   []string
	FAQ        []FAQ
	Body       Body
	// Text is the whole file as parsed (a UTF-8 BOM dropped, CRLF as LF),
	// for checks that read frontmatter and body alike, such as citations:
	// its lines are the file's lines, and Body.Source is its tail.
	Text   []byte
	Digest string // hash of the file as read, for caches

	// Positions of the nodes later stages may need to point at.
	Keys        map[string]diag.Pos // every top-level key, by name
	CodePos     diag.Pos
	TitlePos    diag.Pos
	VisitorPos  diag.Pos
	RelatedPos  []diag.Pos // one per Related entry
	ConceptsPos []diag.Pos // one per Concepts entry
}

// Class returns the status class, e.g. 4 for 404.
func (s *Status) Class() int { return s.Code / 100 }

// Concept is one concept page, content/concepts/SLUG.md.
type Concept struct {
	Path        string
	Slug        string
	Title       string
	Summary     string
	Keywords    []string
	Concepts    []string // related concepts
	FAQ         []FAQ
	Body        Body
	Text        []byte // as Status.Text
	Digest      string
	Keys        map[string]diag.Pos
	ConceptsPos []diag.Pos
}
