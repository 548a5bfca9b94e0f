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
	name string
	data string
}

// broker fans events out to every connected browser tab.
type broker struct {
	mu   sync.Mutex
	subs map[chan event]struct{}
}

func newBroker() *broker { return &broker{subs: map[chan event]struct{}{}} }

func (b *broker) subscribe() chan event {
	ch := make(chan event, 8)
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

// publish sends e to every subscriber without blocking: a tab that is not
// reading has a full buffer of events that already tell it to reload.
func (b *broker) publish(e event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- e:
		default:
		}
	}
}

// heartbeat keeps idle connections from being closed by proxies and lets
// the server notice tabs that went away.
const heartbeat = 15 * time.Second

// serveEvents streams build events to one tab. On connect it says which
// build the server has, and whether the latest build failed, so a tab that
// connects (or reconnects after a restart) knows at once whether it is
// stale or should show errors.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := s.events.subscribe()
	defer s.events.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	st := s.state.Load()
	writeEvent(w, event{name: "hello", data: st.version})
	if st.errs.HasErrors() {
		writeEvent(w, event{name: "build-error", data: errorsJSON(st.errs)})
	}
	fl.Flush()

	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-ch:
			writeEvent(w, e)
			fl.Flush()
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			fl.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\n", e.name)
	for _, line := range strings.Split(e.data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	fmt.Fprint(w, "\n")
}
