package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
	if !strings.HasPrefix(stdout, "built 13 pages in ") || strings.Count(stdout, "\n") != 1 || stderr != "" {
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
	for _, out := range []string{src, filepath.Dir(src)} {
		_, _, err := runCmd("build", "-src", src, "-out", out)
		if err == nil || !strings.Contains(err.Error(), "would replace the sources") {
			t.Errorf("-out %s: err = %v", out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "content", "site.yaml")); err != nil {
		t.Fatal("sources damaged")
	}
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
		if err := env.build(append([]string{"-src", src, "-out", out}, tc.args...)); err != nil {
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
	_, stderr, err := runCmd("build", "-h", "-out", out)
	if !errors.Is(err, errHelp) || !strings.Contains(stderr, "-base-url") {
		t.Fatalf("err = %v, stderr = %q", err, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("build -h built the site")
	}
}
