package markdown

import (
	"fmt"
	"strings"
	"testing"
)

func render(t *testing.T, src string) *Document {
	t.Helper()
	d, err := New(WithReservedIDs("faq")).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRender_HeadingIDsAreStableAndUnique(t *testing.T) {
	d := render(t, "## What it means\n\n## What it means\n\n### `Retry-After` vs. 503's header\n\n## FAQ\n")
	want := []string{"what-it-means", "what-it-means-1", "retry-after-vs-503s-header", "faq-1"}
	if len(d.Headings) != len(want) {
		t.Fatalf("headings = %+v", d.Headings)
	}
	for i, h := range d.Headings {
		if h.ID != want[i] {
			t.Errorf("heading %d id = %q, want %q", i, h.ID, want[i])
		}
		if !strings.Contains(string(d.HTML), `id="`+want[i]+`"`) {
			t.Errorf("HTML lacks id %q", want[i])
		}
	}
	if d.Headings[2].Text != "Retry-After vs. 503's header" || d.Headings[2].Level != 3 || d.Headings[2].Line != 5 {
		t.Errorf("heading 2 = %+v", d.Headings[2])
	}
}

func TestRender_ConsecutiveFencesBecomeOneTabGroup(t *testing.T) {
	src := "```http\nGET / HTTP/1.1\n```\n\n```js title=\"fetch\"\nfetch('/')\n```\n```go\npackage main\n```\n\ntext\n\n```json\n{}\n```\n"
	d := render(t, src)
	html := string(d.HTML)
	if n := strings.Count(html, `data-tabs`); n != 1 {
		t.Fatalf("want 1 tab group, got %d:\n%s", n, html)
	}
	if n := strings.Count(html, `class="tab-panel"`); n != 3 {
		t.Errorf("want 3 panels, got %d", n)
	}
	for _, label := range []string{">HTTP<", ">fetch<", ">Go<"} {
		if !strings.Contains(html, `<p class="tab-label"`+label[:0]) || !strings.Contains(html, label) {
			t.Errorf("missing tab label %s", label)
		}
	}
	// The lone JSON block after the paragraph is not part of the group.
	if !strings.Contains(html, `<div class="code"><p class="code-label">JSON</p>`) {
		t.Errorf("single block not rendered on its own:\n%s", html)
	}
	if len(d.Fences) != 4 || d.Fences[1].Title != "fetch" || d.Fences[2].Lang != "go" || d.Fences[3].Line != 14 {
		t.Errorf("fences = %+v", d.Fences)
	}
}

func TestRender_HighlightsWithClassesNotInlineStyles(t *testing.T) {
	html := string(render(t, "```go\npackage main\n\nfunc main() {}\n```\n").HTML)
	if !strings.Contains(html, `<span class="kn">package</span>`) {
		t.Errorf("no class-based highlighting:\n%s", html)
	}
	if strings.Contains(html, "style=") {
		t.Errorf("inline style in output:\n%s", html)
	}
}

func TestRender_EscapesRawHTML(t *testing.T) {
	html := string(render(t, "Hello <script>alert(1)</script> there.\n\n<div onclick=\"x()\">block</div>\n").HTML)
	if strings.Contains(html, "<script>") || strings.Contains(html, "<div onclick") {
		t.Fatalf("raw HTML passed through:\n%s", html)
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(html, "&lt;div onclick=&quot;x()&quot;&gt;") {
		t.Errorf("raw HTML not shown as text:\n%s", html)
	}
}

func TestRender_ReportsFenceProblems(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"text\n\n```\nx\n```\n", "3:1: code fence has no language: label it, e.g. ```http, ```js or ```go"},
		{"```golang\nx\n```\n", `1:1: code fence: unknown language "golang"`},
		{"```go frag\nx\n```\n", `1:1: code fence: unknown option "frag" (use title="..." or fragment)`},
	}
	for _, tc := range tests {
		d := render(t, tc.src)
		if len(d.Problems) != 1 {
			t.Errorf("%q: problems = %+v", tc.src, d.Problems)
			continue
		}
		p := d.Problems[0]
		got := fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%q: got %q, want prefix %q", tc.src, got, tc.want)
		}
	}
}

