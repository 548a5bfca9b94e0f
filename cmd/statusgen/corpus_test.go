package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// The bad-input corpus: every directory of testdata/bad is a site with one
// mistake, written as an overlay on the fixture site, with the exact stderr
// statusgen build must print for it. testdata/bad/README.md describes the
// layout.

var updateCorpus = flag.Bool("update", false, "rewrite testdata/bad/*/expected.txt (and exitcode) from what statusgen build prints, and testdata/explain/*.txt from what statusgen explain prints")

const corpusDir = "../../testdata/bad"

// minCorpusCases keeps the corpus from shrinking by accident.
const minCorpusCases = 40

func TestCorpus(t *testing.T) {
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runCorpusCase(t, filepath.Join(corpusDir, name))
		})
	}
	if n < minCorpusCases {
		t.Errorf("testdata/bad holds %d cases, want at least %d", n, minCorpusCases)
	}
}

// Files of a case directory that are not part of the overlay.
const (
	expectedFile = "expected.txt" // golden stderr, or "ok" for an accepted site
	exitCodeFile = "exitcode"     // expected exit status; 1 when absent
	argsFile     = "args"         // extra build flags, separated by white space
	outputFile   = "output.txt"   // for accepted sites: what the output must (not) hold
	acceptedMark = "ok\n"
)

// metaFiles are the files of a case that are not part of its overlay.
var metaFiles = map[string]bool{expectedFile: true, exitCodeFile: true, argsFile: true, outputFile: true}

func runCorpusCase(t *testing.T, dir string) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	out := filepath.Join(root, "public")
	if err := os.Rename(sitetest.Fixture(t), src); err != nil {
		t.Fatal(err)
	}

	// The output of a good build of the base site, as the previous output
	// a failed build must keep.
	for rel, data := range baseOutput(t) {
		p := filepath.Join(out, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, out)

	checkBytesSurvived(t, dir)
	needsUser := applyOverlay(t, dir, root)
	if needsUser && os.Geteuid() == 0 {
		t.Skip("the case makes a file unreadable, which does not stop root; run the tests as a normal user (internal/content covers the message)")
	}

	args := []string{"build", "-src", src, "-out", out}
	if b, err := os.ReadFile(filepath.Join(dir, argsFile)); err == nil {
		args = append(args, strings.Fields(string(b))...)
	}
	res := runCatchingPanic(args)
	if res.panicked != "" {
		t.Fatalf("statusgen build panicked:\n%s", res.panicked)
	}
	stdout := strings.ReplaceAll(res.stdout, root, "$ROOT")
	stderr := strings.ReplaceAll(res.stderr, root, "$ROOT")
	code, runErr := res.code, res.err

	got := stderr
	if code == 0 && stderr == "" {
		got = acceptedMark
	}
	wantCode := 1
	if b, err := os.ReadFile(filepath.Join(dir, exitCodeFile)); err == nil {
		wantCode, err = strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil {
			t.Fatalf("%s: %v", exitCodeFile, err)
		}
	}
	if *updateCorpus {
		writeGolden(t, dir, got, code)
		wantCode = code
	}
	want, err := os.ReadFile(filepath.Join(dir, expectedFile))
	if err != nil {
		t.Fatal(err)
	}

	if code != wantCode {
		t.Errorf("exit status %d, want %d (err = %v)", code, wantCode, runErr)
	}
	if got != string(want) {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}

	if wantCode == 0 {
		if !regexp.MustCompile(`^built \d+ pages in \S+\n$`).MatchString(stdout) {
			t.Errorf("stdout = %q, want the one-line summary", stdout)
		}
		checkOutput(t, dir, out)
		return
	}
	if wantCode == 1 && !errors.Is(runErr, errFailed) {
		t.Errorf("err = %v, want errFailed: the problem must be reported as diagnostics", runErr)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	assertUnchanged(t, before, out)
	if left, _ := filepath.Glob(filepath.Join(root, ".public*")); len(left) > 0 {
		t.Errorf("temporary output left behind: %v", left)
	}
}

var (
	baseOnce sync.Once
	baseOut  map[string]string // output path relative to the output directory -> content
	baseErr  string
)

// baseOutput builds the base site once, for every case to start from.
func baseOutput(t *testing.T) map[string]string {
	t.Helper()
	baseOnce.Do(func() {
		baseErr = "the base site did not build: see the first case to fail"
		dir, err := os.MkdirTemp("", "statusgen-corpus-")
		if err != nil {
			baseErr = err.Error()
			return
		}
		defer os.RemoveAll(dir)
		src := sitetest.Fixture(t)
		out := filepath.Join(dir, "public")
		if _, stderr, err := runCmd("build", "-src", src, "-out", out); err != nil {
			baseErr = fmt.Sprintf("build of the base site: %v\n%s", err, stderr)
			return
		}
		baseOut = map[string]string{}
		for p, data := range snapshot(t, out) {
			rel, _ := filepath.Rel(out, p)
			baseOut[rel] = data
		}
		baseErr = ""
	})
	if baseErr != "" {
		t.Fatal(baseErr)
	}
	return baseOut
}

// result is what a command run in-process did.
type result struct {
	stdout, stderr string
	code           int    // the exit status main would set
	err            error  // what run returned
	panicked       string // the panic and its stack, if it panicked
}

// runCatchingPanic runs a command in-process and returns what main would
// print and exit with.
func runCatchingPanic(args []string) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r.panicked = fmt.Sprintf("%v\n%s", p, debug.Stack())
		}
	}()
	r.stdout, r.stderr, r.err = runCmd(args...)
	// What main does with the error.
	switch err := r.err; {
	case err == nil, errors.Is(err, errHelp):
		r.code = 0
	case errors.Is(err, errUsage):
		r.code = 2
	case errors.Is(err, errFailed):
		r.code = 1
	default:
		r.stderr += fmt.Sprintln("statusgen:", err)
		r.code = 1
	}
	return r
}

