// Command gencorpus writes a synthetic site for benchmarks: n pages shaped
// like the real ones, for statusgen and, with -hugo, for Hugo.
//
//	go run ./internal/cmd/gencorpus -n 10000 -out /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/statusgen/statusgen/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of pages")
	out := flag.String("out", "", "`dir`ectory to write the site into (required)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.Write(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
