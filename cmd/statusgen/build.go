package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/output"
)

// defaultOut is the one output directory a source tree may hold.
const defaultOut = "public"

func (e environ) build(ctx context.Context, fs *flag.FlagSet, args []string) error {
	src := fs.String("src", ".", "site source `dir`ectory, holding content/ and templates/")
	out := fs.String("out", defaultOut, "output `dir`ectory, replaced as a whole on success (default: public in the -src directory)")
	baseURL := fs.String("base-url", "", "override site.yaml's baseURL (default $DEPLOY_PRIME_URL on Netlify previews)")
	verbose := fs.Bool("v", false, "list every file written, and print warnings")
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
	if !flagSet(fs, "out") {
		*out = filepath.Join(*src, defaultOut)
	}
	if err := output.CheckTarget(*out, *src, defaultOut); err != nil {
		fmt.Fprintln(e.stderr, "statusgen build:", err)
		return errFailed
	}
	res, errs := build.New().Build(ctx, os.DirFS(*src), build.Options{BaseURL: *baseURL})
	if ctx.Err() != nil {
		return e.interrupted("build", "the previous output is unchanged")
	}
	if res == nil {
		e.report(errs, "build failed; the previous output is unchanged")
		return errFailed
	}
	if *verbose {
		for _, w := range errs.Warnings() {
			fmt.Fprintln(e.stderr, w)
		}
	}
	if err := output.WriteDir(ctx, *out, res.Files); err != nil {
		if ctx.Err() != nil {
			return e.interrupted("build", "the previous output is unchanged")
		}
		fmt.Fprintln(e.stderr, "statusgen build:", err)
		return errFailed
	}
	if *verbose {
		for _, n := range res.Files.Names() {
			fmt.Fprintln(e.stdout, filepath.Join(*out, n))
		}
	}
	fmt.Fprintln(e.stdout, res.Summary())
	return nil
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
