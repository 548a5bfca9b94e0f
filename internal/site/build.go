package site

import (
	"context"
	"crypto/sha256"
	"html/template"
	"runtime"
	"strconv"
	"sync"

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

// Build resolves c into a Site, rendering every page's Markdown with md and
// checking every link written in it. c must have loaded without errors. If
// ctx is cancelled, Build stops rendering and returns ctx's error.
func Build(ctx context.Context, c *content.Content, md Markdown) (*Site, diag.List, error) {
	s := &Site{Config: c.Config, Constants: c.Constants}
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

	errs, err := renderMarkdown(ctx, s, md)
	if err != nil {
		return nil, nil, err
	}
	s.Pages = pages(s)
	checkLinks(s, &errs)
	errs.Sort()
	return s, errs, nil
}

// renderJob renders one piece of Markdown and stores the result.
type renderJob struct {
	key   [32]byte
	src   []byte
	pos   func(line, col int) diag.Pos // file position of a source position
	links *[]sourceLink                // where the links found are recorded
	store func(*markdown.Document)
}

// renderMarkdown renders every body and FAQ answer, in parallel. Results go
// to fixed slots, so the output does not depend on scheduling.
func renderMarkdown(ctx context.Context, s *Site, md Markdown) (diag.List, error) {
	var jobs []renderJob
	for _, st := range s.Statuses {
		st := st
		jobs = append(jobs, renderJob{partKey(st.Digest, -1), st.Status.Body.Source, bodyPos(st.Path, st.Status.Body), &st.links, func(d *markdown.Document) {
			st.Body = template.HTML(d.HTML)
			st.Doc = d
		}})
		st.FAQ = make([]FAQ, len(st.Status.FAQ))
		jobs = append(jobs, faqJobs(st.Path, st.Digest, st.Status.FAQ, st.FAQ, &st.links)...)
	}
	for _, cp := range s.Concepts {
		cp := cp
		jobs = append(jobs, renderJob{partKey(cp.Digest, -1), cp.Concept.Body.Source, bodyPos(cp.Path, cp.Concept.Body), &cp.links, func(d *markdown.Document) {
			cp.Body = template.HTML(d.HTML)
			cp.Doc = d
		}})
		cp.FAQ = make([]FAQ, len(cp.Concept.FAQ))
		jobs = append(jobs, faqJobs(cp.Path, cp.Digest, cp.Concept.FAQ, cp.FAQ, &cp.links)...)
	}

	docs := make([]*markdown.Document, len(jobs))
	errors := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i], errors[i] = md.Render(jobs[i].key, jobs[i].src)
			}
		}()
	}
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var errs diag.List
	for i, j := range jobs {
		if errors[i] != nil {
			errs.Errorf(j.pos(1, 0), "%v", errors[i])
			continue
		}
		for _, p := range docs[i].Problems {
			errs.Errorf(j.pos(p.Line, p.Col), "%s", p.Msg)
		}
		j.store(docs[i])
		for _, l := range docs[i].Links {
			*j.links = append(*j.links, sourceLink{Dest: l.Dest, Pos: j.pos(l.Line, l.Col)})
		}
	}
	return errs, nil
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
			out[i] = FAQ{Q: f.Q, A: template.HTML(d.HTML), Text: plainText(d.HTML), Doc: d}
		}}
	}
	return jobs
}

func bodyPos(path string, b content.Body) func(line, col int) diag.Pos {
	return func(line, col int) diag.Pos { return b.Pos(path, line, col) }
}
