package server

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher reports changes to a site's sources, debounced: a burst of events
// (an editor's save is often write, rename and chmod) becomes one call.
type watcher struct {
	w        *fsnotify.Watcher
	src      string
	debounce time.Duration
}

// watchedRoots are the source trees a build reads, relative to the site
// root. site.yaml lives in content/.
var watchedRoots = []string{"content", "templates", "netlify.toml"}

func newWatcher(src string, debounce time.Duration) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{w: fw, src: src, debounce: debounce}
	// The root itself, so that content/ or templates/ created or replaced
	// after start are picked up.
	if err := fw.Add(src); err != nil {
		fw.Close()
		return nil, err
	}
	for _, root := range watchedRoots {
		w.addTree(filepath.Join(src, root))
	}
	return w, nil
}

// addTree watches dir and every directory below it. Missing directories
// are fine: they are added when they appear.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			_ = w.w.Add(p)
		}
		return nil
	})
}

// relevant reports whether an event can change the build.
func (w *watcher) relevant(name string) bool {
	rel, err := filepath.Rel(w.src, name)
	if err != nil {
		return false
	}
	for _, root := range watchedRoots {
		if rel == root || len(rel) > len(root) && rel[:len(root)+1] == root+string(filepath.Separator) {
			return true
		}
	}
	return false
}

// run calls rebuild after each burst of changes until ctx is done, then
// closes the watcher.
func (w *watcher) run(ctx context.Context, rebuild func()) {
	defer w.w.Close()
	var timer *time.Timer
	var fire <-chan time.Time
	var first time.Time // first event of the current burst
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name)
				}
			}
			switch {
			case timer == nil:
				timer = time.NewTimer(w.debounce)
				first = time.Now()
			case fire == nil:
				timer.Reset(w.debounce)
				first = time.Now()
			case time.Since(first) < 10*w.debounce:
				// Still a burst: wait for it to end, but not forever
				// while something keeps writing.
				timer.Reset(w.debounce)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			rebuild()
		case _, ok := <-w.w.Errors:
			if !ok {
				return
			}
		}
	}
}
