// Command gencorpus writes a synthetic site for benchmarks: n pages shaped
// like the real ones, for statusgen and, with -hugo, the same pages for Hugo.
//
//	go run ./internal/cmd/gencorpus -n 10000 -out /tmp/corpus
//	go run ./internal/cmd/gencorpus -n 10000 -hugo -out /tmp/corpus-hugo
//
// Run from the repository root, it also copies what each generator needs
// to build the site: templates/ for statusgen; bench/hugo/layouts/ as
// layouts/ and templates/assets/ as assets/ for Hugo. -repo "" copies
// nothing.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/statusgen/statusgen/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of pages")
	out := flag.String("out", "", "`dir`ectory to write the site into (required)")
	hugo := flag.Bool("hugo", false, "write a Hugo site instead of a statusgen one")
	repo := flag.String("repo", ".", "repository root to copy templates or layouts from; empty copies none")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*out, *n, *hugo, *repo); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(out string, n int, hugo bool, repo string) error {
	write, copies := corpus.Write, map[string]string{"templates": "templates"}
	if hugo {
		write, copies = corpus.WriteHugo, map[string]string{"bench/hugo/layouts": "layouts", "templates/assets": "assets"}
	}
	if err := write(out, n); err != nil {
		return err
	}
	if repo == "" {
		return nil
	}
	for src, dst := range copies {
		if err := copyDir(filepath.Join(repo, src), filepath.Join(out, dst)); err != nil {
			return err
		}
	}
	return nil
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
