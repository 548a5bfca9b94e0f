package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/statusgen/statusgen/internal/sitetest"
)

const testNetlify = `
[[redirects]]
  from = "/old/:code"
  to = "/status/:code/"
  status = 302
[[headers]]
  for = "/*"
  [headers.values]
    X-Frame-Options = "DENY"
[[headers]]
  for = "/assets/*"
  [headers.values]
    Cache-Control = "public, max-age=31536000, immutable"
`

// site copies the fixture site and the real templates into a new
// directory.
func site(t testing.TB) string {
	t.Helper()
	dst := sitetest.Fixture(t)
	writeFile(t, filepath.Join(dst, "netlify.toml"), testNetlify)
	return dst
}

func writeFile(t testing.TB, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replaceInFile(t testing.TB, p, old, new string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", p, old)
	}
	writeFile(t, p, strings.Replace(string(b), old, new, 1))
}

// running is a server started for a test.
type running struct {
	url    string
	src    string
	cancel context.CancelFunc
	done   chan error
	out    *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func start(t testing.TB, src string) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	srv := New(Config{Src: src, Stdout: out, Stderr: out})
	r := &running{url: "http://" + ln.Addr().String(), src: src, cancel: cancel, done: make(chan error, 1), out: out}
	go func() { r.done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(10 * time.Second):
			t.Error("server did not stop")
		}
	})
	return r
}

func (r *running) get(t testing.TB, path string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", r.url+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// sse is a connected event stream.
type sse struct {
	events chan [2]string
	body   io.Closer
}

func (r *running) events(t testing.TB) *sse {
	t.Helper()
	res, err := http.Get(r.url + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("events Content-Type = %q", ct)
	}
	s := &sse{events: make(chan [2]string, 16), body: res.Body}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(res.Body)
		var name string
		var data []string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				data = append(data, line[len("data: "):])
			case line == "" && name != "":
				s.events <- [2]string{name, strings.Join(data, "\n")}
				name, data = "", nil
			}
		}
	}()
	t.Cleanup(func() { res.Body.Close() })
	s.next(t, "hello")
	return s
}

// next waits for the named event, skipping others, and returns its data.
func (s *sse) next(t testing.TB, name string) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e, ok := <-s.events:
			if !ok {
				t.Fatalf("event stream closed while waiting for %q", name)
			}
			if e[0] == name {
				return e[1]
			}
		case <-timeout:
			t.Fatalf("no %q event within 10s", name)
		}
	}
}

func TestServe_EditReloadsBrowserAndServesNewPage(t *testing.T) {
	r := start(t, site(t))
	ev := r.events(t)
	_, page := r.get(t, "/status/410/")
	if !strings.Contains(page, "It is gone.") || !strings.Contains(page, scriptPath) {
		t.Fatal("page before the edit is wrong or lacks the reload script")
	}
	replaceInFile(t, filepath.Join(r.src, "content/status/410.md"), "It is gone.", "It is gone, edited live.")
	ev.next(t, "reload")
	_, page = r.get(t, "/status/410/")
	if !strings.Contains(page, "It is gone, edited live.") {
		t.Error("reload event came before the new page was served")
	}
	if !strings.Contains(r.out.String(), ": 1 of 21 pages rendered") {
		t.Errorf("a body edit should re-render one page; server said:\n%s", r.out.String())
	}
}

func TestServe_EditorSaveByRename(t *testing.T) {
	r := start(t, site(t))
	ev := r.events(t)
	p := filepath.Join(r.src, "content/status/410.md")
	b, _ := os.ReadFile(p)
	tmp := filepath.Join(r.src, "content/status/.410.md.swp")
	writeFile(t, tmp, strings.Replace(string(b), "It is gone.", "Saved by rename.", 1))
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
	ev.next(t, "reload")
	if _, page := r.get(t, "/status/410/"); !strings.Contains(page, "Saved by rename.") {
		t.Error("rename-save not picked up")
	}
}

func TestServe_BrokenEditShowsErrorsAndKeepsLastGoodSite(t *testing.T) {
	r := start(t, site(t))
	ev := r.events(t)
	p := filepath.Join(r.src, "content/status/410.md")
	replaceInFile(t, p, "related: [404]", "related: [404, 499]")
	data := ev.next(t, "build-error")
	if !strings.Contains(data, `"pos":"content/status/410.md:7:16"`) || !strings.Contains(data, "unknown status code 499") {
		t.Errorf("build-error data = %s", data)
	}
	if res, page := r.get(t, "/status/410/"); res.StatusCode != 200 || !strings.Contains(page, "It is gone.") {
		t.Errorf("last good page not served: %d", res.StatusCode)
	}
	// A tab opened now learns about the error as soon as it connects.
	late := r.events(t)
	late.next(t, "build-error")

	replaceInFile(t, p, "related: [404, 499]", "related: [404]")
	ev.next(t, "reload")
	late.next(t, "reload")
}

