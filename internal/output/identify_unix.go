//go:build unix

package output

import (
	"os"
	"syscall"
)

// fileID identifies a version of a file on disk.
type fileID struct {
	size int64
	mod  int64 // nanoseconds
	ino  uint64
}

func identify(path string) (fileID, bool) {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return fileID{}, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{size: fi.Size(), mod: fi.ModTime().UnixNano(), ino: uint64(st.Ino)}, true
}
