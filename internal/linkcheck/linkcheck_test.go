package linkcheck

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"index.html": {Data: []byte(`<a href="/status/404/">ok</a><a href="/status/404/#faq">ok</a>
<a href="/status/404/#nope">bad anchor</a><a href="/status/999/">missing</a><a href="#top">self</a>
<a href="https://example.com/x">external</a><a href="mailto:a@example.com">mail</a>
<link rel="stylesheet" href="/assets/style.css"><img src="/img/missing.png" alt=""><a href="status/404/">relative</a>
<h1 id="top">T</h1>`)},
		"status/404/index.html": {Data: []byte(`<section id="faq"></section><a href="/?q=1&amp;r=2">home</a>`)},
		"assets/style.css":      {Data: []byte(`body{}`)},
	}
	problems, err := Check(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		`index.html: "/img/missing.png": no file img/missing.png`,
		`index.html: "/status/404/#nope": no id nope on status/404/index.html`,
		`index.html: "/status/999/": no file status/999/index.html`,
		`index.html: "status/404/": relative paths are not used on this site`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
