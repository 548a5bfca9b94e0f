package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzRender renders arbitrary Markdown and checks that the HTML is safe:
// no element that runs or embeds anything, no event handler, no link or
// source with a scheme that can run script, and heading IDs that are
// unique. Seeds are the bodies of the repository's real pages.
func FuzzRender(f *testing.F) {
	for _, dir := range []string{"../../content/status", "../../content/concepts"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				continue
			}
			if _, body, ok := bytes.Cut(b[3:], []byte("\n---\n")); ok {
				f.Add(body)
			}
		}
	}
	for _, s := range []string{"<script>x</script>", "[a](javascript:alert(1))", "[a](&#106;avascript:x)", "<javascript:x>",
		"![i](data:text/html,x)", "[r]\n\n[r]: vbscript:x", "## x\n\n## x", "```js title=\"<b>\" fragment\nx\n```"} {
		f.Add([]byte(s))
	}
	r := New(WithReservedIDs("faq", "main"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := r.Render(src)
		if err != nil {
			return // an error is reported to the contributor; no HTML
		}
		if err := safeHTML(d.HTML); err != nil {
			t.Fatalf("%v\nin:\n%s", err, d.HTML)
		}
		seen := map[string]bool{"faq": true, "main": true}
		for _, h := range d.Headings {
			if seen[h.ID] {
				t.Fatalf("heading ID %q twice", h.ID)
			}
			seen[h.ID] = true
		}
	})
}

// safeHTML reports the first thing in a fragment of rendered Markdown that
// could run script or load something: a script-like element, an event
// handler attribute, or a link or source with a dangerous scheme.
func safeHTML(b []byte) error {
	nodes, err := html.ParseFragment(bytes.NewReader(b), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return err
	}
	var check func(n *html.Node) error
	check = func(n *html.Node) error {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "iframe", "object", "embed", "form", "base", "link", "meta", "svg", "math":
				return errorf("element <%s>", n.Data)
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
					return errorf("attribute %s on <%s>", a.Key, n.Data)
				}
				if (key == "href" || key == "src" || key == "xlink:href" || key == "action") && dangerousURL(a.Val, n.Data == "img") {
					return errorf("%s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if err := check(c); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range nodes {
		if err := check(n); err != nil {
			return err
		}
	}
	return nil
}

// dangerousURL reports a URL whose scheme can run script, however it is
// spelled: case, white space and control characters are ignored, as
// browsers ignore them.
func dangerousURL(u string, image bool) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(u) {
		if r > ' ' && r != 0x7f {
			b.WriteRune(r)
		}
	}
	s := b.String()
	for _, p := range []string{"javascript:", "vbscript:", "livescript:", "file:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	if strings.HasPrefix(s, "data:") {
		return !image || !(strings.HasPrefix(s, "data:image/png") || strings.HasPrefix(s, "data:image/gif") ||
			strings.HasPrefix(s, "data:image/jpeg") || strings.HasPrefix(s, "data:image/webp"))
	}
	return false
}

type safetyError string

func (e safetyError) Error() string { return "unsafe HTML: " + string(e) }

func errorf(format string, args ...any) error {
	return safetyError(fmt.Sprintf(format, args...))
}
