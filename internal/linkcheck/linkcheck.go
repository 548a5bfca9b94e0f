// Package linkcheck verifies a built site: every site-relative link and
// asset reference in every HTML page must name a file that exists, and
// every #fragment an id on the target page.
//
// site.Build already checks the links contributors write, with their source
// positions; this package checks the finished output, templates included.
package linkcheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// Problem is one broken reference.
type Problem struct {
	Page string // output file that holds the reference
	Ref  string
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %q: %s", p.Page, p.Ref, p.Msg) }

type page struct {
	ids  map[string]bool
	refs []string
}

// Check reads every .html file in fsys and reports each reference that does
// not resolve, sorted by page.
func Check(fsys fs.FS) ([]Problem, error) {
	pages := map[string]*page{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		pages[p] = scan(b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []Problem
	for name, pg := range pages {
		for _, ref := range pg.refs {
			if msg := resolve(fsys, pages, name, ref); msg != "" {
				out = append(out, Problem{Page: name, Ref: ref, Msg: msg})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Page != out[j].Page {
			return out[i].Page < out[j].Page
		}
		return out[i].Ref < out[j].Ref
	})
	return out, nil
}

// scan collects the ids and the href/src values of an HTML document.
func scan(b []byte) *page {
	pg := &page{ids: map[string]bool{}}
	l := html.NewLexer(parse.NewInputBytes(b))
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return pg
		case html.AttributeToken:
			name := string(bytes.ToLower(l.Text()))
			val := string(bytes.Trim(l.AttrVal(), `"'`))
			switch name {
			case "id":
				pg.ids[val] = true
			case "href", "src":
				pg.refs = append(pg.refs, htmlUnescape(val))
			}
		}
	}
}

func htmlUnescape(s string) string { return strings.ReplaceAll(s, "&amp;", "&") }

// resolve returns why ref, found on page from, does not resolve, or "".
func resolve(fsys fs.FS, pages map[string]*page, from, ref string) string {
	u, err := url.Parse(ref)
	if err != nil {
		return "not a valid URL"
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // external: not checked offline
	}
	target := from
	if u.Path != "" {
		if !strings.HasPrefix(u.Path, "/") {
			return "relative paths are not used on this site"
		}
		p := strings.TrimPrefix(u.Path, "/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		p = path.Clean(p)
		if _, err := fs.Stat(fsys, p); err != nil {
			return "no file " + p
		}
		target = p
	}
	if u.Fragment != "" {
		pg := pages[target]
		if pg == nil || !pg.ids[u.Fragment] {
			return "no id " + u.Fragment + " on " + target
		}
	}
	return ""
}
