package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/sitetest"
)

func runCmd(args ...string) (stdout, stderr string, err error) {
	var o, e bytes.Buffer
	err = run(context.Background(), args, &o, &e)
	return o.String(), e.String(), err
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// assertUnchanged reports every way the tree at dir differs from before, a
// snapshot of it taken earlier.
func assertUnchanged(t *testing.T, before map[string]string, dir string) {
	t.Helper()
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("the previous output changed: %d files before, %d after", len(before), len(after))
	}
	for p, v := range before {
		if after[p] != v {
			t.Errorf("the previous output changed: %s", p)
		}
	}
}

func TestBuild_WritesSiteAndPrintsOneLine(t *testing.T) {
	src := sitetest.Fixture(t)
	out := filepath.Join(t.TempDir(), "public")
	stdout, stderr, err := runCmd("build", "-src", src, "-out", out)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(stdout, "built 21 pages in ") || strings.Count(stdout, "\n") != 1 || stderr != "" {
		t.Errorf("output: %q, stderr %q", stdout, stderr)
	}
	for _, f := range []string{"index.html", "404.html", "status/404/index.html", "status/4xx/index.html",
		"concepts/caching/index.html", "sitemap.xml", "robots.txt", "api/codes.json", "_redirects"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary directories left behind: %v", leftovers)
	}
}

func TestBuild_FailedBuildKeepsPreviousOutput(t *testing.T) {
	src := sitetest.Fixture(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, stderr, err := runCmd("build", "-src", src, "-out", out); err != nil {
		t.Fatalf("first build: %v\n%s", err, stderr)
	}
	before := snapshot(t, out)

	bad := filepath.Join(src, "content", "status", "410.md")
	b, _ := os.ReadFile(bad)
	b = bytes.Replace(b, []byte("related: [404]"), []byte("related: [404, 499]\ncolour: red"), 1)
	if err := os.WriteFile(bad, b, 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl := filepath.Join(src, "templates", "class.html")
	if err := os.WriteFile(tmpl, []byte("{{define \"content\"}}{{.Nope}"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := runCmd("build", "-src", src, "-out", out)
	if !errors.Is(err, errFailed) {
		t.Fatalf("want errFailed, got %v", err)
	}
	want := []string{
		filepath.Join("content/status/410.md") + `:7:16: error: related: unknown status code 499 (did you mean 599?)`,
		`content/status/410.md:8:1: error: unknown key "colour"`,
		`templates/class.html:1: error: template: bad character U+007D '}'`,
		"build failed; the previous output is unchanged: 3 errors, 0 warnings",
	}
	if got := strings.Split(strings.TrimSpace(stderr), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
	if stdout != "" {
		t.Errorf("stdout: %q", stdout)
	}
	assertUnchanged(t, before, out)
}

func TestBuild_RefusesToReplaceSources(t *testing.T) {
	src := sitetest.Fixture(t)
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out  string
		want string
	}{
		{src, "is the source directory"},
		{filepath.Join(src, "."), "is the source directory"},
		{filepath.Dir(src), "contains the source directory"},
		{"/", "is the root of the file system"},
		{filepath.Join(src, "content"), "is inside the source directory"},
		{filepath.Join(src, "content", "status"), "is inside the source directory"},
		{filepath.Join(src, "templates"), "is inside the source directory"},
		{filepath.Join(src, "dist"), "is inside the source directory"},
		{other, "not a statusgen output directory"},
	}
	for _, tc := range tests {
		before := snapshotTree(t, src) + snapshotTree(t, other)
		_, stderr, err := runCmd("build", "-src", src, "-out", tc.out)
		if !errors.Is(err, errFailed) || !strings.Contains(stderr, tc.want) {
			t.Errorf("-out %s: err = %v, stderr = %q, want %q", tc.out, err, stderr, tc.want)
		}
		if after := snapshotTree(t, src) + snapshotTree(t, other); after != before {
			t.Errorf("-out %s: refused, but files changed", tc.out)
		}
	}
	// A symbolic link to the sources is the sources.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(src, "content"), link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runCmd("build", "-src", src, "-out", link); !errors.Is(err, errFailed) || !strings.Contains(stderr, "inside the source directory") {
		t.Errorf("-out through a symbolic link: err = %v, %q", err, stderr)
	}
}

func TestBuild_DefaultOutputAndItsReplacement(t *testing.T) {
	src := sitetest.Fixture(t)
	for i := 0; i < 2; i++ { // the second build replaces the first
		if _, stderr, err := runCmd("build", "-src", src); err != nil {
			t.Fatalf("build %d: %v\n%s", i, err, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "public", ".statusgen-output")); err != nil {
		t.Errorf("default output lacks its marker: %v", err)
	}
	// An existing public/ that statusgen did not write is refused.
	pub := filepath.Join(src, "public")
	if err := os.RemoveAll(pub); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(pub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pub, "draft.html"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runCmd("build", "-src", src); !errors.Is(err, errFailed) || !strings.Contains(stderr, "delete it yourself") {
		t.Errorf("unmarked public/: err = %v, %q", err, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(pub, "draft.html")); string(b) != "keep me" {
		t.Error("an unmarked public/ was replaced")
	}
}

// snapshotTree describes every file under dir with its size, so a test can
// tell that nothing changed.
func snapshotTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, _ := d.Info()
		fmt.Fprintf(&b, "%s %d\n", p, fi.Size())
		return nil
	})
	return b.String()
}

func TestBuild_BaseURLFromNetlifyPreview(t *testing.T) {
	src := sitetest.Fixture(t)
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"DEPLOY_PRIME_URL": "https://deploy-preview-7--site.netlify.app", "CONTEXT": "deploy-preview"}, nil, "https://deploy-preview-7--site.netlify.app/status/404/"},
		{map[string]string{"DEPLOY_PRIME_URL": "https://main--site.netlify.app", "CONTEXT": "production"}, nil, "https://fixture.example.com/status/404/"},
		{map[string]string{"DEPLOY_PRIME_URL": "https://x.netlify.app"}, []string{"-base-url", "https://flag.example.org"}, "https://flag.example.org/status/404/"},
	}
	for _, tc := range tests {
		out := filepath.Join(t.TempDir(), "public")
		var o, e bytes.Buffer
		env := environ{stdout: &o, stderr: &e, getenv: func(k string) string { return tc.env[k] }}
		if err := env.dispatch(context.Background(), append([]string{"build"}, append([]string{"-src", src, "-out", out}, tc.args...)...)); err != nil {
			t.Fatalf("%v: %v\n%s", tc.env, err, e.String())
		}
		b, _ := os.ReadFile(filepath.Join(out, "status", "404", "index.html"))
		if !strings.Contains(string(b), `<link rel="canonical" href="`+tc.want+`">`) {
			t.Errorf("%v %v: canonical is not %s", tc.env, tc.args, tc.want)
		}
	}
}