func TestRender_CollectsLinksWithPositions(t *testing.T) {
	d := render(t, "# T\n\nSee [Gone](/status/410/#x) and\n  <https://example.com/a>, ![i](/img.png).\n")
	want := []Link{{"/status/410/#x", 3, 5, 16, 30}, {"https://example.com/a", 4, 4, -1, -1}, {"/img.png", 4, 28, 68, 76}}
	if len(d.Links) != len(want) {
		t.Fatalf("links = %+v", d.Links)
	}
	for i := range want {
		if d.Links[i] != want[i] {
			t.Errorf("link %d = %+v, want %+v", i, d.Links[i], want[i])
		}
	}
}

func TestClean_MakesSitePathsAbsolute(t *testing.T) {
	src := "See [Gone](/status/410/ \"t\") and [*it*](/x/), [**b**][r] `[no](/code/)`,\n" +
		"| a | b |\n| - | - |\n| [c](/status/404/#x) | [same](/x/) |\n\n" +
		"[top](#a) <https://example.com/> [ok](<https://example.com/b>)\n\n```md\n[no](/fence/)\n```\n\n[r]: /ref/\n"
	d := render(t, src)
	got := string(Clean([]byte(src), d, func(dest string) string {
		if strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
			return "https://h" + dest
		}
		return dest
	}))
	want := strings.NewReplacer("(/status/410/", "(https://h/status/410/", "(/x/)", "(https://h/x/)", "(/status/404/#x)", "(https://h/status/404/#x)",
		"(#a)", "(https://h#a)").Replace(src)
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestClean_EscapesRawHTML(t *testing.T) {
	src := "Inline <span onclick=\"x\">a</span> and `<b>` code.\n\n<div>\nblock <i>\n</div>\n\n```html\n<p>fence</p>\n```\n"
	want := "Inline &lt;span onclick=\"x\">a&lt;/span> and `<b>` code.\n\n&lt;div>\nblock &lt;i>\n&lt;/div>\n\n```html\n<p>fence</p>\n```\n"
	if got := string(Clean([]byte(src), render(t, src), func(d string) string { return d })); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	html, err := PermissiveHTML([]byte(want))
	if err != nil || strings.Contains(string(html), "<span") || strings.Contains(string(html), "<div") || !strings.Contains(string(html), "&lt;b&gt;") {
		t.Errorf("a permissive renderer makes HTML of it: %s (%v)", html, err)
	}
}

func TestParseInfo(t *testing.T) {
	fi := parseInfo(`go title="Go server" fragment`)
	if fi.lang != "go" || fi.title != "Go server" || !fi.fragment || fi.bad != "" {
		t.Errorf("parseInfo = %+v", fi)
	}
}

func TestStyleCSS_HasLightAndDark(t *testing.T) {
	css, err := StyleCSS()
	if err != nil {
		t.Fatal(err)
	}
	s := string(css)
	for _, want := range []string{".chroma .kn {", DarkScope + " .chroma .kn {", "@media (prefers-color-scheme: dark) {\n" + SystemDarkScope + " .bg {"} {
		if !strings.Contains(s, want) {
			t.Errorf("stylesheet lacks %q:\n%s", want, s)
		}
	}
}

