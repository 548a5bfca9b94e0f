package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"golang.org/x/term"

	"github.com/statusgen/statusgen"
	"github.com/statusgen/statusgen/internal/explain"
)

// explainAbout is the paragraph of `statusgen help explain`.
const explainAbout = `Explains a status code (statusgen explain 429), lists a class (statusgen explain 4xx) or searches titles, names and keywords (statusgen explain rate limit), from the content built into this binary, with no network. Output is wrapped to the terminal (80 columns, or $COLUMNS, when not a terminal) and in colour on a terminal unless NO_COLOR is set.`

// maxWidth keeps prose readable on very wide terminals.
const maxWidth = 100

func (e environ) explain(_ context.Context, fs *flag.FlagSet, args []string) error {
	src := fs.String("src", "", "explain the content of this site source `dir`ectory instead of the built-in one")
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	q, err := explain.ParseQuery(fs.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "statusgen explain: %v\n", err)
		return errUsage
	}
	fsys := contentFS()
	if *src != "" {
		fsys = os.DirFS(*src)
	}
	ix, err := explain.Load(fsys)
	if err != nil {
		return err
	}
	st := e.style()
	switch {
	case q.Class != 0:
		cl, members, err := ix.Class(q.Class)
		if err != nil {
			return e.notFound(err)
		}
		return ix.WriteClass(e.stdout, cl, members, st)
	case q.Code != 0:
		s, err := ix.Status(q.Code)
		if err != nil {
			return e.notFound(err)
		}
		return ix.WriteStatus(e.stdout, s, st)
	}
	codes, concepts := ix.Search(q.Text)
	if len(codes) == 0 && len(concepts) == 0 {
		nf := &explain.NotFoundError{Msg: fmt.Sprintf("nothing matches %q", q.Text), Suggestion: "Try fewer words, a code (404) or a class (4xx)."}
		if s := ix.Suggest(q.Text); s != "" {
			nf.Suggestion = fmt.Sprintf("Did you mean %q? %s", s, nf.Suggestion)
		}
		return e.notFound(nf)
	}
	return ix.WriteMatches(e.stdout, q.Text, codes, concepts, st)
}

// contentFS is the content built into the binary.
func contentFS() fs.FS { return statusgen.Content }

// notFound reports an unknown code, class or query with its suggestion.
func (e environ) notFound(err error) error {
	var nf *explain.NotFoundError
	if !errors.As(err, &nf) {
		return err
	}
	fmt.Fprintf(e.stderr, "statusgen explain: %s\n", nf.Msg)
	if nf.Suggestion != "" {
		fmt.Fprintln(e.stderr, nf.Suggestion)
	}
	return errFailed
}

// style decides the layout from where the output goes: a terminal's width
// and colour, unless NO_COLOR is set or TERM is dumb; otherwise $COLUMNS or
// 80 columns, no colour.
func (e environ) style() explain.Style {
	st := explain.Style{Width: 80}
	if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && n > 0 {
		st.Width = n
	}
	if w, ok := terminal(e.stdout); ok {
		if w > 0 {
			st.Width = w
		}
		st.Color = e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb"
	}
	st.Width = min(st.Width, maxWidth)
	return st
}

// terminal reports whether w is a terminal, and its width if known.
// Tests replace it.
var terminal = func(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0, true
	}
	return width, true
}
