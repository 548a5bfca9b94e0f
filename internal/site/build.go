package site

import (
	"crypto/sha256"
	"strconv"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/markdown"
)

// Markdown renders Markdown. key is the content address of src: the
// digest of its file and which part of the file it is. A cache may return
// the document it rendered before under the same key; the document's Key is
// key.
type Markdown interface {
	Render(key [32]byte, src []byte) (*markdown.Document, error)
}

// Build resolves c into a Site: pages, classes, related codes and concept
// backlinks. c must have loaded without errors. The Markdown of each page is
// rendered later, page by page, with RenderMarkdown, and links are checked
// once every page is rendered, with CheckLinks.
func Build(c *content.Content) *Site {
	s := &Site{Config: c.Config, Constants: c.Constants, content: c}
	byCode := map[int]*Status{}
	classes := map[int]*Class{}
	for _, cs := range c.Statuses {
		st := &Status{Status: cs, URL: StatusURL(cs.Code)}
		if c.Constants != nil {
			st.Constants = c.Constants.Codes[cs.Code]
		}
		cl := classes[cs.Class()]
		if cl == nil {
			cl = NewClass(cs.Class())
			classes[cs.Class()] = cl
			s.Classes = append(s.Classes, cl)
		}
		st.Class = cl
		cl.Members = append(cl.Members, st)
		byCode[cs.Code] = st
		s.Statuses = append(s.Statuses, st)
	}
	bySlug := map[string]*Concept{}
	for _, cc := range c.Concepts {
		cp := &Concept{Concept: cc, URL: ConceptURL(cc.Slug)}
		bySlug[cc.Slug] = cp
		s.Concepts = append(s.Concepts, cp)
	}
	for i, st := range s.Statuses {
		for _, r := range st.Status.Related {
			if rs := byCode[r]; rs != nil {
				st.Related = append(st.Related, rs)
			}
		}
		for _, slug := range st.Status.Concepts {
			if cp := bySlug[slug]; cp != nil {
				st.Concepts = append(st.Concepts, cp)
				cp.Statuses = append(cp.Statuses, st)
			}
		}
		if i > 0 {
			st.Prev = s.Statuses[i-1]
		}
		if i+1 < len(s.Statuses) {
			st.Next = s.Statuses[i+1]
		}
	}
	for _, cp := range s.Concepts {
		for _, slug := range cp.Concept.Concepts {
			if r := bySlug[slug]; r != nil {
				cp.Related = append(cp.Related, r)
			}
		}
	}

	buildTools(s, c, byCode)
	s.Pages = pages(s)
	return s
}

// renderJob renders one piece of Markdown and stores the result.
type renderJob struct {
	key   [32]byte
	src   []byte
	pos   func(line, col int) diag.Pos // file position of a source position
	links *[]sourceLink                // where the links found are recorded
	store func(*markdown.Document)
}

// RenderMarkdown renders the Markdown of page p, its body and FAQ answers,
// with md, and records what the checks need: the headings and anchors of
// the page and the links written in it, at file positions. Pages without
// Markdown (home, indexes) need nothing. Different pages may be rendered
// concurrently.
func (s *Site) RenderMarkdown(p *Page, md Markdown) diag.List {
	var jobs []renderJob
	var errs diag.List
	source := func(path, digest string, b content.Body) []byte {
		src, err := s.content.Source(path, digest, b)
		if err != nil {
			errs.Errorf(diag.Pos{Path: path}, "%v", err)
		}
		return src
	}
	switch {
	case p.Status != nil:
		st := p.Status
		st.links = st.links[:0]
		src := source(st.Path, st.Digest, st.Status.Body)
		st.body = src
		jobs = append(jobs, renderJob{partKey(st.Digest, -1), src, bodyPos(st.Path, st.Status.Body), &st.links, func(d *markdown.Document) {
			st.Doc = d
		}})
		st.FAQ = make([]FAQ, len(st.Status.FAQ))
		jobs = append(jobs, faqJobs(st.Path, st.Digest, st.Status.FAQ, st.FAQ, &st.links)...)
	case p.Concept != nil:
		cp := p.Concept
		cp.links = cp.links[:0]
		src := source(cp.Path, cp.Digest, cp.Concept.Body)
		cp.body = src
		jobs = append(jobs, renderJob{partKey(cp.Digest, -1), src, bodyPos(cp.Path, cp.Concept.Body), &cp.links, func(d *markdown.Document) {
			cp.Doc = d
		}})
		cp.FAQ = make([]FAQ, len(cp.Concept.FAQ))
		jobs = append(jobs, faqJobs(cp.Path, cp.Digest, cp.Concept.FAQ, cp.FAQ, &cp.links)...)
	default:
		return nil
	}
	if errs.HasErrors() {
		return errs
	}
	for _, j := range jobs {
		d, err := md.Render(j.key, j.src)
		if err != nil {
			errs.Errorf(j.pos(1, 0), "%v", err)
			d = &markdown.Document{Key: j.key}
		}
		for _, pr := range d.Problems {
			errs.Errorf(j.pos(pr.Line, pr.Col), "%s", pr.Msg)
		}
		j.store(d)
		for _, l := range d.Links {
			*j.links = append(*j.links, sourceLink{Dest: l.Dest, Pos: j.pos(l.Line, l.Col)})
		}
	}
	var headings []markdown.Heading
	if p.Status != nil {
		headings = p.Status.Headings()
	} else {
		headings = p.Concept.Headings()
	}
	p.Anchors = anchors(p.Kind, headings)
	return errs
}

