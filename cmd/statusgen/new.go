package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/facts"
	"github.com/statusgen/statusgen/internal/scaffold"
)

func (e environ) newPage(_ context.Context, fset *flag.FlagSet, args []string) error {
	src := fset.String("src", ".", "site source `dir`ectory")
	if err := e.parseFlags(fset, args); err != nil {
		return err
	}
	if fset.NArg() != 1 {
		fmt.Fprintln(e.stderr, "statusgen new: want one status code, like: statusgen new 418")
		fset.Usage()
		return errUsage
	}
	code, err := strconv.Atoi(fset.Arg(0))
	if err != nil || code < 100 || code > 599 {
		fmt.Fprintf(e.stderr, "statusgen new: %q is not a status code: codes run from 100 to 599\n", fset.Arg(0))
		return errUsage
	}
	rel := filepath.ToSlash(filepath.Join(content.StatusDir, strconv.Itoa(code)+".md"))
	path := filepath.Join(*src, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(e.stderr, "statusgen new: %s already exists; edit it instead\n", rel)
		return errFailed
	}
	table, err := facts.Load()
	if err != nil {
		return err
	}
	page, err := scaffold.Page(code, table, existingCodes(*src))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	// O_EXCL: never overwrite, even if the page appeared since the check.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(e.stderr, "statusgen new: %s already exists; edit it instead\n", rel)
			return errFailed
		}
		return err
	}
	if _, err := f.WriteString(page); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\nReplace every %s in it, then run: go run ./cmd/statusgen check\n", rel, content.Placeholder)
	return nil
}

// existingCodes lists the codes that have pages, for prefilled related codes.
func existingCodes(src string) []int {
	entries, _ := os.ReadDir(filepath.Join(src, content.StatusDir))
	var out []int
	for _, e := range entries {
		if n, err := strconv.Atoi(strings.TrimSuffix(e.Name(), ".md")); err == nil && strings.HasSuffix(e.Name(), ".md") {
			out = append(out, n)
		}
	}
	return out
}
