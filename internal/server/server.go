// Package server is the local preview server behind `statusgen serve`. It
// builds the site into memory, serves it the way the production host would
// (redirects, headers, 404 page, conditional requests, gzip), watches the
// sources and rebuilds what a change affects, and tells every open browser
// tab to reload, or to show the build errors, over Server-Sent Events.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/render"
)

// Config configures a Server.
type Config struct {
	Src string // site source directory
	// BaseURL is the address pages are built for, such as
	// "http://127.0.0.1:8080"; the listener's address when empty.
	BaseURL string
	Stdout  io.Writer // one line per rebuild
	Stderr  io.Writer // build errors
	// Debounce is how long the watcher waits for a burst of file events to
	// end before it rebuilds. Zero means DefaultDebounce.
	Debounce time.Duration
}

// DefaultDebounce is short enough to be unnoticeable and long enough to
// fold an editor's write-rename-chmod sequence into one rebuild.
const DefaultDebounce = 10 * time.Millisecond

// Server is a preview server for one site.
type Server struct {
	cfg     Config
	fsys    fs.FS
	builder *build.Builder
	id      string // distinguishes this process's builds from a restarted one's

	state   atomic.Pointer[state]
	events  *broker
	buildMu sync.Mutex // one build at a time
	version int
	baseURL string
}

// New returns a Server for the site in cfg.Src. Call Serve to run it.
func New(cfg Config) *Server {
	if cfg.Stdout == nil {
		cfg.Stdout = io.Discard
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	if cfg.Debounce == 0 {
		cfg.Debounce = DefaultDebounce
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	s := &Server{
		cfg:     cfg,
		fsys:    os.DirFS(cfg.Src),
		builder: build.NewIncremental(),
		id:      hex.EncodeToString(b[:]),
		events:  newBroker(),
	}
	s.state.Store(&state{})
	return s
}

// Timeouts of the preview server's connections. A local server still
// meets clients that stall (a tab left open, a tool that sends half a
// request); none of them may hold a connection, or Ctrl-C, hostage.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second       // whole request, body included
	idleTimeout       = 60 * time.Second       // keep-alive between requests
	shutdownGrace     = 500 * time.Millisecond // for in-flight requests on Ctrl-C
)

// Serve builds the site, serves it on ln and rebuilds it on every change
// until ctx is cancelled. Then it stops watching, gives in-flight requests a
// moment to finish, closes every connection, and returns nil. It returns an
// error only if the sources cannot be watched or serving fails.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.baseURL = s.cfg.BaseURL
	if s.baseURL == "" {
		s.baseURL = "http://" + ln.Addr().String()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Watch before the first build, so that an edit saved while it runs
	// triggers a rebuild instead of being lost.
	w, err := newWatcher(s.cfg.Src, s.cfg.Debounce)
	if err != nil {
		return fmt.Errorf("watch %s: %w", s.cfg.Src, err)
	}
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		w.run(ctx, func() { s.Rebuild(ctx) })
	}()
	s.Rebuild(ctx)

	// Long-lived event streams end when ctx does; Shutdown alone would
	// wait for them forever.
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		IdleTimeout:       idleTimeout,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	select {
	case err = <-serveErr:
	case <-ctx.Done():
		sctx, stop := context.WithTimeout(context.Background(), shutdownGrace)
		defer stop()
		if srv.Shutdown(sctx) != nil {
			// Clients that would not let go: drop them.
			_ = srv.Close()
		}
		err = nil
	}
	cancel()
	<-watchDone
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Rebuild builds the site again and publishes the result: on success the
// new site replaces the old one atomically and browsers reload; on failure
// the old site stays and browsers show the errors. A build cancelled by ctx
// publishes nothing.
func (s *Server) Rebuild(ctx context.Context) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	opts := build.Options{BaseURL: s.baseURL, Render: render.Options{Inject: injectScript}}
	res, errs := s.builder.Build(ctx, s.fsys, opts)
	if ctx.Err() != nil {
		return
	}
	prev := s.state.Load()
	if res == nil {
		next := *prev
		next.errs = errs
		s.state.Store(&next)
		fmt.Fprintf(s.cfg.Stderr, "%s\nbuild failed: %s; still serving the last good build\n", errs.Error(), countErrors(errs))
		s.events.publish(event{name: "build-error", data: errorsJSON(errs)})
		return
	}
	verb := "rebuilt"
	if prev.version == "" {
		verb = "built"
	}
	s.version++
	next := newState(res, prev, fmt.Sprintf("%s-%d", s.id, s.version))
	s.state.Store(next)
	fmt.Fprintf(s.cfg.Stdout, "%s in %s: %d of %d pages rendered\n", verb,
		res.Duration.Round(100*time.Microsecond), res.Rendered, res.Pages)
	s.events.publish(event{name: "reload", data: next.version})
}

func countErrors(errs diag.List) string {
	n := len(errs.Errors())
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}