// ReleaseMarkdown drops the rendered HTML of page p, once the page is
// written, so that a build's memory does not grow with the site. What the
// checks need (headings, links, fence languages, word counts) stays. With
// sources set it keeps only what the link check reads afterwards, the
// page's anchors and its links at file positions, and the body's headings
// and word count: a build that streams to disk and runs no other check
// afterwards needs neither the page's sources (its file's text, its body,
// its FAQ answers) nor the rest of its documents.
func ReleaseMarkdown(p *Page, sources bool) {
	slim := func(d *markdown.Document) *markdown.Document {
		if d == nil {
			return nil
		}
		return &markdown.Document{Key: d.Key, Words: d.Words, Headings: d.Headings}
	}
	switch {
	case p.Status != nil && sources:
		st := p.Status
		st.Doc, st.FAQ, st.body = slim(st.Doc), nil, nil
		st.Status.Text, st.Status.Body.Source = nil, nil
		for i := range st.Status.FAQ {
			st.Status.FAQ[i].A = ""
		}
	case p.Concept != nil && sources:
		cp := p.Concept
		cp.Doc, cp.FAQ, cp.body = slim(cp.Doc), nil, nil
		cp.Concept.Text, cp.Concept.Body.Source = nil, nil
		for i := range cp.Concept.FAQ {
			cp.Concept.FAQ[i].A = ""
		}
	case p.Status != nil:
		dropHTML(p.Status.Doc, p.Status.FAQ)
	case p.Concept != nil:
		dropHTML(p.Concept.Doc, p.Concept.FAQ)
	}
}

func dropHTML(doc *markdown.Document, faq []FAQ) {
	for _, d := range append([]*markdown.Document{doc}, faqDocs(faq)...) {
		if d != nil {
			d.HTML = nil
		}
	}
}

func faqDocs(faq []FAQ) []*markdown.Document {
	out := make([]*markdown.Document, len(faq))
	for i, f := range faq {
		out[i] = f.Doc
	}
	return out
}

// partKey is the content address of one part of a page file: its body
// (part -1) or its FAQ answer number part. The file's digest covers the
// part's text, so the key changes exactly when the text does.
func partKey(digest string, part int) [32]byte {
	return sha256.Sum256([]byte(digest + "\x00" + strconv.Itoa(part)))
}

func faqJobs(path, digest string, in []content.FAQ, out []FAQ, links *[]sourceLink) []renderJob {
	jobs := make([]renderJob, len(in))
	for i, f := range in {
		i, f := i, f
		pos := func(line, col int) diag.Pos {
			p := f.Pos(line, col)
			p.Path = path
			return p
		}
		jobs[i] = renderJob{partKey(digest, i), []byte(f.A), pos, links, func(d *markdown.Document) {
			if d.Plain == "" {
				d.Plain = plainText(d.HTML)
			}
			out[i] = FAQ{Q: f.Q, Text: d.Plain, Doc: d}
		}}
	}
	return jobs
}

func bodyPos(path string, b content.Body) func(line, col int) diag.Pos {
	return func(line, col int) diag.Pos { return b.Pos(path, line, col) }
}
