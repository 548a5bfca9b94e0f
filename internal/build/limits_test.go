//go:build !race && unix

// The race detector makes everything several times slower; these timings
// are promises about the normal build.

package build

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// fill repeats unit up to just under the 1 MiB size limit of a page.
func fill(unit string, room int) string {
	return strings.Repeat(unit, room/len(unit))
}

// TestBuild_AnyOneMiBPageBuildsOrIsRefusedInUnderTwoSeconds holds the
// promise docs/security.md makes: a single file up to the size limit, however
// it is shaped, is built or refused with a positioned error within two
// seconds.
func TestBuild_AnyOneMiBPageBuildsOrIsRefusedInUnderTwoSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a dozen 1 MiB pages")
	}
	const room = 1<<20 - 200 // the frontmatter takes the rest
	nestedIndent := func() string {
		var b strings.Builder
		for b.Len() < room-5000 {
			for i := 0; i < 63; i++ {
				b.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			b.WriteString("\nend\n\n")
		}
		return b.String()
	}
	bodies := map[string]string{
		"prose":              fill("Words and more words about status codes. ", room),
		"identical headings": fill("## Same\n\n", room),
		"nested brackets":    fill(strings.Repeat("[", 100000)+"x"+strings.Repeat("]", 100000), room),
		"brackets at limit":  fill(strings.Repeat("[", 16)+"x"+strings.Repeat("]", 16)+"\n\n", room),
		"nested lists":       fill(strings.Repeat("- ", 100000)+"x", room),
		"lists at limit":     fill(strings.Repeat("- ", 8)+"x\n", room),
		"nested quotes":      fill(strings.Repeat(">", 100000)+" x", room),
		"quotes at limit":    fill(strings.Repeat(">", 8)+" x\n", room),
		"indented lists":     nestedIndent(),
		"references":         fill("[a]: /status/404/\n", room/2) + fill("[a] ", room/2),
		"emphasis":           fill("*a **b ", room),
		"table":              "| a | b |\n| - | - |\n" + fill("| x | `y` |\n", room-30),
		"fences":             fill("```go\nfunc main() {}\n```\n", room),
		"code tabs":          fill("```go\nx\n```\n```js\ny\n```\n", room),
		"one big go block":   "```go\n" + fill("func main() { fmt.Println(\"x\", 1) }\n", room-20) + "```\n",
		"code at the limit":  "```ruby\n" + fill("def show\n  render json: { a: 1 }, status: :ok\nend\n", 64*1000) + "```\n" + fill("Prose. ", room-64*1000-20),
		"99 code blocks":     fill("```python\ndef f(x):\n    return {'a': [1, 2.5]}  # c\n```\n", 99*50) + fill("Prose. ", room-99*50),
		"links":              fill("[a](/status/404/) ", room),
		"autolinks":          fill("<https://example.com/a> ", room),
		"raw html":           fill("<div onclick=x>", room),
		"entities":           fill("&amp;&#x41;", room),
	}
	frontmatters := map[string]string{
		"long summary":  "title: T\nsummary: \"" + fill("a", room) + "\"\n",
		"nested flow":   "title: T\nsummary: S.\nkeywords: " + fill("[", room) + "\n",
		"many keywords": "title: T\nsummary: S.\nkeywords:\n" + fill("  - k\n", room),
		"long faq":      "title: T\nsummary: S.\nfaq:\n" + fill("  - q: Q?\n    a: A [x](/status/404/).\n", room),
		"aliases":       "title: T\nsummary: S.\nkeywords: &a [k, " + fill("*a, ", room/2) + "k]\n",
	}
	run := func(name string, page string) {
		t.Run(name, func(t *testing.T) {
			fsys := sitetest.FixtureFS(t)
			fsys["content/concepts/big.md"] = &fstest.MapFile{Data: []byte(page)}
			if len(page) > 1<<20 {
				t.Fatalf("fixture is %d bytes, over the limit", len(page))
			}
			// CPU time rather than wall time: the promise is about the
			// work a page costs, which a machine busy with other things
			// does not change.
			t0, c0 := time.Now(), cpuTime(t)
			res, errs := New().Build(context.Background(), fsys, Options{})
			took, wall := cpuTime(t)-c0, time.Since(t0)
			if took > 2*time.Second {
				t.Errorf("took %v of CPU time (%v wall), want under 2s", took, wall)
			}
			for _, d := range errs.Errors() {
				if d.Pos.Path != "content/concepts/big.md" || d.Pos.Line == 0 {
					t.Errorf("refused without a position in the page: %v", d)
				}
			}
			verdict := "built"
			if res == nil {
				verdict = "refused: " + errs.Errors()[0].String()
			}
			t.Logf("%s: %d bytes in %v of CPU time (%v wall), %s", name, len(page), took.Round(time.Millisecond), wall.Round(time.Millisecond), verdict)
		})
	}
	for name, body := range bodies {
		run("body/"+name, "---\ntitle: Big\nsummary: A big page.\n---\n"+body)
	}
	for name, fm := range frontmatters {
		run("frontmatter/"+name, "---\n"+fm+"---\nBody.\n")
	}
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
