package render

import (
	"sync"

	"github.com/statusgen/statusgen/internal/site"
)

// Cache holds the rendered pages of the last successful build, by URL, with
// the key they were rendered under. The preview server keeps one across
// rebuilds; a nil *Cache caches nothing.
type Cache struct {
	mu    sync.Mutex
	pages map[string]cached
}

type cached struct {
	key  [32]byte
	html []byte
	sum  [32]byte // SHA-256 of html
	// The page's companion files and line of /api/codes.json, made
	// from the same data as the page.
	companions []companion
	apiLine    []byte
	// What the page was rendered from, to tell cheaply whether it would
	// render the same again: its dependencies by identity, the site-wide
	// inputs, and the page itself, whose rendered Markdown a next build can
	// adopt.
	own   any
	deps  []any
	token [32]byte
	page  *site.Page
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{pages: map[string]cached{}} }

// unchanged returns the entry of page p if p's own content, every
// dependency and the site-wide token are what they were when it was
// rendered.
func (c *Cache) unchanged(p *site.Page, token [32]byte) (cached, bool) {
	if c == nil {
		return cached{}, false
	}
	c.mu.Lock()
	e, ok := c.pages[p.URL]
	c.mu.Unlock()
	if !ok || e.token != token || e.page == nil || e.page.Kind != p.Kind {
		return cached{}, false
	}
	own, deps := p.Deps()
	if own != e.own || len(deps) != len(e.deps) {
		return cached{}, false
	}
	for i := range deps {
		if deps[i] != e.deps[i] {
			return cached{}, false
		}
	}
	return e, true
}

func (c *Cache) get(url string, key [32]byte) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[url]
	if !ok || e.key != key {
		return nil, false
	}
	return e.html, true
}

// replace makes the cache hold exactly the given pages, so that pages
// removed from the site do not linger.
func (c *Cache) replace(pages []*site.Page, results []pageResult, token [32]byte) {
	if c == nil {
		return
	}
	m := make(map[string]cached, len(pages))
	for i, p := range pages {
		own, deps := p.Deps()
		res := &results[i]
		m[p.URL] = cached{key: res.key, html: res.html, sum: res.sum, companions: res.companions, apiLine: res.apiLine,
			own: own, deps: deps, token: token, page: p}
	}
	c.mu.Lock()
	c.pages = m
	c.mu.Unlock()
}
