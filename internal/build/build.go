// Package build runs the whole pipeline once: load and validate content,
// load templates, resolve the site model, and render every file. The
// commands differ only in what they do with the result: `build` writes it
// to disk, `serve` serves it from memory, `check` looks only at the
// diagnostics.
package build

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/statusgen/statusgen/internal/cache"
	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/markdown"
	"github.com/statusgen/statusgen/internal/netlify"
	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/render"
	"github.com/statusgen/statusgen/internal/site"
)

// Options are the settings of one build.
type Options struct {
	// BaseURL, when set, replaces site.yaml's baseURL: deploy previews and
	// the local server publish the same content at another address.
	BaseURL string
	// Render holds the renderer's options, such as the preview server's
	// injected script.
	Render render.Options
	// Sink, when set, receives the files as they are rendered, and the
	// result has no Files: `build` streams the site to disk this way, so
	// that its memory does not grow with the site. The sink holds a
	// complete site only if Build returns a result.
	Sink output.Sink
}

// Result is a successful build.
type Result struct {
	Content *content.Content
	Site    *site.Site
	Files   *output.Files // nil when Options.Sink was set
	// Rules are the host's redirects and headers: netlify.toml's, then
	// those of the _redirects file the build wrote.
	Rules    netlify.Rules
	Pages    int // HTML pages
	Rendered int // pages rendered by this build; the rest came from the cache
	Duration time.Duration
}

// Builder builds sites. It holds what can be shared between builds: the
// configured Markdown renderer and, for builders that build the same site
// again and again, caches of rendered Markdown and pages. Builds must not
// run concurrently on one Builder.
type Builder struct {
	content *content.Loader
	md      *mdCache
	pages   *render.Cache

	// The last renderer loaded, reused while templates and assets are
	// unchanged; only incremental builders keep one.
	renderer    *render.Renderer
	rendererSum [32]byte

	store *cache.Store // persistent cache; nil for none
}

// New returns a Builder for one-off builds: it caches nothing.
func New() *Builder {
	return &Builder{content: new(content.Loader), md: newMDCache(markdown.New(markdown.WithReservedIDs(site.ReservedIDs()...)), false)}
}

// WithStore makes b read and write the persistent cache s: highlighted
// code, rendered Markdown and rendered pages that an earlier build made
// from the same inputs are taken from it instead of being made again.
func (b *Builder) WithStore(s *cache.Store) *Builder {
	if s == nil {
		return b
	}
	ropts := []markdown.Option{markdown.WithReservedIDs(site.ReservedIDs()...), markdown.WithHighlightStore(s)}
	if b.md.enabled {
		ropts = append(ropts, markdown.WithHighlightCache())
	}
	b.md = newMDCache(markdown.New(ropts...), b.md.enabled)
	b.md.store = s
	b.store = s
	return b
}

// NewIncremental returns a Builder that remembers the last build, so that
// the next one renders only the Markdown and pages whose inputs changed.
// The preview server uses one.
func NewIncremental() *Builder {
	return &Builder{
		content: new(content.Loader),
		md: newMDCache(markdown.New(markdown.WithReservedIDs(site.ReservedIDs()...),
			markdown.WithHighlightCache()), true),
		pages: render.NewCache(),
	}
}

// Build builds the site whose sources are in fsys (content/ and templates/
// at its root). On failure the result is nil and the diagnostics say why;
// warnings may come with a successful result. If ctx is cancelled, Build
// stops within moments and returns a nil result: the caller tells a
// cancelled build from a failed one by ctx.Err().
func (b *Builder) Build(ctx context.Context, fsys fs.FS, opts Options) (*Result, diag.List) {
	start := time.Now()
	// A build that streams to disk reads each page's body again when it
	// renders it, so that it never holds every file at once.
	b.content.DropSources = opts.Sink != nil && b.pages == nil
	c, errs := b.content.LoadContext(ctx, fsys)
	if ctx.Err() != nil {
		return nil, nil
	}
	if opts.BaseURL != "" {
		if err := content.CheckBaseURL(opts.BaseURL); err != nil {
			errs.Errorf(diag.Pos{Path: "-base-url"}, "%v", err)
		}
		c.Config.BaseURL = strings.TrimRight(opts.BaseURL, "/")
	}
	r, terrs := b.loadRenderer(fsys)
	errs.Append(terrs)
	rules, nerrs := netlify.Load(fsys)
	errs.Append(nerrs)
	if errs.HasErrors() {
		errs.Sort()
		return nil, errs
	}
	s := site.Build(c)
	ropts := opts.Render
	ropts.Cache = b.pages
	ropts.Markdown = b.md
	if b.store != nil {
		ropts.Store = b.store
	}
	// A one-off build keeps nothing for a next build: each page's
	// Markdown is dropped once the page is written.
	ropts.Release = b.pages == nil
	// Streaming to disk, nothing reads the sources after their page is
	// written; `check` builds in memory and keeps them.
	ropts.ReleaseSources = ropts.Release && opts.Sink != nil
	ropts.Sink = opts.Sink
	files, stats, rerrs, err := r.Render(ctx, s, ropts)
	if err != nil {
		return nil, nil
	}
	errs.Append(rerrs)
	errs.Sort()
	if errs.HasErrors() {
		return nil, errs
	}
	// The host's rules include the redirects the build wrote.
	rds, err := netlify.ParseRedirects(render.Redirects(s))
	if err != nil {
		errs.Errorf(diag.Pos{Path: render.RedirectsFile}, "the generated redirects do not parse: %v", err)
		return nil, errs
	}
	rules.Redirects = append(rules.Redirects, rds...)
	b.md.sweep()
	return &Result{Content: c, Site: s, Files: files, Rules: rules, Pages: len(s.Pages), Rendered: stats.Rendered,
		Duration: time.Since(start)}, errs
}

// Summary is the one line `build` prints.
func (r *Result) Summary() string {
	return fmt.Sprintf("built %d pages in %s", r.Pages, r.Duration.Round(time.Millisecond))
}

// loadRenderer loads templates and assets, or, for an incremental builder,
// reuses the last renderer if none of their files changed: processing the
// stylesheet and parsing templates is most of an incremental rebuild.
func (b *Builder) loadRenderer(fsys fs.FS) (*render.Renderer, diag.List) {
	if b.pages == nil {
		return render.Load(fsys)
	}
	sum, err := render.SourceSum(fsys)
	if err == nil && b.renderer != nil && sum == b.rendererSum {
		return b.renderer, nil
	}
	r, errs := render.Load(fsys)
	if err == nil && !errs.HasErrors() {
		b.renderer, b.rendererSum = r, sum
	} else {
		b.renderer = nil
	}
	return r, errs
}
