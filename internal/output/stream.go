package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Streamer is a Sink that also takes a file written piece by piece, for a
// file too large to hold in memory whole, such as one that concatenates
// every page.
type Streamer interface {
	Sink
	// Create starts the file name. It is part of the output once the
	// writer is closed without error.
	Create(name string) (io.WriteCloser, error)
}

// Create implements Streamer. A file written this way is never linked
// into a next build, so the manifest does not record it.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	if !validName(name) {
		return nil, fmt.Errorf("%s: invalid output path", name)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	return &streamFile{d: d, f: f}, nil
}

// streamFile is a file of a Dir being written.
type streamFile struct {
	d *Dir
	f *os.File
}

func (w *streamFile) Write(b []byte) (int, error) { return w.f.Write(b) }

func (w *streamFile) Close() error {
	if err := w.f.Close(); err != nil {
		return err
	}
	return w.d.step("file")
}

// Stream returns a writer for the file name of s: the sink's own if it is
// a Streamer, or else one that holds the bytes and adds them on Close.
func Stream(s Sink, name string) (io.WriteCloser, error) {
	if st, ok := s.(Streamer); ok {
		return st.Create(name)
	}
	return &heldFile{s: s, name: name}, nil
}

// heldFile is a file for a Sink that takes whole files only.
type heldFile struct {
	bytes.Buffer
	s    Sink
	name string
}

func (w *heldFile) Close() error { return w.s.Add(w.name, w.Bytes()) }
