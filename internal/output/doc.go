// Package output is where a built site goes: an in-memory file tree that
// the preview server serves and the checks read, or a directory on disk that
// replaces the previous build atomically.
//
// Both are a Sink, so the renderer writes every file the same way whatever
// the destination. On disk, a build is written into a temporary directory
// beside the target and exchanged with the previous output in one atomic
// step where the operating system has one (renameat2 RENAME_EXCHANGE on
// Linux, renamex_np RENAME_SWAP on macOS); elsewhere two renames leave a
// moment in which the target does not exist. statusgen only ever replaces
// or deletes directories it wrote itself: every output carries a marker
// file, and a directory without one is refused unless it is empty.
package output

// Sink receives the files of a build. Add may be called from several
// goroutines at once; names are slash-separated paths without a leading
// slash, such as "status/404/index.html".
type Sink interface {
	Add(name string, data []byte) error
}
