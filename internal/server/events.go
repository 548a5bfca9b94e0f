package server

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// event is one Server-Sent Event.
type event struct {
	name    string
	data    string
	comment string // a comment line instead, to keep the connection open
}

// broker fans events out to every connected browser tab.
type broker struct {
	mu   sync.Mutex
	subs map[chan event]struct{}
}

func newBroker() *broker { return &broker{subs: map[chan event]struct{}{}} }

// queueLen is how many events a tab may fall behind before it is dropped.
const queueLen = 8

func (b *broker) subscribe() chan event {
	ch := make(chan event, queueLen)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	return ch
}

func (b *broker) unsubscribe(ch chan event) {
	b.mu.Lock()
	delete(b.subs, ch)
	b.mu.Unlock()
}

// publish sends e to every subscriber without blocking. A tab whose queue
// is full is not reading: it is dropped (its channel closed, which ends its
// stream), rather than letting events pile up for it. A browser that comes
// back reconnects and hears the current state.
func (b *broker) publish(e event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- e:
		default:
			delete(b.subs, ch)
			close(ch)
		}
	}
}

// writeTimeout bounds how long one event may take to reach a tab; a
// connection that does not drain is closed.
const writeTimeout = 5 * time.Second

// heartbeat keeps idle connections from being closed by proxies and lets
// the server notice tabs that went away.
const heartbeat = 15 * time.Second

// serveEvents streams build events to one tab. On connect it says which
// build the server has, and whether the latest build failed, so a tab that
// connects (or reconnects after a restart) knows at once whether it is
// stale or should show errors.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if _, ok := w.(http.Flusher); !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	// The stream outlives the server's read timeout, which is for
	// requests; writes get their own deadline below.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{})
	send := func(e event) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		writeEvent(w, e)
		return rc.Flush() == nil
	}
	ch := s.events.subscribe()
	defer s.events.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	st := s.state.Load()
	if !send(event{name: "hello", data: st.version}) {
		return
	}
	if st.errs.HasErrors() && !send(event{name: "build-error", data: errorsJSON(st.errs)}) {
		return
	}

	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-ch:
			if !ok || !send(e) {
				return // dropped as a slow reader, or gone
			}
		case <-tick.C:
			if !send(event{comment: "keep-alive"}) {
				return
			}
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	if e.comment != "" {
		fmt.Fprintf(w, ": %s\n\n", e.comment)
		return
	}
	fmt.Fprintf(w, "event: %s\n", e.name)
	for _, line := range strings.Split(e.data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	fmt.Fprint(w, "\n")
}