func TestServe_NewFilesNewDirectoriesAndDeletes(t *testing.T) {
	r := start(t, site(t))
	ev := r.events(t)
	page201 := strings.NewReplacer("code: 410", "code: 201", "title: Gone", "title: Created").Replace(mustRead(t, "../../testdata/fixture/content/status/410.md"))
	writeFile(t, filepath.Join(r.src, "content/status/201.md"), page201)
	ev.next(t, "reload")
	if res, _ := r.get(t, "/status/201/"); res.StatusCode != 200 {
		t.Fatalf("new page: %d", res.StatusCode)
	}

	if err := os.Remove(filepath.Join(r.src, "content/status/201.md")); err != nil {
		t.Fatal(err)
	}
	ev.next(t, "reload")
	if res, _ := r.get(t, "/status/201/"); res.StatusCode != 404 {
		t.Errorf("deleted page: %d", res.StatusCode)
	}

	// A directory created after start is watched too.
	dir := filepath.Join(r.src, "templates", "assets", "icons")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ev.next(t, "reload")
	time.Sleep(50 * time.Millisecond) // let the watcher add the new directory
	writeFile(t, filepath.Join(dir, "x.svg"), "<svg/>")
	ev.next(t, "reload")

	// Deleting a page other pages link to is an error, shown in the tab.
	if err := os.Remove(filepath.Join(r.src, "content/status/599.md")); err != nil {
		t.Fatal(err)
	}
	if data := ev.next(t, "build-error"); !strings.Contains(data, "unknown status code 599") {
		t.Errorf("build-error data = %s", data)
	}
}

func mustRead(t testing.TB, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServe_AnswersLikeTheHost(t *testing.T) {
	r := start(t, site(t))

	res, body := r.get(t, "/status/404/")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" || res.Header.Get("X-Frame-Options") != "DENY" {
		t.Fatalf("page: %d %v", res.StatusCode, res.Header)
	}
	etag, lm := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
	if etag == "" || lm == "" {
		t.Fatal("no ETag or Last-Modified")
	}
	if res, _ := r.get(t, "/status/404/", "If-None-Match", etag); res.StatusCode != 304 {
		t.Errorf("If-None-Match: %d", res.StatusCode)
	}
	if res, _ := r.get(t, "/status/404/", "If-Modified-Since", lm); res.StatusCode != 304 {
		t.Errorf("If-Modified-Since: %d", res.StatusCode)
	}

	req, _ := http.NewRequest("GET", r.url+"/status/404/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	gres, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(gres.Body)
	if gres.Header.Get("Content-Encoding") != "gzip" || err != nil {
		t.Fatalf("gzip: %v %v", gres.Header, err)
	}
	unzipped, _ := io.ReadAll(zr)
	gres.Body.Close()
	if string(unzipped) != body {
		t.Error("gzipped body differs")
	}

	if res, _ := r.get(t, "/404"); res.StatusCode != 301 || res.Header.Get("Location") != "/status/404/" {
		t.Errorf("/404: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := r.get(t, "/old/410"); res.StatusCode != 302 || res.Header.Get("Location") != "/status/410/" {
		t.Errorf("netlify.toml redirect: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := r.get(t, "/status/404?x=1"); res.StatusCode != 301 || res.Header.Get("Location") != "/status/404/?x=1" {
		t.Errorf("directory URL without slash: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, body = r.get(t, "/no/such/page/")
	if res.StatusCode != 404 || !strings.Contains(body, "<h1>Page not found</h1>") {
		t.Errorf("unknown path: %d", res.StatusCode)
	}
	if res, _ := r.get(t, "/_redirects"); res.StatusCode != 404 {
		t.Errorf("_redirects is published: %d", res.StatusCode)
	}
	res, _ = r.get(t, "/sitemap.xml")
	if res.Header.Get("Content-Type") != "application/xml" {
		t.Errorf("sitemap Content-Type = %q", res.Header.Get("Content-Type"))
	}
	_, home := r.get(t, "/")
	asset := strings.SplitN(strings.SplitN(home, `<link rel="stylesheet" href="`, 2)[1], `"`, 2)[0]
	res, _ = r.get(t, asset)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/css; charset=utf-8" || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("asset %s: %d %v", asset, res.StatusCode, res.Header)
	}
	req, _ = http.NewRequest("POST", r.url+"/", nil)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %v %v", res, err)
	}
}

// TestServe_TraversalNeverEscapes sends raw request lines, which no client
// library would clean up first.
func TestServe_TraversalNeverEscapes(t *testing.T) {
	r := start(t, site(t))
	writeFile(t, filepath.Join(filepath.Dir(r.src), "secret.txt"), "TOP SECRET")
	for _, target := range []string{
		"/../secret.txt",
		"/../../../../etc/passwd",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/status/..%2f..%2fsecret.txt",
		"/status%2f404/",
		"/..\\secret.txt",
		"/%5c..%5csecret.txt",
		"/a%00b",
		"/./index.html",
		"http://" + strings.TrimPrefix(r.url, "http://") + "/../secret.txt",
		"//etc/passwd",
		"/content/site.yaml",
		"/templates/base.html",
		"/netlify.toml",
	} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(r.url, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		b, _ := io.ReadAll(resp.Body)
		conn.Close()
		if resp.StatusCode != 400 && resp.StatusCode != 404 {
			t.Errorf("%s: status %d", target, resp.StatusCode)
		}
		if s := string(b); strings.Contains(s, "TOP SECRET") || strings.Contains(s, "root:") || strings.Contains(s, "baseURL") {
			t.Errorf("%s: leaked a file", target)
		}
	}
}

func TestServe_ShutsDownCleanly(t *testing.T) {
	r := start(t, site(t))
	ev := r.events(t)
	r.cancel()
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("Serve returned %v", err)
		}
		r.done <- nil // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel with a client connected")
	}
	select {
	case _, ok := <-ev.events:
		for ok {
			_, ok = <-ev.events
		}
	case <-time.After(5 * time.Second):
		t.Error("event stream still open after shutdown")
	}
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(r.url, "http://"), time.Second); err == nil {
		t.Error("still listening after shutdown")
	}
}

