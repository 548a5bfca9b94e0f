package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/tdewolff/minify/v2"

	"github.com/statusgen/statusgen/internal/diag"
)

// Renderer holds parsed templates and processed assets. It is safe for
// concurrent use once loaded.
type Renderer struct {
	pages   map[string]*template.Template
	assets  *assets
	sw      []byte // the service worker's source
	min     *minify.M
	version string // hash of every template and asset, for the page cache
}

// Load parses templates/base.html and one template per page kind, and
// processes templates/assets. Every problem is reported, positioned where
// the template parser allows.
func Load(fsys fs.FS) (*Renderer, diag.List) {
	var errs diag.List
	r := &Renderer{pages: map[string]*template.Template{}, min: newMinifier()}
	version := sha256.New()
	defer func() { r.version = hex.EncodeToString(version.Sum(nil)) }()
	if isSymlink(fsys, TemplateDir) {
		errs.Errorf(diag.Pos{Path: TemplateDir}, "%s", symlinkDirMsg)
		r.assets = &assets{byURL: map[string]string{}}
		return r, errs
	}
	var aerrs diag.List
	r.assets, aerrs = loadAssets(fsys, r.min)
	for _, a := range r.assets.list {
		fmt.Fprintf(version, "%s\x00%x\x00", a.path, sha256.Sum256(a.data))
	}
	errs.Append(aerrs)
	basePath := path.Join(TemplateDir, "base.html")
	baseSrc, err := readTemplate(fsys, basePath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		errs.Errorf(diag.Pos{Path: basePath}, "missing template: every page is laid out by it (%v)", errors.Unwrap(err))
		return r, errs
	case err != nil:
		errs.Errorf(diag.Pos{Path: basePath}, "%v", err)
		return r, errs
	}
	version.Write(baseSrc)
	base, err := template.New("base.html").Funcs(r.funcs()).Parse(string(baseSrc))
	if err != nil {
		errs.Append(templateError(err))
		return r, errs
	}
	for _, kind := range pageKinds {
		p := path.Join(TemplateDir, kind+".html")
		src, err := readTemplate(fsys, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errs.Errorf(diag.Pos{Path: p}, "missing template: needed for the %s page", kind)
			continue
		case err != nil:
			errs.Errorf(diag.Pos{Path: p}, "%v", err)
			continue
		}
		fmt.Fprintf(version, "\x00%s\x00", kind)
		version.Write(src)
		t := template.Must(base.Clone())
		if _, err := t.New(kind + ".html").Parse(string(src)); err != nil {
			errs.Append(templateError(err))
			continue
		}
		r.pages[kind] = t
	}
	if r.sw = r.loadServiceWorker(fsys, &errs); r.sw != nil {
		fmt.Fprintf(version, "\x00%s\x00", ServiceWorkerFile)
		version.Write(r.sw)
	}
	return r, errs
}

// Symbolic links could make the site publish files from outside its source
// tree, wherever they point: templates and assets are real files.
const (
	symlinkFileMsg = "symbolic links are not allowed in templates; commit the file itself"
	symlinkDirMsg  = "symbolic links are not allowed in templates; commit the directory itself"
)

// isSymlink reports whether name is a symbolic link. On file systems that
// cannot tell, fs.Lstat follows links and nothing is one.
func isSymlink(fsys fs.FS, name string) bool {
	fi, err := fs.Lstat(fsys, name)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

// readTemplate reads a template file. The error wraps fs.ErrNotExist when
// the file is missing, which the caller explains; any other is a complete
// message.
func readTemplate(fsys fs.FS, p string) ([]byte, error) {
	if isSymlink(fsys, p) {
		return nil, errors.New(symlinkFileMsg)
	}
	src, err := fs.ReadFile(fsys, p)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("cannot read template: %v", pathError(err))
	}
	return src, err
}

// pathError drops the path from fs errors: diagnostics already start with
// it.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

var templateErrRE = regexp.MustCompile(`^template: ([^:]+\.html):(\d+):(?:(\d+):)? ?(.*)$`)

// templateError positions an html/template error at its template file.
func templateError(err error) diag.List {
	var l diag.List
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		l.Errorf(diag.Pos{Path: path.Join(TemplateDir, m[1]), Line: line, Col: col}, "template: %s", m[4])
		return l
	}
	name := TemplateDir
	if i := strings.Index(msg, ".html"); i > 0 && strings.HasPrefix(msg, "template: ") {
		name = path.Join(TemplateDir, strings.TrimPrefix(msg[:i+5], "template: "))
	}
	l.Errorf(diag.Pos{Path: name}, "%s", msg)
	return l
}

// SourceSum hashes every file Load reads, so that a caller can tell
// whether loading again would change anything.
func SourceSum(fsys fs.FS) ([32]byte, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, TemplateDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(b))
		h.Write(b)
		return nil
	})
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum, err
}
