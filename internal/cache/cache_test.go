package cache

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestStore_PutGet(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("page", []byte("k")); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := s.Put("page", []byte("k"), []byte("<p>hi</p>")); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get("page", []byte("k"))
	if !ok || string(got) != "<p>hi</p>" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	if _, ok := s.Get("md", []byte("k")); ok {
		t.Error("kinds share keys")
	}
	var nilStore *Store
	if _, ok := nilStore.Get("page", []byte("k")); ok || nilStore.Put("page", []byte("k"), nil) != nil {
		t.Error("a nil store must cache nothing and fail nothing")
	}
}

// TestStore_DamagedEntriesAreNeverServed truncates, corrupts and replaces
// an entry's file in every way a crash or a disk can, and checks that Get
// misses each time and removes the file.
func TestStore_DamagedEntriesAreNeverServed(t *testing.T) {
	for name, damage := range map[string]func([]byte) []byte{
		"truncated":        func(b []byte) []byte { return b[:len(b)-3] },
		"truncated header": func(b []byte) []byte { return b[:10] },
		"empty":            func([]byte) []byte { return nil },
		"flipped bit":      func(b []byte) []byte { b[len(b)-1] ^= 1; return b },
		"bad magic":        func(b []byte) []byte { b[0] = 'x'; return b },
		"longer":           func(b []byte) []byte { return append(b, "more"...) },
	} {
		t.Run(name, func(t *testing.T) {
			s, _ := Open(t.TempDir())
			if err := s.Put("md", []byte("key"), []byte("the rendered document")); err != nil {
				t.Fatal(err)
			}
			p := s.path("md", []byte("key"))
			b, _ := os.ReadFile(p)
			if err := os.WriteFile(p, damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			if got, ok := s.Get("md", []byte("key")); ok {
				t.Fatalf("served a damaged entry: %q", got)
			}
			if _, err := os.Stat(p); err == nil {
				t.Error("the damaged entry was not removed")
			}
		})
	}
}

func TestStore_OtherVersionsDoNotShareEntries(t *testing.T) {
	dir := t.TempDir()
	a, _ := Open(dir)
	_ = a.Put("page", []byte("k"), []byte("old program's page"))
	b := &Store{dir: dir, salt: [32]byte{1}}
	if _, ok := b.Get("page", []byte("k")); ok {
		t.Error("another version read an entry")
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "page", "*", "*"))
	if len(entries) != 1 {
		t.Errorf("entries = %v", entries)
	}
}

func TestStore_PruneRemovesOldEntriesOnceADay(t *testing.T) {
	s, _ := Open(t.TempDir())
	_ = s.Put("page", []byte("old"), []byte("x"))
	_ = s.Put("page", []byte("new"), []byte("y"))
	old := s.path("page", []byte("old"))
	past := time.Now().Add(-40 * 24 * time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Prune(time.Now()); n != 1 || err != nil {
		t.Fatalf("Prune = %d, %v; want 1 entry removed", n, err)
	}
	if _, ok := s.Get("page", []byte("new")); !ok {
		t.Error("a recent entry was pruned")
	}
	_ = s.Put("page", []byte("old"), []byte("x"))
	_ = os.Chtimes(old, past, past)
	if n, _ := s.Prune(time.Now()); n != 0 {
		t.Error("pruned twice in one day")
	}
}