func TestServe_BrokenSiteAtStartRecovers(t *testing.T) {
	src := site(t)
	p := filepath.Join(src, "content/status/410.md")
	replaceInFile(t, p, "title: Gone", "title: [Gone")
	r := start(t, src)
	res, body := r.get(t, "/status/410/")
	if res.StatusCode != 500 || !strings.Contains(body, "content/status/410.md:") || !strings.Contains(body, scriptPath) {
		t.Fatalf("no-build page: %d\n%s", res.StatusCode, body)
	}
	ev := r.events(t)
	replaceInFile(t, p, "title: [Gone", "title: Gone")
	ev.next(t, "reload")
	if res, _ := r.get(t, "/status/410/"); res.StatusCode != 200 {
		t.Errorf("after the fix: %d", res.StatusCode)
	}
}

// TestServe_OfflineAndMachineReadableFiles serves the fixture with the
// repository's netlify.toml: the service worker at the root, fresh on every
// request, the manifest, the Markdown twins and the JSON API, each with its
// type, and the API readable from other origins.
func TestServe_OfflineAndMachineReadableFiles(t *testing.T) {
	src := sitetest.Fixture(t)
	b, err := os.ReadFile(filepath.Join(sitetest.Root(), "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(src, "netlify.toml"), string(b))
	r := start(t, src)
	for _, tc := range []struct {
		path, ctype, header, value, body string
	}{
		{"/sw.js", "text/javascript; charset=utf-8", "Cache-Control", "no-cache", `var `},
		{"/manifest.webmanifest", "application/manifest+json", "", "", `"start_url": "/"`},
		{"/status/404/index.md", "text/markdown; charset=utf-8", "", "", "# 404 Not Found\n"},
		{"/llms.txt", "text/plain; charset=utf-8", "", "", "# Fixture Codes\n"},
		// Made only when asked for: every twin, after the header.
		{"/llms-full.txt", "text/plain; charset=utf-8", "", "", "\n---\n\n# 599 Network Connect Timeout Error\n"},
		{"/api/codes/404.json", "application/json", "Access-Control-Allow-Origin", "*", `"code": 404`},
		{"/offline/", "text/html; charset=utf-8", "", "", "You are offline"},
	} {
		res, body := r.get(t, tc.path)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != tc.ctype || !strings.Contains(body, tc.body) {
			t.Errorf("%s: %d %q, body has %q: %v", tc.path, res.StatusCode, res.Header.Get("Content-Type"), tc.body, strings.Contains(body, tc.body))
		}
		if tc.header != "" && res.Header.Get(tc.header) != tc.value {
			t.Errorf("%s: %s = %q, want %q", tc.path, tc.header, res.Header.Get(tc.header), tc.value)
		}
	}
}
