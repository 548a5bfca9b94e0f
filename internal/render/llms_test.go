package render

import (
	"crypto/sha256"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/site"
)

// TestFullText_PageOrderWhateverTheFinishingOrder puts twins in shuffled
// orders, some pages without one, and checks that the file always lists
// them in page order, holding none back at the end.
func TestFullText_PageOrderWhateverTheFinishingOrder(t *testing.T) {
	s := &site.Site{Config: content.Config{Title: "T", Description: "D"}}
	twins := make([][]byte, 50)
	for i := range twins {
		if i%7 != 3 {
			twins[i] = []byte(strings.Repeat(string(rune('a'+i%26)), i+1) + "\n")
		}
	}
	var want string
	for seed := uint64(0); seed < 20; seed++ {
		files := output.NewFiles()
		f, err := newFullText(files, s)
		if err != nil {
			t.Fatal(err)
		}
		order := rand.New(rand.NewPCG(seed, 1)).Perm(len(twins))
		if seed == 0 {
			for i := range order {
				order[i] = i
			}
		}
		for _, i := range order {
			f.put(i, twins[i], sha256.Sum256(twins[i]))
		}
		if _, err := f.close(); err != nil {
			t.Fatal(err)
		}
		got, _ := files.Get(llmsFullFile)
		if seed == 0 {
			want = string(got)
			if n := strings.Count(want, "\n---\n\n"); n != 43 {
				t.Fatalf("%d twins in page order, want 43:\n%s", n, want)
			}
			continue
		}
		if string(got) != want {
			t.Fatalf("order %v gives another file", order)
		}
	}
}
