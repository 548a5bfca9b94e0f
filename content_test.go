package statusgen

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
)

// TestContent_IsTheRepositorysContent compares the embedded content with
// content/ on disk, file by file. //go:embed leaves out files whose names
// start with "." or "_": one of those under content/ would fail here.
func TestContent_IsTheRepositorysContent(t *testing.T) {
	disk := map[string][]byte{}
	err := fs.WalkDir(os.DirFS("."), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		disk[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	embedded := 0
	err = fs.WalkDir(Content, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		embedded++
		b, err := Content.ReadFile(p)
		if err != nil {
			return err
		}
		if want, ok := disk[p]; !ok {
			t.Errorf("%s is embedded but not on disk", p)
		} else if !bytes.Equal(b, want) {
			t.Errorf("%s differs from the file on disk", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if embedded != len(disk) {
		t.Errorf("%d files embedded, %d under content/: a file whose name starts with . or _ is not embedded", embedded, len(disk))
	}
	if _, ok := disk["content/constants.yaml"]; !ok || len(disk) < 50 {
		t.Errorf("content/ looks incomplete: %d files", len(disk))
	}
}
