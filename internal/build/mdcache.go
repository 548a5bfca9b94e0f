package build

import (
	"crypto/sha256"
	"sync"

	"github.com/statusgen/statusgen/internal/markdown"
)

// mdCache memoizes Markdown rendering by the source's hash. Entries not used
// by the last successful build are dropped, so the cache holds one site's
// worth of documents.
type mdCache struct {
	r       *markdown.Renderer
	enabled bool

	mu   sync.Mutex
	docs map[[32]byte]*markdown.Document
	used map[[32]byte]bool
	// bySlice finds a document without hashing when the source is the very
	// slice rendered last time, as it is for pages the content loader
	// took from its own cache.
	bySlice map[sliceID][32]byte
}

type sliceID struct {
	p *byte
	n int
}

func idOf(b []byte) sliceID {
	if len(b) == 0 {
		return sliceID{}
	}
	return sliceID{&b[0], len(b)}
}

func newMDCache(r *markdown.Renderer, enabled bool) *mdCache {
	return &mdCache{r: r, enabled: enabled, docs: map[[32]byte]*markdown.Document{}, used: map[[32]byte]bool{},
		bySlice: map[sliceID][32]byte{}}
}

// Render implements site.Markdown.
func (c *mdCache) Render(src []byte) (*markdown.Document, error) {
	if !c.enabled {
		return c.r.Render(src)
	}
	id := idOf(src)
	c.mu.Lock()
	key, known := c.bySlice[id]
	c.mu.Unlock()
	if !known {
		key = sha256.Sum256(src)
	}
	c.mu.Lock()
	d, ok := c.docs[key]
	c.used[key] = true
	if !known && len(src) > 0 {
		c.bySlice[id] = key
	}
	c.mu.Unlock()
	if ok {
		return d, nil
	}
	d, err := c.r.Render(src)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.docs[key] = d
	c.mu.Unlock()
	return d, nil
}

// sweep drops the documents the last build did not use.
func (c *mdCache) sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.docs {
		if !c.used[k] {
			delete(c.docs, k)
		}
	}
	for id, k := range c.bySlice {
		if !c.used[k] {
			delete(c.bySlice, id)
		}
	}
	c.used = map[[32]byte]bool{}
}
