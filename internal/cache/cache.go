// Package cache is statusgen's persistent build cache: entries on disk,
// each addressed by a hash of everything that produced it, so that a later
// build can take a highlighted code block, a rendered Markdown document or a
// rendered page instead of making it again, and get exactly the bytes a cold
// build would make.
//
// Every key is salted with the version of the program writing it: the
// statusgen build (its VCS revision, or a hash of the executable for a
// development build), and the versions of goldmark, chroma and minify. An
// entry written by another version is never found. Entries are written
// atomically (a temporary file renamed into place) and carry a checksum of
// their contents: a corrupt or truncated entry is detected when read,
// removed, and treated as missing, never served.
package cache

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// Store is a cache directory. It is safe for concurrent use, also by
// several processes at once: entries are immutable once written.
type Store struct {
	dir  string
	salt [32]byte
}

// DefaultDir returns the cache directory used when none is given: statusgen
// under the user's cache directory ($XDG_CACHE_HOME or ~/.cache on Linux).
func DefaultDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "statusgen"), nil
}

// Open opens the cache in dir, creating it if needed.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache %s: %w", dir, err)
	}
	v, err := Version()
	if err != nil {
		return nil, err
	}
	return &Store{dir: dir, salt: sha256.Sum256([]byte(v))}, nil
}

// Dir returns the cache's directory.
func (s *Store) Dir() string { return s.dir }

var (
	versionOnce sync.Once
	version     string
	versionErr  error
)

// Version describes the program that writes entries: everything whose
// change must make old entries unreachable. A build from a clean VCS
// checkout is known by its revision; any other build by a hash of its
// executable, since its code may differ from every revision.
func Version() (string, error) {
	versionOnce.Do(func() { version, versionErr = computeVersion() })
	return version, versionErr
}

func computeVersion() (string, error) {
	var b strings.Builder
	bi, ok := debug.ReadBuildInfo()
	clean := false
	if ok {
		fmt.Fprintf(&b, "%s %s %s\n", bi.GoVersion, bi.Main.Path, bi.Main.Version)
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		if rev := settings["vcs.revision"]; rev != "" && settings["vcs.modified"] == "false" {
			fmt.Fprintf(&b, "vcs %s\n", rev)
			clean = true
		}
		for _, d := range bi.Deps {
			switch {
			case strings.HasPrefix(d.Path, "github.com/yuin/goldmark"),
				strings.HasPrefix(d.Path, "github.com/alecthomas/chroma"),
				strings.HasPrefix(d.Path, "github.com/tdewolff/"):
				fmt.Fprintf(&b, "%s %s\n", d.Path, d.Version)
			}
		}
	}
	if !clean {
		exe, err := os.Executable()
		if err != nil {
			return "", fmt.Errorf("cache: cannot identify this program: %w", err)
		}
		f, err := os.Open(exe)
		if err != nil {
			return "", fmt.Errorf("cache: cannot identify this program: %w", err)
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return "", fmt.Errorf("cache: cannot identify this program: %w", err)
		}
		fmt.Fprintf(&b, "executable %x\n", h.Sum(nil))
	}
	return b.String(), nil
}

// magic starts every entry, with the format's version.
var magic = []byte("sgc1")

const headerLen = 4 + 8 + sha256.Size

func (s *Store) path(kind string, key []byte) string {
	h := sha256.New()
	h.Write(s.salt[:])
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write(key)
	name := hex.EncodeToString(h.Sum(nil))
	return filepath.Join(s.dir, kind, name[:2], name)
}

// Get returns the entry of kind under key, if it exists and is intact.
func (s *Store) Get(kind string, key []byte) ([]byte, bool) {
	if s == nil {
		return nil, false
	}
	p := s.path(kind, key)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	data, ok := decode(b)
	if !ok {
		// Truncated or damaged: never served, and removed so that the
		// next build writes it again.
		_ = os.Remove(p)
		return nil, false
	}
	return data, true
}

func decode(b []byte) ([]byte, bool) {
	if len(b) < headerLen || !bytes.Equal(b[:4], magic) {
		return nil, false
	}
	n := binary.LittleEndian.Uint64(b[4:12])
	data := b[headerLen:]
	if uint64(len(data)) != n {
		return nil, false
	}
	sum := sha256.Sum256(data)
	if !bytes.Equal(sum[:], b[12:headerLen]) {
		return nil, false
	}
	return data, true
}

// Put stores data as the entry of kind under key. A failure to write is
// returned but harmless: the entry is simply missing next time.
func (s *Store) Put(kind string, key, data []byte) error {
	if s == nil {
		return nil
	}
	p := s.path(kind, key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	var tag [8]byte
	_, _ = rand.Read(tag[:])
	tmp := p + ".tmp-" + hex.EncodeToString(tag[:])
	buf := make([]byte, headerLen, headerLen+len(data))
	copy(buf, magic)
	binary.LittleEndian.PutUint64(buf[4:12], uint64(len(data)))
	sum := sha256.Sum256(data)
	copy(buf[12:], sum[:])
	buf = append(buf, data...)
	if err := os.WriteFile(tmp, buf, 0o644); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, p); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// pruneEvery and maxAge bound the cache's size without bookkeeping on every
// read: at most once a day, entries written more than maxAge ago are
// removed. An entry still in use is simply written again by the next build
// that needs it.
const (
	pruneEvery = 24 * time.Hour
	maxAge     = 30 * 24 * time.Hour
)

// Prune removes old entries, if it has not done so in the last day, and
// reports how many it removed.
func (s *Store) Prune(now time.Time) (int, error) {
	if s == nil {
		return 0, nil
	}
	stamp := filepath.Join(s.dir, ".pruned")
	if fi, err := os.Stat(stamp); err == nil && now.Sub(fi.ModTime()) < pruneEvery {
		return 0, nil
	}
	if err := os.WriteFile(stamp, nil, 0o644); err != nil {
		return 0, err
	}
	removed := 0
	err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == stamp {
			return nil
		}
		if fi, err := d.Info(); err == nil && now.Sub(fi.ModTime()) > maxAge {
			if os.Remove(p) == nil {
				removed++
			}
		}
		return nil
	})
	return removed, err
}
