// Package netlify reads the host's routing rules, netlify.toml's
// [[redirects]] and [[headers]] and a published _redirects file, and applies
// them to request paths, so that the preview server answers like the
// production host.
//
// It implements the part of Netlify's rules this site uses: exact paths,
// :placeholders, a trailing * splat, status codes, forced rules, and header
// paths with * wildcards.
package netlify

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/statusgen/statusgen/internal/diag"
)

// Redirect is one redirect or rewrite rule.
type Redirect struct {
	From   string
	To     string
	Status int  // 301 by default; 200 is a rewrite
	Force  bool // applies even when a file exists at From
}

// HeaderRule sets headers on the paths matching For.
type HeaderRule struct {
	For    string
	Values map[string]string
}

// Rules is a site's routing rules, in the order the host applies them.
type Rules struct {
	Redirects []Redirect
	Headers   []HeaderRule
}

type tomlFile struct {
	Redirects []struct {
		From   string `toml:"from"`
		To     string `toml:"to"`
		Status int    `toml:"status"`
		Force  bool   `toml:"force"`
	} `toml:"redirects"`
	Headers []struct {
		For    string            `toml:"for"`
		Values map[string]string `toml:"values"`
	} `toml:"headers"`
}

// ParseTOML reads the rules of a netlify.toml.
func ParseTOML(b []byte) (Rules, error) {
	var f tomlFile
	if _, err := toml.Decode(string(b), &f); err != nil {
		return Rules{}, fmt.Errorf("netlify.toml: %w", err)
	}
	var r Rules
	for i, rd := range f.Redirects {
		if !strings.HasPrefix(rd.From, "/") || rd.To == "" {
			return Rules{}, fmt.Errorf("netlify.toml: redirects[%d]: from must be a path and to must be set", i)
		}
		if rd.Status == 0 {
			rd.Status = 301
		}
		r.Redirects = append(r.Redirects, Redirect{rd.From, rd.To, rd.Status, rd.Force})
	}
	for _, h := range f.Headers {
		r.Headers = append(r.Headers, HeaderRule{For: h.For, Values: h.Values})
	}
	return r, nil
}

// File is the host's configuration file, at the root of the sources.
const File = "netlify.toml"

// Load reads File from the root of fsys, if there is one. Its problems are
// diagnostics positioned in the file, so a broken netlify.toml fails a build
// and shows in the preview server like any other mistake.
func Load(fsys fs.FS) (Rules, diag.List) {
	var errs diag.List
	b, err := fs.ReadFile(fsys, File)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Rules{}, nil
	case err != nil:
		errs.Errorf(diag.Pos{Path: File}, "cannot read: %v", err)
		return Rules{}, errs
	}
	r, err := ParseTOML(b)
	if err != nil {
		pos := diag.Pos{Path: File}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos.Line, pos.Col = pe.Position.Line, pe.Position.Col
			err = errors.New(pe.Message)
		}
		errs.Errorf(pos, "%s", strings.TrimPrefix(err.Error(), File+": "))
	}
	return r, errs
}

// ParseRedirects reads a _redirects file: one "from to [status][!]" rule
// per line, # for comments.
func ParseRedirects(b []byte) ([]Redirect, error) {
	var out []Redirect
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil, fmt.Errorf("_redirects:%d: want \"from to [status]\"", n)
		}
		rd := Redirect{From: f[0], To: f[1], Status: 301}
		if len(f) > 2 {
			s := f[2]
			rd.Force = strings.HasSuffix(s, "!")
			code, err := strconv.Atoi(strings.TrimSuffix(s, "!"))
			if err != nil {
				return nil, fmt.Errorf("_redirects:%d: bad status %q", n, s)
			}
			rd.Status = code
		}
		out = append(out, rd)
	}
	return out, sc.Err()
}

// Match returns the first redirect whose From matches p, with its
// placeholders and splat substituted into To. exists reports whether a file
// is published at p: unforced rules do not shadow files.
func (r Rules) Match(p string, exists bool) (Redirect, bool) {
	for _, rd := range r.Redirects {
		if exists && !rd.Force {
			continue
		}
		if to, ok := match(rd.From, rd.To, p); ok {
			rd.To = to
			return rd, true
		}
	}
	return Redirect{}, false
}

func match(from, to, p string) (string, bool) {
	fs := strings.Split(strings.TrimSuffix(from, "/"), "/")
	ps := strings.Split(strings.TrimSuffix(p, "/"), "/")
	vars := map[string]string{}
	for i, seg := range fs {
		if seg == "*" && i == len(fs)-1 {
			if len(ps) < i {
				return "", false
			}
			vars["splat"] = strings.Join(ps[i:], "/")
			return substitute(to, vars), true
		}
		if i >= len(ps) {
			return "", false
		}
		switch {
		case strings.HasPrefix(seg, ":"):
			vars[seg[1:]] = ps[i]
		case seg != ps[i]:
			return "", false
		}
	}
	if len(ps) != len(fs) {
		return "", false
	}
	return substitute(to, vars), true
}

func substitute(to string, vars map[string]string) string {
	for k, v := range vars {
		to = strings.ReplaceAll(to, ":"+k, v)
	}
	return to
}

// HeadersFor returns the headers every rule matching p sets, later rules
// overriding earlier ones.
func (r Rules) HeadersFor(p string) map[string]string {
	out := map[string]string{}
	for _, h := range r.Headers {
		if globMatch(h.For, p) {
			for k, v := range h.Values {
				out[k] = v
			}
		}
	}
	return out
}

// globMatch matches p against a pattern in which * stands for any run of
// characters, slashes included, as in Netlify's header paths.
func globMatch(pattern, p string) bool {
	if !strings.Contains(pattern, "*") {
		return pattern == p || path.Clean(pattern) == path.Clean(p)
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(p, parts[0]) {
		return false
	}
	rest := p[len(parts[0]):]
	for i, part := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(rest, part)
		}
		j := strings.Index(rest, part)
		if j < 0 {
			return false
		}
		rest = rest[j+len(part):]
	}
	return true
}
