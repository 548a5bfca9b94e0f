// Package render turns the site model into files: it executes the
// html/template page templates, fingerprints and minifies the assets, and
// writes the machine-readable files (sitemap, robots.txt, the JSON API, the
// Markdown twins and llms.txt, the host's redirects) and what reading
// offline needs (the web app manifest and the service worker).
package render

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/site"
)

// TemplateDir is where templates live, relative to the site root.
const TemplateDir = "templates"

// pageKinds is every page template the site needs.
var pageKinds = []string{site.KindHome, site.KindCodes, site.KindClass, site.KindStatus,
	site.KindConcepts, site.KindConcept, site.KindAPI, site.KindOffline, site.KindNotFound}

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

// Options are per-build settings that do not come from content.
type Options struct {
	// Inject is HTML inserted before </body> on every page, for the preview
	// server's live-reload script. Empty in production builds.
	Inject template.HTML
	// Cache, when set, keeps rendered pages between builds: a page whose
	// inputs have not changed is not rendered again.
	Cache *Cache
}

// Stats counts what a Render did.
type Stats struct {
	Rendered int // pages executed through their template
	Reused   int // pages taken unchanged from the cache
}

// Render produces every file of s. If ctx is cancelled it stops and returns
// ctx's error.
func (r *Renderer) Render(ctx context.Context, s *site.Site, opts Options) (*output.Files, Stats, diag.List, error) {
	var errs diag.List
	var stats Stats
	files := output.NewFiles()
	for _, a := range r.assets.list {
		files.Add(a.path, a.data)
	}
	global := r.globalKey(opts)
	views := make([]*view, len(s.Pages))
	frags := make([]*fragments, len(s.Pages))
	out := make([][]byte, len(s.Pages))
	keys := make([][32]byte, len(s.Pages))
	var todo []int
	for i, p := range s.Pages {
		frags[i] = &fragments{}
		views[i] = newView(s, p, opts, frags[i])
		if opts.Cache != nil {
			keys[i] = pageKey(global, views[i], frags[i])
			if b, ok := opts.Cache.get(p.URL, keys[i]); ok {
				out[i] = b
				stats.Reused++
				continue
			}
		}
		todo = append(todo, i)
	}
	stats.Rendered = len(todo)
	errOut := make([]error, len(s.Pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(todo)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errOut[i] = r.page(views[i], frags[i])
			}
		}()
	}
feed:
	for _, i := range todo {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, stats, nil, err
	}
	var failed diag.List
	for i, p := range s.Pages {
		if errOut[i] != nil {
			failed.Append(templateError(errOut[i]))
			continue
		}
		files.Add(p.File(), out[i])
	}
	errs.Append(mergeSame(failed))
	if err := addSiteFiles(files, s); err != nil {
		errs.Errorf(diag.Pos{Path: "public"}, "%v", err)
	} else if err := r.addOffline(files, s); err != nil {
		errs.Errorf(diag.Pos{Path: "public"}, "%v", err)
	}
	errs.Sort()
	if !errs.HasErrors() {
		opts.Cache.replace(s.Pages, keys, out)
	}
	return files, stats, errs, nil
}

// globalKey covers what every page depends on that is not in its view:
// the templates and assets.
func (r *Renderer) globalKey(opts Options) string {
	return r.version
}

// pageKey identifies everything one page's bytes depend on.
func pageKey(global string, v *view, frags *fragments) [32]byte {
	k := viewKey(v, frags)
	return sha256.Sum256(append([]byte(global), k[:]...))
}

// Page renders one page of s to minified HTML.
func (r *Renderer) Page(s *site.Site, p *site.Page, opts Options) ([]byte, error) {
	frags := &fragments{}
	return r.page(newView(s, p, opts, frags), frags)
}

func (r *Renderer) page(v *view, frags *fragments) ([]byte, error) {
	t := r.pages[v.Page.Kind]
	if t == nil {
		return nil, fmt.Errorf("template: %s.html: not loaded", v.Page.Kind)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", v); err != nil {
		return nil, err
	}
	var min bytes.Buffer
	min.Grow(buf.Len())
	if err := r.min.Minify("text/html", &min, &buf); err != nil {
		return nil, fmt.Errorf("minify %s: %w", v.Page.URL, err)
	}
	return splice(min.Bytes(), frags), nil
}

// splice replaces each fragment placeholder in page with its HTML.
func splice(page []byte, frags *fragments) []byte {
	const open = "<sg-fragment-"
	if len(frags.html) == 0 || !bytes.Contains(page, []byte(open)) {
		return page
	}
	size := len(page)
	for _, h := range frags.html {
		size += len(h)
	}
	out := make([]byte, 0, size)
	for {
		i := bytes.Index(page, []byte(open))
		if i < 0 {
			return append(out, page...)
		}
		out = append(out, page[:i]...)
		rest := page[i+len(open):]
		j := bytes.IndexByte(rest, '>')
		n, err := strconv.Atoi(string(rest[:max(j, 0)]))
		closing := "</sg-fragment-" + strconv.Itoa(n) + ">"
		if j < 0 || err != nil || n >= len(frags.html) || !bytes.HasPrefix(rest[j+1:], []byte(closing)) {
			// Not one of ours: html/template would have escaped a
			// '<' from content, so this came from a template.
			out = append(out, open...)
			page = rest
			continue
		}
		out = append(out, frags.html[n]...)
		page = rest[j+1+len(closing):]
	}
}

// mergeSame reports identical diagnostics once, saying on how many pages
// they occurred: a template that fails for every page of a kind fails the
// same way on each.
func mergeSame(l diag.List) diag.List {
	var out diag.List
	count := map[diag.Diagnostic]int{}
	for _, d := range l {
		if count[d] == 0 {
			out = append(out, d)
		}
		count[d]++
	}
	for i, d := range out {
		if n := count[d]; n > 1 {
			out[i].Msg += fmt.Sprintf(" (on %d pages)", n)
		}
	}
	return out
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
