package build

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/statusgen/statusgen/internal/sitetest"
)

var swVersion = regexp.MustCompile(`VERSION="([0-9a-f]{16})"`)

func serviceWorker(t *testing.T, res *Result) (sw []byte, version string) {
	t.Helper()
	sw, ok := res.Files.Get("sw.js")
	if !ok {
		t.Fatal("no sw.js at the root of the site")
	}
	m := swVersion.FindSubmatch(sw)
	if m == nil {
		t.Fatalf("sw.js has no build version:\n%.300s", sw)
	}
	return sw, string(m[1])
}

// TestServiceWorker_VersionFollowsTheBuild: the worker, and so its cache,
// changes exactly when something it could serve changes. A deploy of the
// same sources leaves readers' caches alone; any change installs a new
// worker, which deletes the old cache.
func TestServiceWorker_VersionFollowsTheBuild(t *testing.T) {
	fsys := sitetest.FixtureFS(t)
	base, v0 := serviceWorker(t, mustBuild(t, fsys, Options{}))
	again, _ := serviceWorker(t, mustBuild(t, fsys, Options{}))
	if !bytes.Equal(base, again) {
		t.Error("two builds of the same sources give different service workers")
	}
	incr := NewIncremental()
	mustBuildWith(t, incr, fsys)
	if sw, _ := serviceWorker(t, mustBuildWith(t, incr, fsys)); !bytes.Equal(base, sw) {
		t.Error("an incremental rebuild gives another service worker than a full build")
	}

	edit := func(name, old, new string) func() {
		f := fsys[name]
		orig := f.Data
		if !bytes.Contains(orig, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: bytes.Replace(orig, []byte(old), []byte(new), 1)}
		return func() { fsys[name] = &fstest.MapFile{Data: orig} }
	}
	for _, tc := range []struct {
		name     string
		file     string
		old, new string
	}{
		{"a body edit", "content/status/404.md", "Nothing is here.", "Nothing is here at all."},
		{"a summary edit", "content/status/410.md", "removed on purpose", "deleted on purpose"},
		{"a template edit", "templates/offline.html", "You are offline", "You are not online"},
		{"a stylesheet edit", "templates/assets/style.css", "--code-bg: #f6f8fa;", "--code-bg: #f6f8f9;"},
		{"a worker edit", "templates/sw.js", `"/offline/"`, `"/offline/?"`},
	} {
		undo := edit(tc.file, tc.old, tc.new)
		_, v := serviceWorker(t, mustBuild(t, fsys, Options{}))
		if v == v0 {
			t.Errorf("%s leaves the worker's version unchanged", tc.name)
		}
		undo()
	}
	if _, v := serviceWorker(t, mustBuild(t, fsys, Options{BaseURL: "https://preview.example.net"})); v == v0 {
		t.Error("another base URL (a deploy preview) leaves the version unchanged")
	}
	if _, v := serviceWorker(t, mustBuild(t, fsys, Options{})); v != v0 {
		t.Error("undoing the edits does not give the first version back")
	}
}

// TestServiceWorker_ShellAndManifest checks that everything the worker
// stores on install and every icon of the manifest is a file of the site
// (one missing file would make the install fail), and that every page
// links the manifest and registers the worker from an external script.
func TestServiceWorker_ShellAndManifest(t *testing.T) {
	res := mustBuild(t, sitetest.FixtureFS(t), Options{})
	sw, _ := serviceWorker(t, res)
	m := regexp.MustCompile(`SHELL=(\[[^\]]*\])`).FindSubmatch(sw)
	if m == nil {
		t.Fatal("sw.js has no SHELL")
	}
	var shell []string
	if err := json.Unmarshal(m[1], &shell); err != nil {
		t.Fatal(err)
	}
	file := func(u string) string {
		n := strings.TrimPrefix(u, "/")
		if n == "" || strings.HasSuffix(n, "/") {
			n += "index.html"
		}
		return n
	}
	for _, want := range []string{"/", "/offline/", "/manifest.webmanifest"} {
		found := false
		for _, u := range shell {
			found = found || u == want
		}
		if !found {
			t.Errorf("the shell lacks %s: %v", want, shell)
		}
	}
	var css, js int
	for _, u := range shell {
		if _, ok := res.Files.Get(file(u)); !ok {
			t.Errorf("the shell lists %s, which the site does not have", u)
		}
		css += strings.Count(u, ".css")
		js += strings.Count(u, ".js")
	}
	if css != 1 || js < 2 {
		t.Errorf("the shell should hold the stylesheet and the scripts: %v", shell)
	}

	mb, ok := res.Files.Get("manifest.webmanifest")
	if !ok {
		t.Fatal("no manifest.webmanifest")
	}
	var man struct {
		Name, StartURL, Display string
		Icons                   []struct{ Src, Sizes, Type, Purpose string }
	}
	if err := json.Unmarshal(mb, &man); err != nil {
		t.Fatal(err)
	}
	sizes := map[string]bool{}
	for _, ic := range man.Icons {
		if _, ok := res.Files.Get(file(ic.Src)); !ok {
			t.Errorf("manifest icon %s is not a file of the site", ic.Src)
		}
		sizes[ic.Sizes+" "+ic.Type+" "+ic.Purpose] = true
	}
	for _, want := range []string{"192x192 image/png ", "512x512 image/png ", "512x512 image/png maskable"} {
		if !sizes[want] {
			t.Errorf("the manifest has no %s icon: %v", want, sizes)
		}
	}
	if man.Name != "Fixture Codes" {
		t.Errorf("manifest name = %q", man.Name)
	}

	register := regexp.MustCompile(`<script src="/assets/sw-register\.[0-9a-f]{10}\.js" defer></script>`)
	for _, n := range res.Files.Names() {
		if !strings.HasSuffix(n, ".html") {
			continue
		}
		page, _ := res.Files.Get(n)
		if !bytes.Contains(page, []byte(`<link rel="manifest" href="/manifest.webmanifest">`)) || !register.Match(page) {
			t.Errorf("%s does not link the manifest and the worker's registration", n)
		}
	}
	offline, _ := res.Files.Get("offline/index.html")
	if !bytes.Contains(offline, []byte(`<meta name="robots" content="noindex">`)) || bytes.Contains(offline, []byte(`rel="canonical"`)) {
		t.Error("the offline page is indexable")
	}
	if sm, _ := res.Files.Get("sitemap.xml"); bytes.Contains(sm, []byte("/offline/")) {
		t.Error("the sitemap lists the offline page")
	}
}
