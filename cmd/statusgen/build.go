package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/cache"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/output"
)

// defaultOut is the one output directory a source tree may hold.
const defaultOut = "public"

func (e environ) build(ctx context.Context, fs *flag.FlagSet, args []string) error {
	src := fs.String("src", ".", "site source `dir`ectory, holding content/ and templates/")
	out := fs.String("out", "", "output `dir`ectory, replaced as a whole on success (default: public in the -src directory)")
	baseURL := fs.String("base-url", "", "override site.yaml's baseURL (default $DEPLOY_PRIME_URL on Netlify previews)")
	verbose := fs.Bool("v", false, "list every file written, and print warnings")
	cacheDir, noCache := cacheFlags(fs)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if err := e.checkSource("build", *src); err != nil {
		return err
	}
	if *baseURL == "" {
		*baseURL = e.previewURL()
	}
	// -out is relative to the working directory, like every path flag;
	// the default is the public/ of the source tree.
	if *out == "" {
		*out = filepath.Join(*src, defaultOut)
	}
	if err := output.CheckTarget(*out, *src, defaultOut); err != nil {
		fmt.Fprintln(e.stderr, "statusgen build:", err)
		return errFailed
	}
	// Pages stream into a new directory beside the output as they are
	// rendered; it replaces the output only once the whole build has
	// succeeded.
	dir, err := output.Create(*out)
	if err != nil {
		fmt.Fprintln(e.stderr, "statusgen build:", err)
		return errFailed
	}
	store := e.openCache(*cacheDir, *noCache)
	manifestKey := manifestKey(*out)
	if store != nil {
		// Files that did not change since the last build into *out are
		// linked from it instead of written again.
		m, _ := store.Get("manifest", manifestKey)
		dir.Reuse(m)
	}
	var sink output.Sink = dir
	var written *nameList
	if *verbose {
		written = &nameList{Sink: dir}
		sink = written
	}
	res, errs := build.New().WithStore(store).Build(ctx, os.DirFS(*src), build.Options{BaseURL: *baseURL, Sink: sink})
	if ctx.Err() != nil {
		dir.Abort()
		return e.interrupted("build", "the previous output is unchanged")
	}
	if res == nil {
		dir.Abort()
		e.report(errs, "build failed; the previous output is unchanged")
		return errFailed
	}
	if *verbose {
		for _, w := range errs.Warnings() {
			fmt.Fprintln(e.stderr, w)
		}
	}
	manifest := dir.Manifest()
	if err := dir.Commit(); err != nil {
		fmt.Fprintln(e.stderr, "statusgen build:", err)
		return errFailed
	}
	if store != nil {
		_ = store.Put("manifest", manifestKey, manifest)
		_, _ = store.Prune(time.Now())
	}
	if written != nil {
		for _, n := range written.sorted() {
			fmt.Fprintln(e.stdout, filepath.Join(*out, n))
		}
	}
	fmt.Fprintln(e.stdout, res.Summary())
	return nil
}

// manifestKey names an output directory in the cache: its absolute path.
func manifestKey(out string) []byte {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	return []byte(abs)
}

// cacheFlags defines the flags of the persistent build cache.
func cacheFlags(fs *flag.FlagSet) (dir *string, off *bool) {
	def, _ := cache.DefaultDir()
	dir = fs.String("cache", def, "build cache `dir`ectory: highlighted code, rendered Markdown and pages of earlier builds")
	off = fs.Bool("no-cache", false, "build everything from scratch, reading and writing no cache")
	return dir, off
}

// openCache opens the build cache, or returns nil when it is off or cannot
// be used, which only makes the build slower.
func (e environ) openCache(dir string, off bool) *cache.Store {
	if off || dir == "" {
		return nil
	}
	s, err := cache.Open(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "statusgen: building without a cache: %v\n", err)
		return nil
	}
	return s
}

// nameList is a Sink that remembers the names it passes on, for -v.
type nameList struct {
	output.Sink
	mu    sync.Mutex
	names []string
}

func (l *nameList) Add(name string, data []byte) error {
	l.mu.Lock()
	l.names = append(l.names, name)
	l.mu.Unlock()
	return l.Sink.Add(name, data)
}

func (l *nameList) sorted() []string {
	sort.Strings(l.names)
	return l.names
}

// interrupted reports a command stopped by a signal, in one line.
func (e environ) interrupted(cmd, state string) error {
	fmt.Fprintf(e.stderr, "statusgen %s: interrupted; %s\n", cmd, state)
	return errInterrupted
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// previewURL is the deploy preview's address on Netlify, which sets
// DEPLOY_PRIME_URL for every deploy. Production keeps site.yaml's baseURL,
// the canonical address search engines should see.
func (e environ) previewURL() string {
	if e.getenv("CONTEXT") == "production" {
		return ""
	}
	return e.getenv("DEPLOY_PRIME_URL")
}

// report prints diagnostics, one per line, then a count.
func (e environ) report(errs diag.List, what string) {
	for _, d := range errs {
		fmt.Fprintln(e.stderr, d)
	}
	n, w := len(errs.Errors()), len(errs.Warnings())
	fmt.Fprintf(e.stderr, "%s: %s, %s\n", what, plural(n, "error"), plural(w, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
