package build

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/statusgen/statusgen/internal/linkcheck"
	"github.com/statusgen/statusgen/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// repoRoot is the repository, two levels up from this package.
const repoRoot = "../.."

func mustBuild(t testing.TB, fsys fs.FS, opts Options) *Result {
	t.Helper()
	res, errs := New().Build(context.Background(), fsys, opts)
	if res == nil {
		t.Fatalf("build failed:\n%v", errs)
	}
	return res
}

func TestBuild_FixtureMatchesGoldenFiles(t *testing.T) {
	res := mustBuild(t, sitetest.FixtureFS(t), Options{})
	dir := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for _, n := range res.Files.Names() {
			b, _ := res.Files.Get(n)
			p := filepath.Join(dir, filepath.FromSlash(n))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		seen[name] = true
		want, _ := os.ReadFile(p)
		got, ok := res.Files.Get(name)
		switch {
		case !ok:
			t.Errorf("%s: in golden files but not built", name)
		case !bytes.Equal(got, want):
			t.Errorf("%s: differs from golden file (run go test ./internal/build -update and review the diff)", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Files.Names() {
		if !seen[n] {
			t.Errorf("%s: built but not in golden files", n)
		}
	}
}

// TestBuild_StatusPageHasEveryPart checks the parts of a code page that
// issue #3 lists, independently of the golden files.
func TestBuild_StatusPageHasEveryPart(t *testing.T) {
	res := mustBuild(t, sitetest.FixtureFS(t), Options{})
	b, ok := res.Files.Get("status/404/index.html")
	if !ok {
		t.Fatal("no status/404/index.html")
	}
	page := string(b)
	for _, want := range []string{
		`<title>404 Not Found · Fixture Codes</title>`,
		`<meta name="description" content="Nothing lives at this URL, or the server will not say. Tags like <script> stay text.">`,
		`<link rel="canonical" href="https://fixture.example.com/status/404/">`,
		`<meta property="og:title" content="404 Not Found">`,
		`<nav class="crumbs wrap" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/status/">Status codes</a></li><li><a href="/status/4xx/">4xx</a></li><li><span aria-current="page">404 Not Found</span></li></ol></nav>`,
		`<h1><span class="num num-4">404</span> Not Found</h1>`,
		`<strong>TL;DR</strong> Nothing lives at this URL`,
		`<a href="https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5">RFC 9110, Section 15.5.5</a>`,
		`<h2 id="what-it-means"><a class="anchor" href="#what-it-means">What it means<span class="hash" aria-hidden="true">#</span></a></h2>`,
		`<section id="related-codes"`,
		`<a href="/status/410/"><span class="num num-4">410</span> <span class="name">Gone</span></a><p>The resource was here and has been removed on purpose, for good.</p>`,
		`<section id="related-concepts"`,
		`<a href="/concepts/caching/">Caching</a>`,
		`<h3>Does a 404 hurt "SEO"?</h3><p>Not by itself. A <code>404</code> for a page that never existed is <em>normal</em>.</p>`,
		`<a class="prev" rel="prev" href="/status/200/">`,
		`<a class="next" rel="next" href="/status/410/">`,
		`<a href="https://github.com/example/fixture/edit/main/content/status/404.md">Edit this page</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("404 page lacks %s", want)
		}
	}
	for _, tag := range tags(b) {
		if tag.attrs["style"] != "" {
			t.Errorf("inline style on <%s>", tag.name)
		}
		if tag.name == "script" && tag.attrs["src"] == "" && tag.attrs["type"] != "application/ld+json" {
			t.Errorf("inline script: %v", tag.attrs)
		}
	}
	// Links out are fine; nothing may be loaded from another host.
	for _, m := range regexp.MustCompile(`<(?:script|img|link rel="(?:stylesheet|icon)")[^>]*(?:src|href)="(https?:[^"]*)`).FindAllStringSubmatch(page, -1) {
		t.Errorf("page loads %s", m[1])
	}
}

func TestBuild_JSONLDIsValidAndEscaped(t *testing.T) {
	fsys := sitetest.FixtureFS(t)
	p := fsys["content/status/404.md"]
	p.Data = bytes.Replace(p.Data, []byte(`Does a 404 hurt "SEO"?`), []byte(`Does </script><script>alert(1)</script> hurt?`), 1)
	res := mustBuild(t, fsys, Options{})
	b, _ := res.Files.Get("status/404/index.html")
	if bytes.Contains(b, []byte("<script>alert(1)")) {
		t.Fatal("question broke out of the JSON-LD script element")
	}
	blocks := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindAllSubmatch(b, -1)
	if len(blocks) != 2 {
		t.Fatalf("want BreadcrumbList and FAQPage, got %d blocks", len(blocks))
	}
	var faq struct {
		Type string `json:"@type"`
		Main []struct {
			Name   string `json:"name"`
			Answer struct {
				Text string `json:"text"`
			} `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	if err := json.Unmarshal(blocks[1][1], &faq); err != nil {
		t.Fatalf("FAQPage is not valid JSON: %v\n%s", err, blocks[1][1])
	}
	if faq.Type != "FAQPage" || faq.Main[0].Name != "Does </script><script>alert(1)</script> hurt?" {
		t.Errorf("FAQPage = %+v", faq)
	}
	var bc struct {
		Items []struct {
			Name string `json:"name"`
			Item string `json:"item"`
		} `json:"itemListElement"`
	}
	if err := json.Unmarshal(blocks[0][1], &bc); err != nil || len(bc.Items) != 4 || bc.Items[3].Item != "https://fixture.example.com/status/404/" {
		t.Errorf("BreadcrumbList = %+v (%v)", bc, err)
	}
}

func TestBuild_SiteFiles(t *testing.T) {
	res := mustBuild(t, sitetest.FixtureFS(t), Options{BaseURL: "https://preview.example.net/"})
	get := func(n string) string {
		b, ok := res.Files.Get(n)
		if !ok {
			t.Fatalf("no %s", n)
		}
		return string(b)
	}
	sm := get("sitemap.xml")
	for _, u := range []string{"/", "/status/", "/status/4xx/", "/status/404/", "/concepts/caching/"} {
		if !strings.Contains(sm, "<loc>https://preview.example.net"+u+"</loc>") {
			t.Errorf("sitemap lacks %s", u)
		}
	}
	if strings.Contains(sm, "404.html") {
		t.Error("sitemap lists 404.html")
	}
	if !strings.Contains(get("robots.txt"), "Sitemap: https://preview.example.net/sitemap.xml") {
		t.Error("robots.txt does not point at the sitemap")
	}
	var codes []map[string]any
	if err := json.Unmarshal([]byte(get("api/codes.json")), &codes); err != nil {
		t.Fatal(err)
	}
	if len(codes) != 4 || codes[1]["code"] != 404.0 || codes[1]["class"] != "4xx" || codes[1]["url"] != "https://preview.example.net/status/404/" ||
		codes[3]["registered"] != false || codes[1]["spec"].(map[string]any)["name"] != "RFC 9110, Section 15.5.5" {
		t.Errorf("codes.json = %v", codes)
	}
	if !strings.Contains(get("_redirects"), "/404 /status/404/ 301!\n") {
		t.Error("_redirects lacks the short link for 404")
	}
	css := 0
	for _, n := range res.Files.Names() {
		if regexp.MustCompile(`^assets/style\.[0-9a-f]{10}\.css$`).MatchString(n) {
			css++
		}
	}
	if css != 1 {
		t.Errorf("want one fingerprinted stylesheet, got %d", css)
	}
}

func TestBuild_IsDeterministic(t *testing.T) {
	fsys := sitetest.FixtureFS(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	a := mustBuild(t, fsys, Options{})
	runtime.GOMAXPROCS(8)
	b := mustBuild(t, fsys, Options{})
	if strings.Join(a.Files.Names(), ",") != strings.Join(b.Files.Names(), ",") {
		t.Fatal("file lists differ")
	}
	for _, n := range a.Files.Names() {
		x, _ := a.Files.Get(n)
		y, _ := b.Files.Get(n)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between builds", n)
		}
	}
}

func TestBuild_FixtureLinksResolve(t *testing.T) {
	res := mustBuild(t, sitetest.FixtureFS(t), Options{})
	assertLinks(t, res)
}

// TestBuild_RealContent builds the repository's own content/ and templates/
// and checks that every internal link and anchor in the output resolves.
func TestBuild_RealContent(t *testing.T) {
	res := mustBuild(t, os.DirFS(repoRoot), Options{})
	assertLinks(t, res)
	if res.Pages < 10 {
		t.Errorf("only %d pages", res.Pages)
	}
}

func assertLinks(t *testing.T, res *Result) {
	t.Helper()
	problems, err := linkcheck.Check(res.Files.FS(time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

type tag struct {
	name  string
	attrs map[string]string
}

// tags lists the start tags of an HTML document with their attributes.
func tags(b []byte) []tag {
	var out []tag
	l := html.NewLexer(parse.NewInputBytes(b))
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			out = append(out, tag{name: string(bytes.TrimPrefix(data, []byte("<"))), attrs: map[string]string{}})
		case html.AttributeToken:
			out[len(out)-1].attrs[string(l.Text())] = string(bytes.Trim(l.AttrVal(), `"'`))
		}
	}
}

func TestBuild_IncrementalRendersOnlyWhatChanged(t *testing.T) {
	fsys := sitetest.FixtureFS(t)
	b := NewIncremental()
	first := mustBuild(t, fsys, Options{})
	if first.Rendered != first.Pages {
		t.Fatalf("first build rendered %d of %d pages", first.Rendered, first.Pages)
	}
	if again := mustBuild(t, fsys, Options{}); again.Rendered != again.Pages {
		t.Fatalf("a one-off builder must not cache: rendered %d of %d", again.Rendered, again.Pages)
	}
	_ = mustBuildWith(t, b, fsys)

	edit := func(path, old, new string) {
		f := fsys[path]
		if !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s has no %q", path, old)
		}
		f.Data = bytes.Replace(f.Data, []byte(old), []byte(new), 1)
	}

	// A body edit re-renders that page only.
	edit("content/status/410.md", "It is gone.", "It is gone for good.")
	res := mustBuildWith(t, b, fsys)
	if res.Rendered != 1 {
		t.Errorf("body edit rendered %d pages, want 1", res.Rendered)
	}
	page, _ := res.Files.Get("status/410/index.html")
	if !bytes.Contains(page, []byte("It is gone for good.")) {
		t.Error("edited page not rendered again")
	}

	// A summary edit also re-renders every page that shows it: home, the
	// code index, the 4xx class page, 200 and 404 (related; 404's next)
	// and 599 (prev).
	edit("content/status/410.md", "removed on purpose, for good.", "deliberately removed.")
	res = mustBuildWith(t, b, fsys)
	if res.Rendered != 7 {
		t.Errorf("summary edit rendered %d pages, want 7", res.Rendered)
	}
	page, _ = res.Files.Get("status/404/index.html")
	if !bytes.Contains(page, []byte("deliberately removed.")) {
		t.Error("404 still shows the old summary of 410")
	}

	// A template edit re-renders everything.
	fsys["templates/404.html"].Data = append(fsys["templates/404.html"].Data, '\n')
	if res = mustBuildWith(t, b, fsys); res.Rendered != res.Pages {
		t.Errorf("template edit rendered %d of %d pages", res.Rendered, res.Pages)
	}
}

func mustBuildWith(t *testing.T, b *Builder, fsys fs.FS) *Result {
	t.Helper()
	res, errs := b.Build(context.Background(), fsys, Options{})
	if res == nil {
		t.Fatalf("build failed:\n%v", errs)
	}
	return res
}

// BenchmarkBuild_RealContent measures a full one-off build of the
// repository's site, as `statusgen build` runs it.
func BenchmarkBuild_RealContent(b *testing.B) {
	fsys := os.DirFS(repoRoot)
	for b.Loop() {
		if res, errs := New().Build(context.Background(), fsys, Options{}); res == nil {
			b.Fatal(errs)
		}
	}
}

// BenchmarkRebuild_OneBodyEdit compares, in one run, rebuilding the real
// site after a one-page body edit from scratch (as `build` does) and with
// an incremental builder (as `serve` does).
func BenchmarkRebuild_OneBodyEdit(b *testing.B) {
	base := fstest.MapFS{}
	root := os.DirFS(repoRoot)
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "templates/")) {
			return err
		}
		data, err := fs.ReadFile(root, p)
		base[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	orig := string(base["content/status/404.md"].Data)
	edit := func(i int) {
		base["content/status/404.md"] = &fstest.MapFile{Data: []byte(strings.Replace(orig, "\n## What it means\n", fmt.Sprintf("\n## What it means\n\nEdit %d.\n", i), 1))}
	}
	for _, tc := range []struct {
		name string
		b    func() *Builder
	}{{"from-scratch", New}, {"incremental", NewIncremental}} {
		b.Run(tc.name, func(b *testing.B) {
			builder := tc.b()
			if res, errs := builder.Build(context.Background(), base, Options{}); res == nil {
				b.Fatal(errs)
			}
			i := 0
			for b.Loop() {
				i++
				edit(i)
				if tc.name == "from-scratch" {
					builder = New()
				}
				if res, errs := builder.Build(context.Background(), base, Options{}); res == nil {
					b.Fatal(errs)
				}
			}
		})
	}
}
