package render

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"strings"
	"sync"

	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/site"
)

// /llms.txt is the site's map for language models in the llms.txt
// convention (llmstxt.org): an H1 with the site's name, a blockquote
// summary, notes, then H2 sections listing every page as a link to its
// Markdown twin with its summary, and an "Optional" section a client short
// of context may skip. /llms-full.txt is the same header followed by every
// twin in full.

// llmsHeader is what both files start with.
func llmsHeader(s *site.Site) string {
	base := s.Config.BaseURL
	var head strings.Builder
	fmt.Fprintf(&head, "# %s\n\n> %s\n\n", text(s.Config.Title), text(oneLine(s.Config.Description)))
	fmt.Fprintf(&head, "Each page is a status code or a concept, written from the RFCs and the IANA HTTP Status Code Registry. "+
		"The links below are the pages as Markdown; each web page is at the same address without index.md. "+
		"The same facts are JSON at %s%s, one code at %s/api/codes/NNN.json, documented at %s%s.\n\n",
		base, site.CodesJSON, base, base, site.APIURL)
	return head.String()
}

// addLLMs writes /llms.txt.
func addLLMs(add func(name string, data []byte), s *site.Site) {
	base := s.Config.BaseURL
	var b strings.Builder
	b.WriteString(llmsHeader(s))
	for _, c := range s.Classes {
		fmt.Fprintf(&b, "## %s %s\n\n", c.Name, c.Title)
		for _, st := range c.Members {
			fmt.Fprintf(&b, "- [%s](%s): %s", label(st.Name()), base+site.MarkdownURL(st.URL), text(st.Summary))
			if !st.Registered {
				fmt.Fprintf(&b, " (Unofficial, used by %s.)", text(st.Source))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(s.Concepts) > 0 {
		b.WriteString("## Concepts\n\n")
		for _, cp := range s.Concepts {
			fmt.Fprintf(&b, "- [%s](%s): %s\n", label(cp.Title), base+site.MarkdownURL(cp.URL), text(cp.Summary))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Optional\n\n")
	fmt.Fprintf(&b, "- [Every page in one file](%s%s): all the pages above in full, concatenated\n", base, site.LLMsFullURL)
	fmt.Fprintf(&b, "- [JSON API](%s%s): every code as JSON, with its names in popular libraries, and the JSON Schemas\n", base, site.APIURL)
	add(strings.TrimPrefix(site.LLMsURL, "/"), []byte(b.String()))
}

// fullText writes /llms-full.txt as the pages are rendered: pages finish
// in any order, and each twin is written as soon as every page before it
// is, so that only the few twins that finished early are held, however
// large the site. The twins are separated by thematic breaks.
type fullText struct {
	mu      sync.Mutex
	w       io.WriteCloser
	h       hash.Hash
	next    int            // the page whose twin goes next
	pending map[int][]byte // twins of later pages, done early
	err     error
}

// llmsFullFile is where fullText writes.
var llmsFullFile = strings.TrimPrefix(site.LLMsFullURL, "/")

func newFullText(sink output.Sink, s *site.Site) (*fullText, error) {
	w, err := output.Stream(sink, llmsFullFile)
	if err != nil {
		return nil, err
	}
	f := &fullText{w: w, h: sha256.New(), pending: map[int][]byte{}}
	// Each twin is preceded by "\n---\n\n": the header's last newline is
	// the first twin's.
	head := llmsHeader(s)
	f.write([]byte(head[:len(head)-1]))
	return f, nil
}

// put gives the twin of page i, nil when it has none. Every page must be
// put once.
func (f *fullText) put(i int, twin []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if i != f.next {
		f.pending[i] = twin
		return
	}
	for {
		if twin != nil {
			f.write([]byte("\n---\n\n"))
			f.write(twin)
		}
		f.next++
		var ok bool
		if twin, ok = f.pending[f.next]; !ok {
			return
		}
		delete(f.pending, f.next)
	}
}

func (f *fullText) write(b []byte) {
	if f.err != nil {
		return
	}
	f.h.Write(b)
	_, f.err = f.w.Write(b)
}

// close finishes the file and returns the SHA-256 of its bytes.
func (f *fullText) close() ([32]byte, error) {
	var sum [32]byte
	err := f.w.Close()
	if f.err != nil {
		err = f.err
	}
	if err == nil && len(f.pending) > 0 {
		err = fmt.Errorf("%s: %d pages were never written", llmsFullFile, len(f.pending))
	}
	f.h.Sum(sum[:0])
	return sum, err
}
