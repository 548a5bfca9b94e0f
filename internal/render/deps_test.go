package render

import (
	"reflect"
	"testing"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/markdown"
	"github.com/statusgen/statusgen/internal/site"
	"github.com/statusgen/statusgen/internal/sitetest"
)

type plainMarkdown struct{ r *markdown.Renderer }

func (p plainMarkdown) Render(key [32]byte, src []byte) (*markdown.Document, error) {
	d, err := p.r.Render(src)
	if d != nil {
		d.Key = key
	}
	return d, err
}

// TestPageDeps_CoverEveryCardAViewShows checks the promise incremental
// builds rest on: every page card a view shows belongs to a page that
// site.Page.Deps names, so a page whose dependencies did not change cannot
// show anything that did.
func TestPageDeps_CoverEveryCardAViewShows(t *testing.T) {
	fsys := sitetest.MapFS(t, sitetest.Real(t))
	c, errs := content.Load(fsys)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	s := site.Build(c)
	md := plainMarkdown{markdown.New(markdown.WithReservedIDs(site.ReservedIDs()...))}
	urlOf := map[any]string{}
	for _, p := range s.Pages {
		if own, _ := p.Deps(); own != nil {
			urlOf[own] = p.URL
		}
		_ = s.RenderMarkdown(p, md)
	}
	checked := 0
	for _, p := range s.Pages {
		own, deps := p.Deps()
		allowed := map[string]bool{}
		if own != nil {
			allowed[urlOf[own]] = true
		}
		for _, d := range deps {
			allowed[urlOf[d]] = true
		}
		v := newView(s, p, Options{}, &fragments{})
		for _, u := range cardURLs(reflect.ValueOf(v)) {
			checked++
			if !allowed[u] {
				t.Errorf("%s shows the card of %s, which its Deps do not name", p.URL, u)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d cards found: the walk misses them", checked)
	}
}

// cardURLs finds every statusCard and conceptCard in a view.
func cardURLs(v reflect.Value) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			switch v.Type() {
			case reflect.TypeOf(statusCard{}), reflect.TypeOf(conceptCard{}):
				out = append(out, v.FieldByName("URL").String())
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() || v.Type().Field(i).Anonymous {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(v)
	return out
}