func writeGolden(t *testing.T, dir, got string, code int) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, expectedFile), []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, exitCodeFile)
	if code == 1 {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		return
	}
	if err := os.WriteFile(p, []byte(strconv.Itoa(code)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// generators make file contents that are awkward to commit, for
// "<path>.generate" files naming one. base is the file being replaced, if
// the base site has it.
var generators = map[string]func(base []byte) []byte{
	// huge: one byte more than a page may have.
	"huge": func(base []byte) []byte { return padTo(base, 1<<20+1) },
	// max: exactly as much as a page may have.
	"max": func(base []byte) []byte { return padTo(base, 1<<20) },
}

// padTo appends lines of prose to a page until it is exactly n bytes.
func padTo(base []byte, n int) []byte {
	b := append([]byte(nil), base...)
	line := []byte("\nMore words about a resource that is gone for good, to make the page long.\n")
	for len(b)+len(line) <= n {
		b = append(b, line...)
	}
	return append(b, bytes.Repeat([]byte("x"), n-len(b))...)
}

// applyOverlay applies the overlay of the case in dir to the site in
// root/site, and puts its outside/ files in root/outside. It reports
// whether the case needs a user that file permissions apply to.
func applyOverlay(t *testing.T, dir, root string) (needsUser bool) {
	t.Helper()
	type op struct{ kind, target, arg string }
	var ops []op
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if metaFiles[rel] {
			return nil
		}
		kind := path.Ext(rel)
		switch kind {
		case ".delete", ".symlink", ".generate", ".chmod":
			rel = strings.TrimSuffix(rel, kind)
		default:
			kind = ".copy"
		}
		target := filepath.Join(root, "site", filepath.FromSlash(rel))
		switch top, _, _ := strings.Cut(rel, "/"); top {
		case "content", "templates":
		case "outside":
			target = filepath.Join(root, filepath.FromSlash(rel))
		default:
			return fmt.Errorf("%s: overlay files go under content/, templates/ or outside/", rel)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		arg := string(b)
		if kind != ".copy" {
			arg = strings.TrimSpace(arg)
		}
		ops = append(ops, op{kind, target, arg})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, argsFile)); len(ops) == 0 && err != nil {
		t.Fatalf("%s changes nothing: it has neither an overlay nor %s", dir, argsFile)
	}
	// Deletions first, then new contents, then permissions.
	phase := map[string]int{".delete": 0, ".copy": 1, ".symlink": 1, ".generate": 1, ".chmod": 2}
	sort.SliceStable(ops, func(i, j int) bool { return phase[ops[i].kind] < phase[ops[j].kind] })
	for _, o := range ops {
		if o.kind != ".delete" && o.kind != ".chmod" {
			if err := os.MkdirAll(filepath.Dir(o.target), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		switch o.kind {
		case ".delete":
			if _, err = os.Lstat(o.target); err == nil {
				err = os.RemoveAll(o.target)
			}
		case ".copy":
			if err = os.RemoveAll(o.target); err == nil {
				err = os.WriteFile(o.target, []byte(o.arg), 0o644)
			}
		case ".symlink":
			if err = os.RemoveAll(o.target); err == nil {
				err = os.Symlink(filepath.FromSlash(o.arg), o.target)
			}
			if err != nil && runtime.GOOS == "windows" {
				t.Skipf("cannot make symbolic links here: %v", err)
			}
		case ".generate":
			gen := generators[o.arg]
			if gen == nil {
				t.Fatalf("%s: unknown generator %q", o.target, o.arg)
			}
			base, _ := os.ReadFile(o.target)
			err = os.WriteFile(o.target, gen(base), 0o644)
		case ".chmod":
			var mode uint64
			if mode, err = strconv.ParseUint(o.arg, 8, 32); err == nil {
				err = os.Chmod(o.target, fs.FileMode(mode))
				target := o.target
				t.Cleanup(func() { _ = os.Chmod(target, 0o755) })
			}
			needsUser = true
		}
		if err != nil {
			t.Fatalf("overlay of %s: %v", dir, err)
		}
	}
	return needsUser
}

// checkBytesSurvived fails a case about CRLF line endings or a byte order
// mark whose overlay no longer has them: a checkout that converts line
// endings, or an editor, would make the case test nothing.
func checkBytesSurvived(t *testing.T, dir string) {
	t.Helper()
	name := filepath.Base(dir)
	var crlf, bom bool
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || metaFiles[d.Name()] {
			return err
		}
		b, err := os.ReadFile(p)
		crlf = crlf || bytes.Contains(b, []byte("\r\n"))
		bom = bom || bytes.HasPrefix(b, []byte("\xef\xbb\xbf"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(name, "crlf") && !crlf {
		t.Fatalf("no overlay file of %s has CRLF line endings any more (see testdata/bad/.gitattributes)", name)
	}
	if strings.Contains(name, "bom") && !bom {
		t.Fatalf("no overlay file of %s starts with a UTF-8 byte order mark any more", name)
	}
}

// checkOutput checks an accepted site's output against output.txt, whose
// lines read "FILE: TEXT" (FILE must contain TEXT) or "!FILE: TEXT" (must
// not), FILE relative to the output directory.
func checkOutput(t *testing.T, dir, out string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, outputFile))
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("an accepted case needs %s saying what the output must hold", outputFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		file, text, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("%s: %q is not FILE: TEXT", outputFile, line)
		}
		neg := strings.HasPrefix(file, "!")
		file = strings.TrimPrefix(file, "!")
		page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
		if err != nil {
			t.Errorf("output: %v", err)
			continue
		}
		if has := bytes.Contains(page, []byte(text)); has == neg {
			verb := "lacks"
			if neg {
				verb = "has"
			}
			t.Errorf("%s %s %q", file, verb, text)
		}
	}
}
