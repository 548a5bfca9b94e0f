// Package examples checks the code examples in content: Go programs vet,
// JSON parses.
//
// docs/writing-pages.md promises readers that every example compiles or
// parses: every ```go fence is a complete standard-library program that
// passes `go vet`, and every ```json fence is valid JSON, unless its info
// string carries the word "fragment"; ```xml fences must be well-formed XML
// too. Check enforces that promise and reports
// each failure at the line of the content file it comes from.
package examples

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/markdown"
)

// modulePath is the module path of the temporary module the Go examples are
// vetted in.
const modulePath = "examples.test"

// page is one Markdown body to check.
type page struct {
	path string
	body content.Body
}

// program is a Go example written into the temporary module.
type program struct {
	dir   string // directory in the module, slash-separated, e.g. "p/status_429_l120"
	path  string // content file
	body  content.Body
	fence int // body line of the opening fence
}

// pos returns the content file position of a line and column of the
// program's main.go.
func (p program) pos(line, col int) diag.Pos {
	// main.go line 1 is the body line after the opening fence.
	return p.body.Pos(p.path, p.fence+line, col)
}

// Check checks the Go and JSON examples of every status and concept page of c.
// goCmd is the go command to vet Go examples with, e.g. "go"; when it is
// empty, Go examples are not vetted and only JSON is checked. The returned
// diagnostics are sorted; the error is only for failures to run the check
// itself, such as a missing go command or an unwritable temporary directory.
func Check(ctx context.Context, c *content.Content, goCmd string) (diag.List, error) {
	var pages []page
	for _, s := range c.Statuses {
		pages = append(pages, page{s.Path, s.Body})
	}
	for _, p := range c.Concepts {
		pages = append(pages, page{p.Path, p.Body})
	}

	var errs diag.List
	var progs []program
	files := map[string][]byte{}
	md := markdown.New()
	for _, pg := range pages {
		doc, err := md.Render(pg.body.Source)
		if err != nil {
			return nil, fmt.Errorf("examples: %s: %w", pg.path, err)
		}
		for _, f := range doc.Fences {
			if f.Fragment {
				continue
			}
			switch f.Lang {
			case "json":
				checkJSON(pg, f, &errs)
			case "xml":
				checkXML(pg, f, &errs)
			case "go":
				if goCmd == "" {
					continue
				}
				if !isMainPackage(f.Code) {
					errs.Errorf(pg.body.Pos(pg.path, f.Line, 1), "go example: not a complete program (package main); mark it \"fragment\" if it is meant as a snippet")
					continue
				}
				p := program{dir: "p/" + dirName(pg.path, pg.body.Pos(pg.path, f.Line, 1).Line), path: pg.path, body: pg.body, fence: f.Line}
				progs = append(progs, p)
				files[p.dir+"/main.go"] = f.Code
			}
		}
	}
	if len(progs) > 0 {
		vetErrs, err := vet(ctx, goCmd, progs, files)
		if err != nil {
			return nil, err
		}
		errs.Append(vetErrs)
	}
	errs.Sort()
	return errs, nil
}

// checkJSON reports a json fence that does not parse, at the line of the
// error.
func checkJSON(pg page, f markdown.Fence, errs *diag.List) {
	var v any
	err := json.Unmarshal(f.Code, &v)
	if err == nil {
		return
	}
	pos := pg.body.Pos(pg.path, f.Line, 1)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(f.Code, int(se.Offset))
		pos = pg.body.Pos(pg.path, f.Line+line, col)
	}
	errs.Errorf(pos, "json example: %v", err)
}

// checkXML reports an xml fence that is not well-formed XML, at the line
// of the error.
func checkXML(pg page, f markdown.Fence, errs *diag.List) {
	d := xml.NewDecoder(bytes.NewReader(f.Code))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			line := 0
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			errs.Errorf(pg.body.Pos(pg.path, f.Line+line, 1), "xml example: %v", err)
			return
		}
	}
}

// lineCol returns the 1-based line and column of the byte before offset in
// src: encoding/json reports the offset after the byte that is wrong.
func lineCol(src []byte, offset int) (line, col int) {
	at := min(max(offset-1, 0), len(src))
	line = 1 + bytes.Count(src[:at], []byte("\n"))
	col = at - (bytes.LastIndexByte(src[:at], '\n') + 1) + 1
	return line, col
}

var packageMainRE = regexp.MustCompile(`(?m)^package\s+main\b`)

// isMainPackage reports whether code declares package main.
func isMainPackage(code []byte) bool { return packageMainRE.Match(code) }

// dirName names a program's directory after where it comes from:
// content/status/429.md at line 120 is status_429_l120.
func dirName(file string, line int) string {
	name := strings.TrimSuffix(path.Base(file), path.Ext(file))
	kind := path.Base(path.Dir(file))
	if kind == "concepts" {
		kind = "concept"
	}
	var b strings.Builder
	for _, r := range kind + "_" + name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String() + "_l" + strconv.Itoa(line)
}

