package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/sitetest"
)

func runEnv(env map[string]string, args ...string) (string, string, error) {
	var o, e bytes.Buffer
	err := environ{stdout: &o, stderr: &e, getenv: func(k string) string { return env[k] }}.dispatch(context.Background(), args)
	return o.String(), e.String(), err
}

func TestCheck_RealContentPassesStrict(t *testing.T) {
	stdout, stderr, err := runCmd("check", "-strict", "-src", "../..")
	if err != nil {
		t.Fatalf("check -strict: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(stdout, "checked ") {
		t.Errorf("stdout = %q", stdout)
	}
}

func TestCheck_TypoInRelatedFailsWithAnnotation(t *testing.T) {
	src := sitetest.Real(t)
	p := filepath.Join(src, "content/status/429.md")
	b, _ := os.ReadFile(p)
	lines := strings.Split(string(b), "\n")
	line := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "related: [") {
			lines[i] = strings.Replace(l, "related: [", "related: [329, ", 1)
			line = i + 1
		}
	}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := runEnv(map[string]string{"GITHUB_ACTIONS": "true"}, "check", "-src", src)
	if !errors.Is(err, errFailed) {
		t.Fatalf("err = %v", err)
	}
	msg := "related: unknown status code 329 (did you mean 429?)"
	wantErr := "content/status/429.md:" + strconv.Itoa(line) + ":11: error: " + msg
	if !strings.Contains(stderr, wantErr+"\n") || !strings.HasSuffix(stderr, "check: 1 error, 0 warnings\n") {
		t.Errorf("stderr:\n%s\nwant line: %s", stderr, wantErr)
	}
	wantAnn := "::error file=" + filepath.ToSlash(filepath.Join(src, "content/status/429.md")) + ",line=" + strconv.Itoa(line) + ",col=11::" + msg + "\n"
	if !strings.Contains(stdout, wantAnn) {
		t.Errorf("stdout lacks annotation %q:\n%s", wantAnn, stdout)
	}
	// Without GITHUB_ACTIONS there are no annotations.
	stdout, _, _ = runEnv(nil, "check", "-src", src)
	if strings.Contains(stdout, "::error") {
		t.Error("annotations printed outside GitHub Actions")
	}
}

func TestCheck_StrictTurnsWarningsIntoErrors(t *testing.T) {
	src := sitetest.Real(t)
	p := filepath.Join(src, "content/status/404.md")
	b, _ := os.ReadFile(p)
	// 404 lists 410; dropping 404 from 410 leaves a one-way link.
	q := filepath.Join(src, "content/status/410.md")
	c, _ := os.ReadFile(q)
	c2 := strings.Replace(string(c), "404, ", "", 1)
	if c2 == string(c) || !strings.Contains(string(b), "410") {
		t.Fatal("fixture assumption broken: 410 should list 404 first among others")
	}
	if err := os.WriteFile(q, []byte(c2), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := runCmd("check", "-src", src)
	if err != nil || !strings.Contains(stderr, "warning: related: 410 does not list 404 back") || !strings.Contains(stdout, "1 warning") {
		t.Fatalf("without -strict: err=%v\n%s%s", err, stdout, stderr)
	}
	_, stderr, err = runCmd("check", "-strict", "-src", src)
	if !errors.Is(err, errFailed) || !strings.Contains(stderr, "error: related: 410 does not list 404 back") {
		t.Errorf("with -strict: err=%v\n%s", err, stderr)
	}
}

func TestCheck_Stats(t *testing.T) {
	stdout, _, err := runCmd("check", "-stats", "-src", "../..")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "  content/status/429.md\n") || !strings.Contains(stdout, "words in all") {
		t.Errorf("stats output:\n%s", stdout)
	}
}

