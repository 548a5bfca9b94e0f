package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWriteDir_ReplacesWholeDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := NewFiles()
	first.Add("index.html", []byte("one"))
	first.Add("old/page.html", []byte("stale"))
	if err := WriteDir(dir, first); err != nil {
		t.Fatal(err)
	}
	second := NewFiles()
	second.Add("index.html", []byte("two"))
	if err := WriteDir(dir, second); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != "two" {
		t.Errorf("index.html = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "old")); err == nil {
		t.Error("stale file from the previous build survived")
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

func TestWriteDir_FailureLeavesPreviousOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	good := NewFiles()
	good.Add("index.html", []byte("good"))
	if err := WriteDir(dir, good); err != nil {
		t.Fatal(err)
	}
	// "a" as a file and as a directory cannot both be written.
	bad := NewFiles()
	bad.Add("index.html", []byte("bad"))
	bad.Add("a", []byte("file"))
	bad.Add("a/b.html", []byte("under a file"))
	if err := WriteDir(dir, bad); err == nil {
		t.Fatal("want an error")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != "good" {
		t.Errorf("previous output changed: index.html = %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("temporary directory left behind: %v", entries)
	}
}

func TestFiles_FS(t *testing.T) {
	f := NewFiles()
	f.Add("status/404/index.html", []byte("x"))
	b, err := fs.ReadFile(f.FS(time.Time{}), "status/404/index.html")
	if err != nil || string(b) != "x" {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
}
