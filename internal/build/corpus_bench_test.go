package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/statusgen/statusgen/internal/corpus"
	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/sitetest"
)

// BenchmarkBuild_Corpus builds the 1,000-page benchmark corpus cold, as
// `statusgen build -no-cache` does: streamed into a new output directory
// beside the last one, which it replaces. scripts/bench.sh profiles it for
// the summary of where time and allocations go.
//
//	go test ./internal/build -run '^$' -bench Build_Corpus -benchtime 3x -cpuprofile cpu.out -memprofile mem.out
func BenchmarkBuild_Corpus(b *testing.B) {
	src := b.TempDir()
	if err := corpus.Write(src, 1000); err != nil {
		b.Fatal(err)
	}
	sitetest.CopyDir(b, filepath.Join(repoRoot, "templates"), filepath.Join(src, "templates"))
	fsys := os.DirFS(src)
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		dir, err := output.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		res, errs := New().Build(context.Background(), fsys, Options{Sink: dir})
		if res == nil {
			dir.Abort()
			b.Fatal(errs)
		}
		if err := dir.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
