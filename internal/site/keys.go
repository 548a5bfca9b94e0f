package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// setKeys gives every page its Key. A page's key covers its own source and
// the card (URL, title, summary, registration) of every page it depends on,
// so editing one page's body changes only that page's key, while editing its
// title or summary also changes the keys of the pages that list it.
func setKeys(s *Site) {
	byURL := make(map[string]*Page, len(s.Pages))
	for _, p := range s.Pages {
		byURL[p.URL] = p
	}
	for _, p := range s.Pages {
		h := sha256.New()
		fmt.Fprintf(h, "%s\x00%s\x00", p.Kind, card(p))
		switch {
		case p.Status != nil:
			fmt.Fprintf(h, "%s\x00", p.Status.Digest)
		case p.Concept != nil:
			fmt.Fprintf(h, "%s\x00", p.Concept.Digest)
		}
		for _, d := range p.Deps {
			if dp := byURL[d]; dp != nil {
				fmt.Fprintf(h, "%s\x00", card(dp))
			}
		}
		p.Key = hex.EncodeToString(h.Sum(nil))
	}
}

// card is what a listing of p shows about it.
func card(p *Page) string {
	c := p.URL + "\x00" + p.Title + "\x00" + p.Description
	if p.Status != nil {
		c += fmt.Sprintf("\x00%t\x00%s\x00%t", p.Status.Registered, p.Status.Source, p.Status.Deprecated)
	}
	return c
}
