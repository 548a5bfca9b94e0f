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
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"sync"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/markdown"
	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/parallel"
	"github.com/statusgen/statusgen/internal/site"
)

// TemplateDir is where templates live, relative to the site root.
const TemplateDir = "templates"

// pageKinds is every page template the site needs.
var pageKinds = []string{site.KindHome, site.KindCodes, site.KindClass, site.KindStatus,
	site.KindConcepts, site.KindConcept, site.KindAPI, site.KindOffline, site.KindBuilder, site.KindChooser, site.KindNotFound}

// Options are per-build settings that do not come from content.
type Options struct {
	// Inject is HTML inserted before </body> on every page, for the preview
	// server's live-reload script. Empty in production builds.
	Inject template.HTML
	// Cache, when set, keeps rendered pages between builds: a page whose
	// inputs have not changed is not rendered again.
	Cache *Cache
	// Store, when set, is a persistent cache of rendered pages, by key.
	Store markdown.Store
	// Markdown renders the pages' Markdown (the caller's cache, or a plain
	// renderer).
	Markdown site.Markdown
	// Sink receives every file. When it is nil, Render writes into a new
	// output.Files and returns it.
	Sink output.Sink
	// Release drops each page's rendered Markdown once the page is
	// written, so that memory does not grow with the site. The preview
	// server, which keeps the Markdown for its next build, leaves it unset.
	Release bool
	// ReleaseSources also drops each page's sources once it is written,
	// for a build that streams to disk and checks nothing afterwards.
	ReleaseSources bool
}

// Stats counts what a Render did.
type Stats struct {
	Rendered int // pages executed through their template
	Reused   int // pages taken unchanged from the cache
}

// Render renders the Markdown of every page of s, renders every page and
// writes it, with the assets and the site files, to opts.Sink, checking
// every link written in content once all pages are rendered. Pages are
// rendered in parallel and written as they are done; the files are the same
// whatever the order. If ctx is cancelled it stops and returns ctx's error.
// On diagnostics that are errors, the sink holds an incomplete site: the
// caller must not publish it.
func (r *Renderer) Render(ctx context.Context, s *site.Site, opts Options) (*output.Files, Stats, diag.List, error) {
	var errs diag.List
	files, _ := opts.Sink.(*output.Files)
	sink := opts.Sink
	// A page is written with its Markdown twin and, for a code, its JSON;
	// the site files and assets are a few dozen more.
	size := 3*len(s.Pages) + len(r.assets.list) + 64
	if sink == nil {
		files = output.NewFilesSize(size)
		sink = files
	}
	sums := &digests{m: make(map[string][32]byte, size)}
	var sinkErr error
	add := func(name string, data []byte) {
		sum := sha256.Sum256(data)
		sums.set(name, sum)
		if err := addFile(sink, name, sum, sum, data); err != nil && sinkErr == nil {
			sinkErr = err
		}
	}
	for _, a := range r.assets.list {
		add(a.path, a.data)
	}
	full, err := newFullText(sink, s)
	if err != nil {
		return nil, Stats{}, nil, err
	}
	token := siteToken(r.globalKey(opts), s, opts)
	results := make([]pageResult, len(s.Pages))
	work := func(i int) {
		r.renderPage(s, s.Pages[i], sink, token, opts, &results[i])
		results[i].record(s.Pages[i].File(), i, sums, full, opts.Cache != nil)
	}
	if err := parallel.For(ctx, len(s.Pages), work); err != nil {
		full.close()
		return nil, Stats{}, nil, err
	}
	perrs, stats, perr := tally(results)
	errs.Append(perrs)
	if sinkErr == nil {
		sinkErr = perr
	}
	if sum, err := full.close(); err != nil && sinkErr == nil {
		sinkErr = err
	} else {
		sums.set(llmsFullFile, sum)
	}
	if !errs.HasErrors() {
		errs.Append(r.finish(add, sums, s, results))
	}
	if sinkErr != nil {
		errs.Errorf(diag.Pos{Path: "public"}, "writing the output: %v", sinkErr)
	}
	errs.Sort()
	if !errs.HasErrors() && opts.Cache != nil {
		opts.Cache.replace(s.Pages, results, token)
	}
	return files, stats, errs, nil
}

