package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/check"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/examples"
	"github.com/statusgen/statusgen/internal/facts"
)

func (e environ) check(ctx context.Context, fs *flag.FlagSet, args []string) error {
	src := fs.String("src", ".", "site source `dir`ectory")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	stats := fs.Bool("stats", false, "print the prose word count of every page")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if err := e.checkSource("check", *src); err != nil {
		return err
	}
	table, err := facts.Load()
	if err != nil {
		return err
	}
	res, errs := build.New().Build(ctx, os.DirFS(*src), build.Options{})
	if ctx.Err() != nil {
		return e.interrupted("check", "nothing was checked to the end")
	}
	if res != nil {
		errs.Append(check.Run(res, table))
		exerrs, err := e.checkExamples(ctx, res)
		if ctx.Err() != nil {
			return e.interrupted("check", "nothing was checked to the end")
		}
		if err != nil {
			return err
		}
		errs.Append(exerrs)
	}
	if *strict {
		for i := range errs {
			errs[i].Severity = diag.Error
		}
	}
	errs.Sort()
	if res != nil && *stats {
		total := 0
		for _, s := range check.Stats(res) {
			fmt.Fprintf(e.stdout, "%6d  %s\n", s.Words, s.Path)
			total += s.Words
		}
		fmt.Fprintf(e.stdout, "%6d  words in all\n", total)
	}
	if e.getenv("GITHUB_ACTIONS") == "true" {
		annotate(e.stdout, *src, errs)
	}
	if len(errs) > 0 {
		e.report(errs, "check")
	}
	if errs.HasErrors() {
		return errFailed
	}
	fmt.Fprintf(e.stdout, "checked %d pages: %s\n", res.Pages, plural(len(errs), "warning"))
	return nil
}

// checkExamples runs the example tests CI runs: every Go example vets,
// every JSON example parses. Without a Go toolchain only JSON is checked,
// and the output says so.
func (e environ) checkExamples(ctx context.Context, res *build.Result) (diag.List, error) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		fmt.Fprintln(e.stderr, "check: no go command found, so Go examples were not vetted (CI vets them)")
		goCmd = ""
	}
	return examples.Check(ctx, res.Content, goCmd)
}

// annotate prints GitHub Actions workflow commands, which show each problem
// on its line in the pull request's diff.
func annotate(w io.Writer, src string, errs diag.List) {
	for _, d := range errs {
		file := d.Pos.Path
		if src != "." && src != "" {
			file = filepath.ToSlash(filepath.Join(src, file))
		}
		props := "file=" + escapeProperty(file)
		if d.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			props += fmt.Sprintf(",col=%d", d.Pos.Col)
		}
		fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, props, escapeData(d.Msg))
	}
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