// langVersion returns the language version of a toolchain version for the
// go directive, e.g. "1.26" for go1.26.8, so that examples may use every API
// of the standard library they are vetted against.
func langVersion(toolchain string) string {
	v := strings.TrimPrefix(strings.TrimSpace(toolchain), "go")
	major, rest, ok := strings.Cut(v, ".")
	if !ok {
		return "1.22"
	}
	minor := rest
	if i := strings.IndexFunc(minor, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		minor = minor[:i] // "26.8" or "26rc1" → "26"
	}
	if _, err := strconv.Atoi(major); err != nil || minor == "" {
		return "1.22"
	}
	return major + "." + minor
}

// vet writes every program into one temporary module and runs a single
// `go vet ./...` over it, mapping what it reports back to content positions.
func vet(ctx context.Context, goCmd string, progs []program, files map[string][]byte) (diag.List, error) {
	tmp, err := os.MkdirTemp("", "statusgen-examples-")
	if err != nil {
		return nil, fmt.Errorf("examples: %w", err)
	}
	defer os.RemoveAll(tmp)
	// Ask the go command, not this binary, which toolchain it is: with
	// GOTOOLCHAIN=local a go directive newer than it would fail.
	cmd := goCommand(ctx, goCmd, tmp, "env", "GOVERSION")
	ver, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("examples: go command: %w", err)
	}
	gomod := fmt.Sprintf("module %s\n\ngo %s\n", modulePath, langVersion(string(ver)))
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte(gomod), 0o644); err != nil {
		return nil, fmt.Errorf("examples: %w", err)
	}
	for name, code := range files {
		full := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return nil, fmt.Errorf("examples: %w", err)
		}
		if err := os.WriteFile(full, code, 0o644); err != nil {
			return nil, fmt.Errorf("examples: %w", err)
		}
	}

	byDir := make(map[string]program, len(progs))
	for _, p := range progs {
		byDir[p.dir] = p
	}
	// One go vet over the whole module. A package that cannot be loaded
	// (an import outside the standard library) makes go vet report the
	// load errors and stop before vetting anything, so vet again whatever
	// has not been reported yet until a run completes. When the first run
	// went through, the second one finds everything cached and clean.
	var errs diag.List
	args := []string{"vet", "./..."}
	reported := map[string]bool{}
	for range progs {
		out, runErr := runGo(ctx, goCmd, tmp, args)
		if runErr != nil && ctx.Err() != nil {
			return nil, fmt.Errorf("examples: go vet: %w", ctx.Err())
		}
		var exitErr *exec.ExitError
		if runErr != nil && !errors.As(runErr, &exitErr) {
			return nil, fmt.Errorf("examples: go vet: %w", runErr)
		}
		found, dirs, unmatched := parseVet(out, tmp, byDir)
		errs.Append(found)
		if runErr == nil {
			break
		}
		if len(found) == 0 {
			// go vet failed but said nothing we can place: the check
			// itself is broken (bad go.mod, unknown flag, ...).
			return nil, fmt.Errorf("examples: go vet: %v\n%s", runErr, strings.Join(unmatched, "\n"))
		}
		for _, d := range dirs {
			reported[d] = true
		}
		args = []string{"vet"}
		for _, p := range progs {
			if !reported[p.dir] {
				args = append(args, "./"+p.dir)
			}
		}
		if len(args) == 1 {
			break
		}
	}
	return errs, nil
}

// runGo runs the go command in dir and returns its combined output.
func runGo(ctx context.Context, goCmd, dir string, args []string) ([]byte, error) {
	cmd := goCommand(ctx, goCmd, dir, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.Bytes(), err
}

// goCommand returns the go command to run in dir, in an environment that
// keeps it to the local toolchain and the temporary module.
func goCommand(ctx context.Context, goCmd, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off",
		// Examples use the standard library only: an import of anything
		// else fails at once instead of reaching for the network.
		"GOPROXY=off")
	return cmd
}

// vetLineRE matches "p/status_429_l120/main.go:12:3: message", with an
// optional "./" prefix or absolute directory, and an optional column.
var vetLineRE = regexp.MustCompile(`^(?:vet: )?(.*?)(p/[A-Za-z0-9_]+)/main\.go:(\d+)(?::(\d+))?: (.*)$`)

// parseVet turns go vet output into diagnostics, and says which program
// directories they are in. Lines it cannot place (and that are not package
// headers) are returned as unmatched.
func parseVet(out []byte, tmp string, byDir map[string]program) (errs diag.List, dirs, unmatched []string) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	last := -1 // index of the diagnostic a tab-indented continuation line belongs to
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "# "):
			// "# examples.test/p/status_429_l120" (or "[...test]"): a
			// package header; the lines that follow say what is wrong.
			last = -1
			continue
		case strings.HasPrefix(line, "\t") && last >= 0:
			errs[last].Msg += " " + strings.TrimSpace(line)
			continue
		}
		m := vetLineRE.FindStringSubmatch(line)
		if m == nil {
			unmatched = append(unmatched, line)
			last = -1
			continue
		}
		p, ok := byDir[m[2]]
		if !ok {
			unmatched = append(unmatched, line)
			last = -1
			continue
		}
		ln, _ := strconv.Atoi(m[3])
		col, _ := strconv.Atoi(m[4]) // 0 when absent: unknown column
		msg := strings.ReplaceAll(m[5], tmp+string(filepath.Separator), "")
		errs.Errorf(p.pos(ln, col), "go example: %s", msg)
		dirs = append(dirs, p.dir)
		last = len(errs) - 1
	}
	return errs, dirs, unmatched
}
