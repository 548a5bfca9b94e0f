package sitetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ScriptPolicy decides which <script> elements a document may hold: the
// site's own. A nil policy allows none.
type ScriptPolicy func(n *html.Node) error

// SiteScripts allows what the site's templates write: external scripts
// from /assets/ and JSON-LD blocks, which must parse as JSON.
func SiteScripts(n *html.Node) error {
	if src := attr(n, "src"); src != "" {
		if !strings.HasPrefix(src, "/assets/") || !strings.HasSuffix(src, ".js") {
			return fmt.Errorf("<script src=%q> is not one of the site's assets", src)
		}
		return nil
	}
	if attr(n, "type") != "application/ld+json" {
		return fmt.Errorf("inline <script> that is not JSON-LD")
	}
	var text strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		text.WriteString(c.Data)
	}
	var v any
	if err := json.Unmarshal([]byte(text.String()), &v); err != nil {
		return fmt.Errorf("JSON-LD does not parse: %v", err)
	}
	return nil
}

// CheckSafeHTML reports the first thing in an HTML document, or in a
// fragment when fragment is set, that could run script or load something
// from content: a <script> the policy refuses, an element that embeds or
// runs anything, an event handler or style attribute, or a link or source
// whose scheme can run script.
func CheckSafeHTML(b []byte, fragment bool, scripts ScriptPolicy) error {
	var roots []*html.Node
	if fragment {
		nodes, err := html.ParseFragment(bytes.NewReader(b), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil {
			return err
		}
		roots = nodes
	} else {
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			return err
		}
		roots = []*html.Node{doc}
	}
	var check func(n *html.Node) error
	check = func(n *html.Node) error {
		if n.Type == html.ElementNode {
			if err := checkElement(n, scripts); err != nil {
				return err
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if err := check(c); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range roots {
		if err := check(n); err != nil {
			return err
		}
	}
	return nil
}

func checkElement(n *html.Node, scripts ScriptPolicy) error {
	switch n.Data {
	case "script":
		if scripts == nil {
			return fmt.Errorf("<script>")
		}
		if err := scripts(n); err != nil {
			return err
		}
	case "iframe", "frame", "object", "embed", "applet", "form", "base", "math":
		return fmt.Errorf("<%s>", n.Data)
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" || key == "formaction" {
			return fmt.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
		}
		if (key == "href" || key == "src" || key == "xlink:href" || key == "action" || key == "poster") && DangerousURL(a.Val, n.Data == "img") {
			return fmt.Errorf("%s=%q on <%s>", a.Key, a.Val, n.Data)
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// DangerousURL reports a URL whose scheme can run script, however it is
// spelled: case, white space and control characters are ignored, as
// browsers ignore them. Images may use data: URLs of raster types.
func DangerousURL(u string, image bool) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(html.UnescapeString(u)) {
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
		for _, ok := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
			if image && strings.HasPrefix(s, ok) {
				return false
			}
		}
		return true
	}
	return false
}
