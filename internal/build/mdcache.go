package build

import (
	"sync"

	"github.com/statusgen/statusgen/internal/markdown"
)

// mdCache memoizes Markdown rendering by content address: the key site.Build
// derives from a file's digest and the part of the file. Entries not used by
// the last successful build are dropped, so the cache holds one site's worth
// of documents however many builds it serves.
type mdCache struct {
	r       *markdown.Renderer
	enabled bool
	store   markdown.Store // persistent, for documents; may be nil

	mu   sync.Mutex
	docs map[[32]byte]*markdown.Document
	used map[[32]byte]bool
}

func newMDCache(r *markdown.Renderer, enabled bool) *mdCache {
	return &mdCache{r: r, enabled: enabled, docs: map[[32]byte]*markdown.Document{}, used: map[[32]byte]bool{}}
}

// Render implements site.Markdown.
func (c *mdCache) Render(key [32]byte, src []byte) (*markdown.Document, error) {
	if c.enabled {
		c.mu.Lock()
		d, ok := c.docs[key]
		c.used[key] = true
		c.mu.Unlock()
		if ok {
			return d, nil
		}
	}
	d := c.load(key)
	if d == nil {
		var err error
		if d, err = c.r.Render(src); err != nil {
			return nil, err
		}
		d.Key = key
		c.save(d)
	}
	if c.enabled {
		c.mu.Lock()
		c.docs[key] = d
		c.mu.Unlock()
	}
	return d, nil
}

// load reads a document from the persistent cache.
func (c *mdCache) load(key [32]byte) *markdown.Document {
	if c.store == nil {
		return nil
	}
	b, ok := c.store.Get("markdown", key[:])
	if !ok {
		return nil
	}
	d := new(markdown.Document)
	if err := d.UnmarshalBinary(b); err != nil || d.Key != key {
		return nil
	}
	return d
}

// save writes a document to the persistent cache.
func (c *mdCache) save(d *markdown.Document) {
	if c.store == nil {
		return
	}
	if b, err := d.MarshalBinary(); err == nil {
		_ = c.store.Put("markdown", d.Key[:], b)
	}
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
	c.used = map[[32]byte]bool{}
}

// len reports how many documents the cache holds, for tests.
func (c *mdCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.docs)
}