// pageResult is what rendering one page produced.
type pageResult struct {
	errs diag.List // Markdown problems, positioned in the page's file
	key  [32]byte
	html []byte
	sum  [32]byte // SHA-256 of html
	// companions are the files written with the page; apiLine is its
	// code's line of /api/codes.json.
	companions []companion
	apiLine    []byte
	reused     bool
	err        error // executing the template, or making a companion
	sinkErr    error
}

// renderPage renders page p and its companions, writes them to sink, and
// records the outcome in res.
func (r *Renderer) renderPage(s *site.Site, p *site.Page, sink output.Sink, token [32]byte, opts Options, res *pageResult) {
	// Nothing this page shows changed since the last build: take its
	// bytes, and its Markdown for the checks, as they were.
	if e, ok := opts.Cache.unchanged(p, token); ok {
		s.Adopt(p, e.page)
		res.key, res.html, res.sum, res.reused = e.key, e.html, e.sum, true
		res.companions, res.apiLine = e.companions, e.apiLine
		res.sinkErr = addFile(sink, p.File(), res.key, res.sum, res.html)
		if res.sinkErr == nil {
			res.sinkErr = addCompanions(sink, res.companions)
		}
		return
	}
	res.errs = s.RenderMarkdown(p, opts.Markdown)
	if res.errs.HasErrors() {
		return
	}
	if res.companions, res.apiLine, res.err = companions(s, p); res.err != nil {
		return
	}
	res.sinkErr = addCompanions(sink, res.companions)
	frags := &fragments{}
	v := newView(s, p, opts, frags)
	keyed, _ := sink.(output.Keyed)
	if opts.Cache != nil || opts.Store != nil || keyed != nil {
		res.key = pageKey(r.globalKey(opts), v, frags)
	}
	defer func() {
		if opts.Release {
			site.ReleaseMarkdown(p, opts.ReleaseSources)
		}
	}()
	// The previous output has this very page: keep its file.
	if keyed != nil && opts.Cache == nil {
		if sum, ok := keyed.Link(p.File(), res.key); ok {
			res.sum, res.reused = sum, true
			return
		}
	}
	if opts.Cache != nil {
		if b, ok := opts.Cache.get(p.URL, res.key); ok {
			res.html, res.reused = b, true
		}
	}
	if !res.reused && opts.Store != nil {
		if b, ok := opts.Store.Get("page", res.key[:]); ok {
			res.html, res.reused = b, true
		}
	}
	if !res.reused {
		if res.html, res.err = r.page(v, frags); res.err != nil {
			return
		}
		if opts.Store != nil {
			_ = opts.Store.Put("page", res.key[:], res.html)
		}
	}
	res.sum = sha256.Sum256(res.html)
	if err := addFile(sink, p.File(), res.key, res.sum, res.html); err != nil && res.sinkErr == nil {
		res.sinkErr = err
	}
}

// record notes the digests of the files of page i, named name, and hands
// its Markdown twin to llms-full.txt. Unless keep is set, for the cache of
// a next build, the bytes are let go: they are written.
func (res *pageResult) record(name string, i int, sums *digests, full *fullText, keep bool) {
	sums.set(name, res.sum)
	var twin companion
	for _, c := range res.companions {
		sums.set(c.name, c.sum)
		if c.twin {
			twin = c
		}
	}
	full.put(i, twin.data, twin.sum)
	if !keep {
		res.html, res.companions = nil, nil
	}
}

// finish checks the links of the rendered site and, if they hold, writes
// the files made from every page: the site files, and last the offline
// files, whose service worker names every other file by its digest.
func (r *Renderer) finish(add func(string, []byte), sums *digests, s *site.Site, results []pageResult) diag.List {
	var errs diag.List
	if errs = site.CheckLinks(s); errs.HasErrors() {
		return errs
	}
	if err := addSiteFiles(add, s, apiLines(s, results)); err != nil {
		errs.Errorf(diag.Pos{Path: "public"}, "%v", err)
	} else if err := r.addOffline(add, sums, s); err != nil {
		errs.Errorf(diag.Pos{Path: "public"}, "%v", err)
	}
	return errs
}

