package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/parse/v2"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/markdown"
)

// AssetDir is where asset sources live, relative to the site root; they are
// published under /assets/ with a content hash in their names.
const AssetDir = TemplateDir + "/assets"

// asset is one published asset file.
type asset struct {
	name string // source name, e.g. "style.css"
	path string // output path, e.g. "assets/style.3f2a9c81d0.css"
	data []byte
}

type assets struct {
	list  []asset
	byURL map[string]string // source name -> "/assets/style.3f2a9c81d0.css"
}

var mediaTypes = map[string]string{
	".css": "text/css",
	".js":  "application/javascript",
	".svg": "image/svg+xml",
}

func newMinifier() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	// Keep the tags and quotes the HTML specification lets a minifier drop:
	// the pages must pass the Nu HTML checker without warnings about them,
	// and the saving is small next to compression.
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	return m
}

// loadAssets minifies and fingerprints every file in templates/assets. The
// highlighting stylesheet is appended to style.css, so a page loads one
// stylesheet.
func loadAssets(fsys fs.FS, m *minify.M) (*assets, diag.List) {
	a := &assets{byURL: map[string]string{}}
	var errs diag.List
	if isSymlink(fsys, AssetDir) {
		errs.Errorf(diag.Pos{Path: AssetDir}, "%s", symlinkDirMsg)
		return a, errs
	}
	entries, err := fs.ReadDir(fsys, AssetDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			errs.Errorf(diag.Pos{Path: AssetDir}, "missing directory: the stylesheet and script live in %s", AssetDir)
		} else {
			errs.Errorf(diag.Pos{Path: AssetDir}, "cannot read directory: %v", pathError(err))
		}
		return a, errs
	}
	for _, e := range entries {
		name := e.Name()
		p := path.Join(AssetDir, name)
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			errs.Errorf(diag.Pos{Path: p}, "%s", symlinkFileMsg)
			continue
		}
		ext := path.Ext(name)
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Errorf(diag.Pos{Path: p}, "cannot read asset: %v", pathError(err))
			continue
		}
		if name == "style.css" {
			hl, err := markdown.StyleCSS()
			if err != nil {
				errs.Errorf(diag.Pos{Path: p}, "highlighting styles: %v", err)
				continue
			}
			src = append(append(src, '\n'), hl...)
		}
		if mt, ok := mediaTypes[ext]; ok {
			var buf bytes.Buffer
			if err := m.Minify(mt, &buf, bytes.NewReader(src)); err != nil {
				// Parse errors know where they are; their message
				// also quotes the line, which a diagnostic does not.
				var pe *parse.Error
				if errors.As(err, &pe) {
					errs.Errorf(diag.Pos{Path: p, Line: pe.Line, Col: pe.Column}, "cannot minify: %s", pe.Message)
				} else {
					errs.Errorf(diag.Pos{Path: p}, "cannot minify: %v", err)
				}
				continue
			}
			src = buf.Bytes()
		}
		sum := sha256.Sum256(src)
		out := "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		a.list = append(a.list, asset{name: name, path: out, data: src})
		a.byURL[name] = "/" + out
	}
	sort.Slice(a.list, func(i, j int) bool { return a.list[i].name < a.list[j].name })
	return a, errs
}

// url returns the fingerprinted URL of an asset, by its source name.
func (a *assets) url(name string) (string, error) {
	if u, ok := a.byURL[name]; ok {
		return u, nil
	}
	return "", fmt.Errorf("no asset %q in %s", name, AssetDir)
}
