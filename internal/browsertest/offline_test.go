package browsertest

// The offline test of the service worker. It serves the fixture site from
// a server of its own, which can go dark and be redeployed.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/sitetest"
)

// offlineSite serves a built site like the host does, and can go dark: while
// offline, every connection is closed without an answer, as when the
// network is gone, whatever the browser's own emulation covers.
type offlineSite struct {
	*httptest.Server
	mu      sync.Mutex
	files   *output.Files
	offline bool
}

func newOfflineSite(t *testing.T, files *output.Files) *offlineSite {
	s := &offlineSite{files: files}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// deploy replaces the site, as a new deploy does.
func (s *offlineSite) deploy(files *output.Files) {
	s.mu.Lock()
	s.files = files
	s.mu.Unlock()
}

func (s *offlineSite) setOffline(off bool) {
	s.mu.Lock()
	s.offline = off
	s.mu.Unlock()
}

var offlineTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".json": "application/json", ".md": "text/markdown; charset=utf-8",
	".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json", ".xml": "application/xml",
}

func (s *offlineSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	files, offline := s.files, s.offline
	s.mu.Unlock()
	if offline {
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				c.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	b, ok := files.Get(name)
	status := http.StatusOK
	if !ok {
		name, status = "404.html", http.StatusNotFound
		b, _ = files.Get(name)
	}
	w.Header().Set("Content-Type", offlineTypes[path.Ext(name)])
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// offlineTab opens a tab of its own for the offline test, which visits,
// cuts the network and deploys again, so it gets longer than a reader test.
func offlineTab(t *testing.T) context.Context {
	t.Helper()
	if browser == nil {
		t.Skip(skipMsg)
	}
	ctx, cancel, err := browser.Tab(DesktopWidth, DesktopHeight)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	return ctx
}

// step runs actions, naming what failed.
func step(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(tctx, chromedp.Text(sel))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// eventually evaluates a JavaScript expression, which may be a promise,
// until it gives want.
func eventually(t *testing.T, ctx context.Context, what, expr, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var got string
	var err error
	for time.Now().Before(deadline) {
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		got, err = chromedp.Run(tctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && got == want {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: %s gives %q (%v), want %q", what, expr, got, err, want)
}

// goOffline cuts the browser off: the DevTools protocol's offline emulation
// for the page (network.EmulateNetworkConditionsByRule, with
// EmulateOfflineServiceWorker set, and navigator.onLine through
// network.OverrideNetworkState), and the server closing every connection.
// The second is what the test relies on: in Chromium 156 the emulation does
// not reach the service worker's own fetch() calls, even when sent to the
// worker's target, so the worker would still reach the network.
func goOffline(t *testing.T, ctx context.Context, site *offlineSite, off bool) {
	t.Helper()
	yes := true
	step(t, ctx, "network emulation",
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
				EmulateOfflineServiceWorker: &yes,
				MatchedNetworkConditions:    []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}},
			}); err != nil {
				return err
			}
			_, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1})
			return err
		}))
	site.setOffline(off)
}

func buildFixture(t *testing.T, fsys fstest.MapFS) (*output.Files, string) {
	t.Helper()
	res, errs := build.New().Build(context.Background(), fsys, build.Options{})
	if res == nil {
		t.Fatalf("build failed:\n%v", errs)
	}
	sw, _ := res.Files.Get("sw.js")
	m := regexp.MustCompile(`VERSION="([0-9a-f]+)"`).FindSubmatch(sw)
	if m == nil {
		t.Fatal("sw.js has no VERSION")
	}
	return res.Files, string(m[1])
}

// TestOffline_VisitedPagesOpenWithoutNetwork visits the site once online,
// goes offline, and checks that a visited page reloads, that a page never
// visited shows the offline page, and that the home page (part of the
// shell) opens; then, back online after a new deploy, that the next visit
// installs the new worker, which serves the new content and deletes the
// old cache.
func TestOffline_VisitedPagesOpenWithoutNetwork(t *testing.T) {
	ctx := offlineTab(t)
	fsys := sitetest.FixtureFS(t)
	files, v1 := buildFixture(t, fsys)
	site := newOfflineSite(t, files)

	// First visit: the worker installs and takes control of the page.
	step(t, ctx, "first visit", chromedp.Navigate(site.URL+"/status/404/"))
	eventually(t, ctx, "the worker controls the page",
		`navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller ? "yes" : "no")`, "yes")
	eventually(t, ctx, "the worker's cache", `caches.keys().then(k => k.join(","))`, "statusgen-"+v1)

	// A second page, visited under the worker, is kept.
	step(t, ctx, "second visit", chromedp.Navigate(site.URL+"/status/410/"))
	eventually(t, ctx, "410 kept", `caches.match("/status/410/").then(r => r ? "kept" : "not kept")`, "kept")

	goOffline(t, ctx, site, true)
	step(t, ctx, "reload offline", chromedp.Reload())
	if h := textOf(t, ctx, "h1"); !strings.Contains(h, "410") || !strings.Contains(h, "Gone") {
		t.Errorf("a visited page reloaded offline shows %q", h)
	}
	eventually(t, ctx, "the stylesheet loads offline",
		`Promise.resolve(String([...document.styleSheets].some(s => s.href && s.href.includes("/assets/style.") && s.cssRules.length > 0)))`, "true")

	step(t, ctx, "a page never visited", chromedp.Navigate(site.URL+"/status/200/"))
	if h := textOf(t, ctx, "h1"); h != "You are offline" {
		t.Errorf("a page never visited shows %q offline, want the offline page", h)
	}
	step(t, ctx, "the home page", chromedp.Navigate(site.URL+"/"))
	if h := textOf(t, ctx, "h1"); h == "" || h == "You are offline" {
		t.Errorf("the home page (in the shell) shows %q offline", h)
	}

	// A new deploy: back online, the next visit brings the new worker,
	// which takes over and deletes the old cache.
	fsys["content/status/410.md"].Data = append(fsys["content/status/410.md"].Data, "\nRedeployed.\n"...)
	files2, v2 := buildFixture(t, fsys)
	if v2 == v1 {
		t.Fatal("the new build has the old worker version")
	}
	site.deploy(files2)
	goOffline(t, ctx, site, false)
	step(t, ctx, "visit after the deploy", chromedp.Navigate(site.URL+"/status/410/"))
	eventually(t, ctx, "only the new cache is left", `caches.keys().then(k => k.join(","))`, "statusgen-"+v2)
	step(t, ctx, "reload after the deploy", chromedp.Reload())
	if body := textOf(t, ctx, "main"); !strings.Contains(body, "Redeployed.") {
		t.Errorf("after a deploy the page is stale: %.200q", body)
	}
}
