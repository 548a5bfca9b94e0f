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
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{pages: map[string]cached{}} }

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
func (c *Cache) replace(pages []*site.Page, keys [][32]byte, html [][]byte) {
	if c == nil {
		return
	}
	m := make(map[string]cached, len(pages))
	for i, p := range pages {
		m[p.URL] = cached{keys[i], html[i]}
	}
	c.mu.Lock()
	c.pages = m
	c.mu.Unlock()
}