func TestNew_WritesSkeletonThatFailsCheckUntilFilledIn(t *testing.T) {
	src := sitetest.Real(t)
	if err := os.Remove(filepath.Join(src, "content/status/418.md")); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := runCmd("new", "-src", src, "418")
	if err != nil {
		t.Fatalf("new: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(stdout, "wrote content/status/418.md\n") {
		t.Errorf("stdout = %q", stdout)
	}
	p := filepath.Join(src, "content/status/418.md")
	b, _ := os.ReadFile(p)
	page := string(b)
	for _, want := range []string{"code: 418\n", `title: "(Unused)"`, `name: "RFC 9110, Section 15.5.19"`,
		`url: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.19"`, "registered: true\n", "## What it means", "## How to fix it"} {
		if !strings.Contains(page, want) {
			t.Errorf("skeleton lacks %q", want)
		}
	}

	_, stderr, err = runCmd("check", "-src", src)
	if !errors.Is(err, errFailed) || !strings.Contains(stderr, "content/status/418.md:5:3: error: placeholder text from `statusgen new` is still here: replace it with the real text") {
		t.Fatalf("check on a skeleton: err=%v\n%s", err, stderr)
	}
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.Contains(l, "placeholder") && !strings.HasPrefix(l, "check:") {
			t.Errorf("skeleton fails for another reason than placeholders: %s", l)
		}
	}

	filled := strings.ReplaceAll(page, "FIXME(statusgen new)", "Written")
	if err := os.WriteFile(p, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runCmd("check", "-src", src); err != nil {
		t.Errorf("filled-in skeleton fails check:\n%s", stderr)
	}

	// It refuses to overwrite, and refuses codes that are not codes.
	if _, stderr, err := runCmd("new", "-src", src, "418"); !errors.Is(err, errFailed) || !strings.Contains(stderr, "already exists") {
		t.Errorf("overwrite: %v %q", err, stderr)
	}
	if b2, _ := os.ReadFile(p); string(b2) != filled {
		t.Error("existing page changed")
	}
	for _, bad := range []string{"99", "600", "4o4", "-1"} {
		if _, _, err := runCmd("new", "-src", src, bad); !errors.Is(err, errUsage) {
			t.Errorf("new %s: err = %v", bad, err)
		}
	}
}

func TestCheck_RunsTheExampleTests(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command to vet examples")
	}
	src := sitetest.Real(t)
	p := filepath.Join(src, "content/status/404.md")
	b, _ := os.ReadFile(p)
	lines := strings.Count(string(b), "\n")
	planted := "\n## Planted\n\n```go\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Printf(\"%d\\n\", \"not a number\")\n}\n```\n\nAnd a body:\n\n```json\n{\"status\": 404,}\n```\n"
	if err := os.WriteFile(p, append(b, planted...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runCmd("check", "-strict", "-src", src)
	if !errors.Is(err, errFailed) {
		t.Fatalf("check passed a page with a vet error and broken JSON:\n%s", stderr)
	}
	goLine := lines + 10 // the Printf line, its argument at column 14
	jsonLine := lines + 17
	for _, want := range []string{
		fmt.Sprintf("content/status/404.md:%d:14: error: go example: fmt.Printf format %%d has arg \"not a number\" of wrong type string", goLine),
		fmt.Sprintf("content/status/404.md:%d:16: error: json example: invalid character '}' looking for beginning of object key string", jsonLine),
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks\n%s\ngot:\n%s", want, stderr)
		}
	}
}

func TestCheck_CitationsOfMissingSectionsAndObsoletedRFCs(t *testing.T) {
	src := sitetest.Real(t)
	p := filepath.Join(src, "content/status/404.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(string(b), "\n")
	planted := "\n## Planted\n\nThe spec is RFC 9110, Section 15.5.99 here, and\nsee [its section](https://tools.ietf.org/html/rfc7231#section-6.5.4).\n"
	if err := os.WriteFile(p, append(b, planted...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runCmd("check", "-src", src)
	if !errors.Is(err, errFailed) {
		t.Fatalf("check passed a page citing a section that does not exist:\n%s", stderr)
	}
	want := fmt.Sprintf("content/status/404.md:%d:13: error: citation: RFC 9110 has no Section 15.5.99; Section 15.5 \"Client Error 4xx\" has 15.5.1 to 15.5.22\n", lines+4) +
		fmt.Sprintf("content/status/404.md:%d:19: warning: citation: RFC 7231 is obsoleted by RFC 9110; cite RFC 9110\n", lines+5) +
		"check: 1 error, 1 warning\n"
	if !strings.HasSuffix(stderr, want) || strings.Count(stderr, "citation:") != 2 {
		t.Errorf("stderr:\n%s\nwant it to end with:\n%s", stderr, want)
	}
}

// TestCheck_ConstantsFile plants the two mistakes the constants file can
// hold against the rest of the site: a code without a page, and a library
// that does not say where its names were read.
func TestCheck_ConstantsFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(lines []string) ([]string, int) // the edited file and the line of the error
		want string                               // after "content/constants.yaml:LINE:"
	}{
		{"code without a page", func(lines []string) ([]string, int) {
			for i, l := range lines {
				if l == "  429:" {
					out := append(append(append([]string{}, lines[:i]...), "  427:", "    go: StatusPlanted"), lines[i:]...)
					return out, i + 1
				}
			}
			return nil, 0
		}, "3: error: 427 has no page in content/status; add one, or leave the code out of the constants file"},
		{"library without its source", func(lines []string) ([]string, int) {
			for i, l := range lines {
				if l == "  - id: go" {
					for j := i + 1; j < len(lines); j++ {
						if strings.TrimSpace(lines[j]) == "source:" {
							out := append(append([]string{}, lines[:j]...), lines[j+4:]...)
							return out, i + 1
						}
					}
				}
			}
			return nil, 0
		}, `5: error: missing required key "libraries[1].source"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := sitetest.Real(t)
			p := filepath.Join(src, "content/constants.yaml")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			lines, line := tc.edit(strings.Split(string(b), "\n"))
			if lines == nil {
				t.Fatal("the constants file no longer has the shape this test edits")
			}
			if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			_, stderr, err := runCmd("check", "-src", src)
			if !errors.Is(err, errFailed) {
				t.Fatalf("check passed: %v\n%s", err, stderr)
			}
			want := "content/constants.yaml:" + strconv.Itoa(line) + ":" + tc.want + "\n"
			if !strings.Contains(stderr, want) || !strings.HasSuffix(stderr, "check: 1 error, 0 warnings\n") {
				t.Errorf("stderr:\n%s\nwant the one error:\n%s", stderr, want)
			}
		})
	}
}
