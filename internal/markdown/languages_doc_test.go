package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLanguages_DocumentedForContributors keeps the guide's list of fence
// languages in step with the ones a page may use.
func TestLanguages_DocumentedForContributors(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "writing-pages.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	start := strings.Index(doc, "## Code blocks")
	if start < 0 {
		t.Fatal(`docs/writing-pages.md has no "## Code blocks" section`)
	}
	section := doc[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	for _, l := range Languages() {
		if !strings.Contains(section, "`"+l+"`") {
			t.Errorf("docs/writing-pages.md, Code blocks: the fence language %q is accepted but not listed", l)
		}
	}
}