func TestRender_TableCells(t *testing.T) {
	html := string(render(t, "|   | 401 | 403 |\n| --- | :---: | ---: |\n| Means | who | no |\n").HTML)
	for _, want := range []string{`<td></td>`, `<th scope="col" class="align-center">401</th>`, `<th scope="col" class="align-right">403</th>`, `<td class="align-center">who</td>`} {
		if !strings.Contains(html, want) {
			t.Errorf("table lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "style=") || strings.Contains(html, "<th></th>") {
		t.Errorf("inline style or empty header cell:\n%s", html)
	}
}

func TestRender_HeadingsWithEntities(t *testing.T) {
	d := render(t, "## A &amp; B\n\n## Caf&eacute; &lt;b&gt;\n")
	want := []Heading{{Level: 2, ID: "a-b", Text: "A & B", Line: 1}, {Level: 2, ID: "caf-b", Text: "Café <b>", Line: 3}}
	for i, h := range d.Headings {
		if h != want[i] {
			t.Errorf("heading %d = %+v, want %+v", i, h, want[i])
		}
	}
}

func TestRender_ManyIdenticalHeadingsGetSequentialIDs(t *testing.T) {
	d := render(t, strings.Repeat("## Same\n\n", 5)+"## Same 1\n\n## Same\n")
	var got []string
	for _, h := range d.Headings {
		got = append(got, h.ID)
	}
	if want := "same same-1 same-2 same-3 same-4 same-1-1 same-5"; strings.Join(got, " ") != want {
		t.Errorf("ids = %v, want %s", got, want)
	}
}

func TestCompact(t *testing.T) {
	in := "<p>a</p>\n<pre class=\"chroma\"><code>x\n<span>y</span>\n</code></pre>\n<ul>\n<li>b</li>\n</ul>\n<p><em>a</em>\n<em>b</em></p>\n<table>\n<tr>\n<td>c</td>\n</tr>\n</table>\n"
	want := "<p>a</p><pre class=\"chroma\"><code>x\n<span>y</span>\n</code></pre><ul><li>b</li></ul><p><em>a</em>\n<em>b</em></p><table><tr><td>c</td></tr></table>"
	if got := string(compact([]byte(in))); got != want {
		t.Errorf("compact:\n got %q\nwant %q", got, want)
	}
}

func TestRender_TablesScrollInLabelledRegions(t *testing.T) {
	src := "| A | B |\n| --- | --- |\n| 1 | 2 |\n\n## Headers that matter\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n"
	html := string(render(t, src).HTML)
	for _, want := range []string{
		`<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table>`,
		`aria-label="Table: Headers that matter"><table>`,
		`aria-label="Table: Headers that matter (2)"><table>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in:\n%s", want, html)
		}
	}
	if n := strings.Count(html, "</table></div>"); n != 3 {
		t.Errorf("%d tables closed in their box, want 3", n)
	}
}

func TestRender_EmptyCornerMakesRowHeaders(t *testing.T) {
	cmp := string(render(t, "| | 401 | 403 |\n| --- | --- | --- |\n| Means | who | no |\n| Retry | yes | no |\n").HTML)
	for _, want := range []string{`<td></td>`, `<th scope="row">Means</th>`, `<th scope="row">Retry</th>`, `<td>who</td>`} {
		if !strings.Contains(cmp, want) {
			t.Errorf("comparison table lacks %s:\n%s", want, cmp)
		}
	}
	plain := string(render(t, "| Code | Means |\n| --- | --- |\n| 401 | who |\n").HTML)
	if strings.Contains(plain, `scope="row"`) || !strings.Contains(plain, `<td>401</td>`) {
		t.Errorf("a table with a named first column got row headers:\n%s", plain)
	}
}

func TestRender_HeadingsLinkToThemselves(t *testing.T) {
	html := string(render(t, "## What it means\n\n### See [RFC](https://example.com/)\n").HTML)
	if !strings.Contains(html, `<h2 id="what-it-means"><a class="anchor" href="#what-it-means">What it means<span class="hash" aria-hidden="true">#</span></a></h2>`) {
		t.Errorf("heading is not a link to itself:\n%s", html)
	}
	// No link inside a link: a separate anchor.
	if !strings.Contains(html, `<a href="https://example.com/">RFC</a> <a class="anchor" href="#see-rfc-https-example-com" aria-label="Link to this section">#</a></h3>`) {
		t.Errorf("heading with a link lacks a separate anchor:\n%s", html)
	}
}

func TestRender_OnlyWideCodeBlocksAreTabStops(t *testing.T) {
	html := string(render(t, "```http\nGET / HTTP/1.1\n```\n\ntext\n\n```go\nfunc main() { fmt.Println(\"a line much too long for a phone\") }\n```\n").HTML)
	if n := strings.Count(html, `<pre class="chroma" tabindex="0">`); n != 1 {
		t.Errorf("%d focusable code blocks, want 1 (the wide one):\n%s", n, html)
	}
	if widest([]byte("\tab\n°°°\n")) != 6 {
		t.Errorf("widest = %d, want 6", widest([]byte("\tab\n°°°\n")))
	}
}