// tally adds up the pages' results: their diagnostics, with a template
// error that struck many pages alike reported once; how many pages were
// rendered and reused; and the first error writing a page.
func tally(results []pageResult) (diag.List, Stats, error) {
	var errs, failed diag.List
	var sinkErr error
	var stats Stats
	for i := range results {
		res := &results[i]
		errs.Append(res.errs)
		switch {
		case res.err != nil:
			failed.Append(templateError(res.err))
		case res.sinkErr != nil && sinkErr == nil:
			sinkErr = res.sinkErr
		case res.reused:
			stats.Reused++
		case !res.errs.HasErrors():
			stats.Rendered++
		}
	}
	errs.Append(mergeSame(failed))
	return errs, stats, sinkErr
}

// addCompanions writes a page's companions to sink, each keyed by its own
// digest, and stops at the first error.
func addCompanions(sink output.Sink, cs []companion) error {
	for _, c := range cs {
		if err := addFile(sink, c.name, c.sum, c.sum, c.data); err != nil {
			return err
		}
	}
	return nil
}

// addFile writes a file to sink, by its key if the sink can reuse files.
func addFile(sink output.Sink, name string, key, sum [32]byte, data []byte) error {
	if k, ok := sink.(output.Keyed); ok {
		return k.AddKeyed(name, key, sum, data)
	}
	return sink.Add(name, data)
}

// digests collects a digest of every file of a build, by name, for the
// service worker's version: the SHA-256 of its bytes, or for a file made
// of other files, such as llms-full.txt, a hash of their SHA-256s.
type digests struct {
	mu sync.Mutex
	m  map[string][32]byte
}

func (d *digests) set(name string, sum [32]byte) {
	d.mu.Lock()
	d.m[name] = sum
	d.mu.Unlock()
}

// globalKey covers what every page depends on that is not in its view:
// the templates and assets.
func (r *Renderer) globalKey(opts Options) string {
	return r.version
}

// siteToken covers what every page may show that is not a page's content:
// the templates and assets, the settings, the injected script, the library
// constants, and the set of pages (their order and URLs), which decides
// neighbours, classes and whether there are concept pages.
func siteToken(global string, s *site.Site, opts Options) [32]byte {
	e := encoders.Get().(*encoder)
	e.buf = append(e.buf[:0], global...)
	e.value(reflect.ValueOf(s.Config))
	e.buf = append(e.buf, opts.Inject...)
	e.buf = append(e.buf, fmt.Sprintf("%p", s.Constants)...)
	for _, p := range s.Pages {
		e.buf = append(e.buf, p.Kind...)
		e.buf = append(e.buf, 0)
		e.buf = append(e.buf, p.URL...)
		e.buf = append(e.buf, 0)
	}
	sum := sha256.Sum256(e.buf)
	encoders.Put(e)
	return sum
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
	buf, min := getBuffer(), getBuffer()
	defer putBuffer(buf)
	defer putBuffer(min)
	if err := t.ExecuteTemplate(buf, "base", v); err != nil {
		return nil, err
	}
	if err := r.min.Minify("text/html", min, buf); err != nil {
		return nil, fmt.Errorf("minify %s: %w", v.Page.URL, err)
	}
	return splice(min.Bytes(), frags), nil
}

// Buffers for executing and minifying pages, reused across pages.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 4<<20 {
		bufPool.Put(b)
	}
}

// splice replaces each fragment placeholder in page with its HTML. The
// result is a new slice: page may be a pooled buffer.
func splice(page []byte, frags *fragments) []byte {
	const open = "<sg-fragment-"
	if len(frags.html) == 0 || !bytes.Contains(page, []byte(open)) {
		return append([]byte(nil), page...)
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
