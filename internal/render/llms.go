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
// in any order, and each twin goes in as soon as every page before it has,
// so that only the few twins that finished early are held, however large
// the site. Twins are separated by thematic breaks. A sink that streams
// gets the file written piece by piece; the preview server's in-memory
// site gets a Lazy file, joined only if someone asks for it. Its digest,
// for the service worker's version, hashes the header and the twins'
// SHA-256s, never the whole file.
type fullText struct {
	mu      sync.Mutex
	sink    output.Sink
	w       io.WriteCloser // streaming; nil for a Lazy file
	pieces  [][]byte       // a Lazy file's pieces
	size    int
	h       hash.Hash
	next    int               // the page whose twin goes next
	pending map[int]twinPiece // twins of later pages, done early
	err     error
}

type twinPiece struct {
	data []byte
	sum  [32]byte
}

// llmsFullFile is where fullText writes.
var llmsFullFile = strings.TrimPrefix(site.LLMsFullURL, "/")

// twinBreak goes before every twin: the header's last newline is the
// first twin's.
var twinBreak = []byte("\n---\n\n")

func newFullText(sink output.Sink, s *site.Site) (*fullText, error) {
	f := &fullText{sink: sink, h: sha256.New(), pending: map[int]twinPiece{}}
	if _, ok := sink.(output.LazySink); !ok {
		w, err := output.Stream(sink, llmsFullFile)
		if err != nil {
			return nil, err
		}
		f.w = w
	}
	head := llmsHeader(s)
	head = head[:len(head)-1]
	f.h.Write([]byte(head))
	f.write([]byte(head))
	return f, nil
}

// put gives the twin of page i and its SHA-256, nil when it has none.
// Every page must be put once.
func (f *fullText) put(i int, twin []byte, sum [32]byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if i != f.next {
		f.pending[i] = twinPiece{twin, sum}
		return
	}
	t := twinPiece{twin, sum}
	for {
		if t.data != nil {
			f.write(twinBreak)
			f.write(t.data)
			f.h.Write(t.sum[:])
		}
		f.next++
		var ok bool
		if t, ok = f.pending[f.next]; !ok {
			return
		}
		delete(f.pending, f.next)
	}
}

func (f *fullText) write(b []byte) {
	f.size += len(b)
	if f.w == nil {
		f.pieces = append(f.pieces, b)
		return
	}
	if f.err == nil {
		_, f.err = f.w.Write(b)
	}
}

// close finishes the file and returns its digest.
func (f *fullText) close() ([32]byte, error) {
	var sum [32]byte
	f.h.Sum(sum[:0])
	var err error
	if f.w != nil {
		err = f.w.Close()
	} else {
		pieces, size := f.pieces, f.size
		err = f.sink.(output.LazySink).AddLazy(llmsFullFile, output.NewLazy(sum, size, func() []byte {
			b := make([]byte, 0, size)
			for _, p := range pieces {
				b = append(b, p...)
			}
			return b
		}))
	}
	if f.err != nil {
		err = f.err
	}
	if err == nil && len(f.pending) > 0 {
		err = fmt.Errorf("%s: %d pages were never written", llmsFullFile, len(f.pending))
	}
	return sum, err
}
