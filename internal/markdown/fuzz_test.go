package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// FuzzRender renders arbitrary Markdown and checks that the HTML is safe:
// no element that runs or embeds anything, no event handler, no link or
// source with a scheme that can run script, and heading IDs that are
// unique. Seeds are the sections of the repository's real pages and the corpus
// under testdata/fuzz.
func FuzzRender(f *testing.F) {
	for _, dir := range []string{"../../content/status", "../../content/concepts"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				continue
			}
			// One seed per section: a whole page is slow to mutate and
			// to render under the fuzzer's instrumentation, and its
			// sections between them hold every construct it has.
			if _, body, ok := bytes.Cut(b[3:], []byte("\n---\n")); ok {
				for _, sec := range bytes.SplitAfter(body, []byte("\n## ")) {
					f.Add(sec)
				}
			}
		}
	}
	for _, s := range []string{"<script>x</script>", "[a](javascript:alert(1))", "[a](&#106;avascript:x)", "<javascript:x>",
		"![i](data:text/html,x)", "[r]\n\n[r]: vbscript:x", "## x\n\n## x", "```js title=\"<b>\" fragment\nx\n```"} {
		f.Add([]byte(s))
	}
	r := New(WithReservedIDs("faq", "main"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := r.Render(src)
		if err != nil {
			return // an error is reported to the contributor; no HTML
		}
		if err := sitetest.CheckSafeHTML(d.HTML, true, nil); err != nil {
			t.Fatalf("%v\nin:\n%s", err, d.HTML)
		}
		seen := map[string]bool{"faq": true, "main": true}
		for _, h := range d.Headings {
			if seen[h.ID] {
				t.Fatalf("heading ID %q twice", h.ID)
			}
			seen[h.ID] = true
		}
	})
}
