package main

import (
	"fmt"
	"os"

	"github.com/statusgen/statusgen/internal/build"
)

func (e environ) check(args []string) error {
	fs := e.flags("check")
	src := fs.String("src", ".", "site source `dir`ectory")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	res, errs := build.New().Build(os.DirFS(*src), build.Options{})
	if res == nil || len(errs) > 0 {
		e.report(errs, "check")
	}
	if res == nil {
		return errFailed
	}
	fmt.Fprintf(e.stdout, "checked %d pages: no errors\n", res.Pages)
	return nil
}

func (e environ) newPage(args []string) error {
	fmt.Fprintln(e.stderr, "statusgen new: not available yet")
	return errUsage
}
