package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/output"
)

func (e environ) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("statusgen "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

func (e environ) build(args []string) error {
	fs := e.flags("build")
	src := fs.String("src", ".", "site source `dir`ectory, holding content/ and templates/")
	out := fs.String("out", "public", "output `dir`ectory, replaced as a whole on success")
	baseURL := fs.String("base-url", "", "override site.yaml's baseURL (default $DEPLOY_PRIME_URL on Netlify previews)")
	verbose := fs.Bool("v", false, "list every file written, and print warnings")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *baseURL == "" {
		*baseURL = e.previewURL()
	}
	if err := checkOutDir(*src, *out); err != nil {
		return err
	}
	res, errs := build.New().Build(os.DirFS(*src), build.Options{BaseURL: *baseURL})
	if res == nil {
		e.report(errs, "build failed; the previous output is unchanged")
		return errFailed
	}
	if *verbose {
		for _, w := range errs.Warnings() {
			fmt.Fprintln(e.stderr, w)
		}
	}
	if err := output.WriteDir(*out, res.Files); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if *verbose {
		for _, n := range res.Files.Names() {
			fmt.Fprintln(e.stdout, filepath.Join(*out, n))
		}
	}
	fmt.Fprintln(e.stdout, res.Summary())
	return nil
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

// checkOutDir refuses output directories that replacing would destroy the
// sources with, such as -out . or the repository root.
func checkOutDir(src, out string) error {
	as, err1 := filepath.Abs(src)
	ao, err2 := filepath.Abs(out)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if ao == as || strings.HasPrefix(as+string(filepath.Separator), ao+string(filepath.Separator)) {
		return fmt.Errorf("-out %s would replace the sources in %s; choose a directory of its own, like public", out, src)
	}
	for _, marker := range []string{"go.mod", ".git", "content"} {
		if _, err := os.Stat(filepath.Join(ao, marker)); err == nil {
			return fmt.Errorf("-out %s holds %s, so it is not a build output directory; refusing to replace it", out, marker)
		}
	}
	return nil
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

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return errUsage
	}
	return nil
}
