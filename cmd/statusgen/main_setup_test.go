package main

import (
	"os"
	"testing"
)

// TestMain points the build cache of every command the tests run, in this
// process and in the binaries they start, at a temporary directory: tests
// must not fill the user's cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "statusgen-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
