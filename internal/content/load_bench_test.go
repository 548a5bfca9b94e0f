package content

import (
	"os"
	"testing"

	"github.com/statusgen/statusgen/internal/corpus"
)

// BenchmarkLoad_Corpus loads the 1,000-page benchmark corpus from disk with
// a new Loader each time, as `statusgen build` does: every file read,
// parsed and checked.
func BenchmarkLoad_Corpus(b *testing.B) {
	src := b.TempDir()
	if err := corpus.Write(src, 1000); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(src)
	for b.Loop() {
		if _, errs := new(Loader).Load(fsys); errs.HasErrors() {
			b.Fatal(errs)
		}
	}
}
