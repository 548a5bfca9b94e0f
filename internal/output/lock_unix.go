//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive lock on dir, or fails at once if another
// process holds it. The kernel releases it when the process dies, however it
// dies, so a killed build never leaves a stale lock.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