func TestRun_UsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"build", "-nope"}, {"build", "extra"}} {
		if _, _, err := runCmd(args...); !errors.Is(err, errUsage) {
			t.Errorf("%q: err = %v, want usage error", args, err)
		}
	}
}

func TestRun_HelpDoesNotRunTheCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	stdout, stderr, err := runCmd("build", "-h", "-out", out)
	if !errors.Is(err, errHelp) || !strings.Contains(stdout, "-base-url") || stderr != "" {
		t.Fatalf("err = %v, stdout = %q, stderr = %q", err, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("build -h built the site")
	}
}

func TestRun_EveryCommandParsesFlagsTheSameWay(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, err := runCmd(c.name, "-h")
			if exitCode(err) != 0 || !strings.HasPrefix(stdout, "usage: statusgen "+c.name) || stderr != "" {
				t.Errorf("%s -h: exit %d, stdout %q, stderr %q; want the usage on stdout and exit 0", c.name, exitCode(err), stdout, stderr)
			}
			// A flag whose help explains its default must not get the
			// flag package's "(default ...)" too.
			for _, line := range strings.Split(stdout, "\n") {
				if strings.Count(line, "(default") > 1 {
					t.Errorf("%s -h: two defaults in %q", c.name, strings.TrimSpace(line))
				}
			}
			stdout, stderr, err = runCmd(c.name, "-no-such-flag")
			if exitCode(err) != 2 || stdout != "" || !strings.Contains(stderr, "flag provided but not defined: -no-such-flag") || !strings.Contains(stderr, "usage: statusgen "+c.name) {
				t.Errorf("%s -no-such-flag: exit %d, stdout %q, stderr %q; want the error and usage on stderr and exit 2", c.name, exitCode(err), stdout, stderr)
			}
		})
	}
}

func TestRun_HelpAndSuggestions(t *testing.T) {
	tests := []struct {
		args           []string
		exit           int
		stdout, stderr string
	}{
		{[]string{"help", "build"}, 0, "usage: statusgen build [flags]\n", ""},
		{[]string{"help", "new"}, 0, "usage: statusgen new [flags] CODE\n", ""},
		{[]string{"help"}, 0, "statusgen builds the HTTP status code reference site.", ""},
		{[]string{"-h"}, 0, "statusgen builds", ""},
		{[]string{"help", "nosuch"}, 2, "", `statusgen help: unknown command "nosuch"`},
		{[]string{"help", "biuld"}, 2, "", `statusgen help: unknown command "biuld" (did you mean "build"?)`},
		{[]string{"server"}, 2, "", `statusgen: unknown command "server" (did you mean "serve"?)`},
		{[]string{"biuld"}, 2, "", `statusgen: unknown command "biuld" (did you mean "build"?)`},
		{[]string{"chek"}, 2, "", `(did you mean "check"?)`},
		{nil, 2, "", "Commands:"},
		{[]string{"version"}, 0, "statusgen ", ""},
		{[]string{"-version"}, 0, "statusgen ", ""},
		{[]string{"build", "extra"}, 2, "", `statusgen build: unexpected argument "extra"`},
		{[]string{"new"}, 2, "", "statusgen new: want one status code"},
	}
	for _, tc := range tests {
		stdout, stderr, err := runCmd(tc.args...)
		if exitCode(err) != tc.exit || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) ||
			tc.stdout == "" && stdout != "" || tc.stderr == "" && stderr != "" {
			t.Errorf("statusgen %q: exit %d\nstdout: %q\nstderr: %q\nwant exit %d, stdout with %q, stderr with %q",
				tc.args, exitCode(err), stdout, stderr, tc.exit, tc.stdout, tc.stderr)
		}
	}
}

func TestVersionLine(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "5d6cea9e950bbe93f407889b514cd3da39ebaea7"}, {Key: "vcs.time", Value: "2026-12-01T09:36:26Z"},
		{Key: "vcs.modified", Value: "true"}, {Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "amd64"}}}
	if got, want := versionLine(bi, true), "statusgen v1.2.0 5d6cea9e950b+modified 2026-12-01T09:36:26Z go1.26.8 linux/amd64"; got != want {
		t.Errorf("versionLine = %q, want %q", got, want)
	}
	if got := versionLine(nil, false); !strings.Contains(got, "unknown version") {
		t.Errorf("without build info: %q", got)
	}
}
