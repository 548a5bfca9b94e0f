package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// TestExplain_Golden runs statusgen explain on the built-in content, which
// is the repository's, and compares stdout and stderr with
// testdata/explain/NAME.txt (go test ./cmd/statusgen -run Explain -update
// rewrites them: review the diff).
func TestExplain_Golden(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		fail bool
	}{
		{"429", nil, []string{"429"}, false},
		{"teapot", nil, []string{"teapot"}, false},
		{"rate-limit", nil, []string{"rate", "limit"}, false},
		{"constant-name", nil, []string{"StatusUnprocessableEntity"}, false},
		{"4xx", nil, []string{"4xx"}, false},
		{"413-narrow", map[string]string{"COLUMNS": "50"}, []string{"413"}, false},
		{"999", nil, []string{"999"}, true},
		{"492", nil, []string{"492"}, true},
		{"typo", nil, []string{"teapto"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, err := runEnv(tc.env, append([]string{"explain"}, tc.args...)...)
			if tc.fail != errors.Is(err, errFailed) || !tc.fail && err != nil {
				t.Fatalf("err = %v, want failure %v\n%s", err, tc.fail, stderr)
			}
			got := stdout
			if stderr != "" {
				got += "--- stderr\n" + stderr
			}
			path := filepath.Join("testdata", "explain", tc.name+".txt")
			if *updateCorpus {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("statusgen explain %s:\n%s\nwant (%s):\n%s", strings.Join(tc.args, " "), got, path, want)
			}
			width := 80
			if c := tc.env["COLUMNS"]; c != "" {
				width = 50
			}
			// Only a word longer than a line (a URL, a long identifier)
			// may stick out.
			for _, l := range strings.Split(stdout, "\n") {
				if len([]rune(l)) > width && len(strings.Fields(l)) > 2 {
					t.Errorf("line longer than %d columns: %q", width, l)
				}
			}
		})
	}
}

// TestExplain_ColourOnlyOnATerminal checks the three ways colour is turned
// off: not a terminal, NO_COLOR, TERM=dumb; and that a terminal's width is
// used, up to a readable maximum.
func TestExplain_ColourOnlyOnATerminal(t *testing.T) {
	defer func(f func(io.Writer) (int, bool)) { terminal = f }(terminal)
	const esc = "\x1b["
	terminal = func(io.Writer) (int, bool) { return 0, false }
	if out, _, _ := runEnv(nil, "explain", "404"); strings.Contains(out, esc) {
		t.Error("colour when not a terminal")
	}
	terminal = func(io.Writer) (int, bool) { return 60, true }
	out, _, _ := runEnv(nil, "explain", "404")
	if !strings.Contains(out, esc+"1;33m404"+esc+"0m") {
		t.Errorf("no colour on a terminal:\n%q", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if visibleLen(l) > 60 && len(strings.Fields(l)) > 2 {
			t.Errorf("line wider than the terminal: %q", l)
		}
	}
	for _, env := range []map[string]string{{"NO_COLOR": "1"}, {"TERM": "dumb"}} {
		if out, _, _ := runEnv(env, "explain", "404"); strings.Contains(out, esc) {
			t.Errorf("colour with %v", env)
		}
	}
	terminal = func(io.Writer) (int, bool) { return 300, true }
	out, _, _ = runEnv(map[string]string{"NO_COLOR": "1"}, "explain", "4xx")
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > maxWidth {
			t.Errorf("line wider than %d on a wide terminal: %q", maxWidth, l)
		}
	}
}

func visibleLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

func TestExplain_Usage(t *testing.T) {
	if _, stderr, err := runCmd("explain"); !errors.Is(err, errUsage) || !strings.Contains(stderr, "nothing to explain") {
		t.Errorf("explain with no argument: %v %q", err, stderr)
	}
	if stdout, _, err := runCmd("explain", "-h"); !errors.Is(err, errHelp) || !strings.Contains(stdout, "statusgen explain [flags] CODE|CLASS|WORDS") {
		t.Errorf("explain -h: %v %q", err, stdout)
	}
}

// TestExplain_Src explains a checkout's content instead of the built-in
// one: an edit shows at once.
func TestExplain_Src(t *testing.T) {
	src := sitetest.Fixture(t)
	out, stderr, err := runCmd("explain", "-src", src, "599")
	if err != nil || !strings.HasPrefix(out, "599 Network Connect Timeout Error\n5xx Server Error · unofficial, used by some proxies and clients\n") {
		t.Errorf("explain -src: %v\n%s%s", err, out, stderr)
	}
}
