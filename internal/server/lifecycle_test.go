package server

import (
	"context"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/statusgen/statusgen/internal/corpus"
	"github.com/statusgen/statusgen/internal/sitetest"
)

// bigSite is a site whose build takes a few seconds.
func bigSite(t *testing.T, pages int) string {
	t.Helper()
	src := t.TempDir()
	if err := corpus.Write(src, pages); err != nil {
		t.Fatal(err)
	}
	sitetest.CopyDir(t, filepath.Join(sitetest.Root(), "templates"), filepath.Join(src, "templates"))
	return src
}

func TestServe_ReturnsWhenServingFails(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close() // Serve's Accept fails at once
	done := make(chan error, 1)
	go func() { done <- New(Config{Src: site(t)}).Serve(context.Background(), ln) }()
	select {
	case err := <-done:
		if err == nil {
			t.Error("Serve on a closed listener returned nil")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after the HTTP server failed")
	}
}

func TestServe_EditDuringFirstBuildIsNotLost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site")
	}
	src := bigSite(t, 400)
	r := start(t, src)
	// The first build of 400 pages takes a while: edit a page during it.
	time.Sleep(100 * time.Millisecond)
	replaceInFile(t, filepath.Join(src, "content/concepts/page-1.md"), "## What it means\n", "## What it means\n\nSaved during the first build.\n")
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if _, page := r.get(t, "/concepts/page-1/"); strings.Contains(page, "Saved during the first build.") {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the edit saved during the first build never appeared; server said:\n%s", r.out.String())
}

func TestServe_CancelStopsASlowBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site")
	}
	src := bigSite(t, 1500)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- New(Config{Src: src}).Serve(ctx, ln) }()
	time.Sleep(500 * time.Millisecond) // inside the first build
	cancel()
	t0 := time.Now()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v", err)
		}
		t.Logf("stopped %v after cancel, during a build", time.Since(t0).Round(time.Millisecond))
	case <-time.After(2 * time.Second):
		t.Fatal("Serve did not stop within 2s of cancel during a build")
	}
}

func TestServe_StalledClientsDoNotHoldShutdown(t *testing.T) {
	r := start(t, site(t))
	r.get(t, "/") // built and serving
	host := strings.TrimPrefix(r.url, "http://")
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	// 300 keep-alive connections left idle after a request each.
	for i := 0; i < 300; i++ {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		fmt.Fprintf(c, "GET /robots.txt HTTP/1.1\r\nHost: %s\r\n\r\n", host)
	}
	// A request that promises a body and never sends it.
	c, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	conns = append(conns, c)
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\nContent-Length: 10\r\n\r\n", host)
	// An event stream whose reader never reads.
	ev, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	conns = append(conns, ev)
	fmt.Fprintf(ev, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", eventsPath, host)
	time.Sleep(200 * time.Millisecond)

	t0 := time.Now()
	r.cancel()
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("Serve = %v, want nil", err)
		}
		r.done <- err // for the cleanup
	case <-time.After(2 * time.Second):
		t.Fatal("Serve did not stop within 2s with stalled clients connected")
	}
	t.Logf("stopped in %v with 302 stalled connections", time.Since(t0).Round(time.Millisecond))
}

func TestBroker_DropsATabThatDoesNotRead(t *testing.T) {
	b := newBroker()
	slow := b.subscribe()
	fast := b.subscribe()
	for i := 0; i < 3*queueLen; i++ {
		b.publish(event{name: "reload", data: fmt.Sprint(i)})
		<-fast
	}
	n := 0
	for range slow { // closed once it was dropped
		n++
	}
	if n != queueLen {
		t.Errorf("the slow tab had %d events queued, want at most %d", n, queueLen)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.subs) != 1 {
		t.Errorf("%d subscribers, want only the one that reads", len(b.subs))
	}
}

func TestServe_BrokenNetlifyTomlIsABuildError(t *testing.T) {
	src := site(t)
	r := start(t, src)
	ev := r.events(t)
	writeFile(t, filepath.Join(src, "netlify.toml"), "[[redirects]]\n  from = \"/a\n")
	data := ev.next(t, "build-error")
	if !strings.Contains(data, `"pos":"netlify.toml:2:`) {
		t.Errorf("build-error event = %s, want an error positioned in netlify.toml", data)
	}
}
