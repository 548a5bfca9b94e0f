//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/statusgen/statusgen/internal/corpus"
	"github.com/statusgen/statusgen/internal/sitetest"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the statusgen command once per test run.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "statusgen-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "statusgen")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = errors.New(string(out))
		}
	})
	if binErr != nil {
		t.Fatalf("go build: %v", binErr)
	}
	return binPath
}

// slowSite writes a site big enough that building it takes seconds.
func slowSite(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	if err := corpus.Write(src, 1500); err != nil {
		t.Fatal(err)
	}
	sitetest.CopyDir(t, filepath.Join(sitetest.Root(), "templates"), filepath.Join(src, "templates"))
	return src
}

func TestBuildAndCheck_StopOnASignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and a large site")
	}
	bin := binary(t)
	src := slowSite(t)
	out := filepath.Join(t.TempDir(), "public")
	// A previous output, which an interrupted build must leave as it is.
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{".statusgen-output", "index.html"} {
		if err := os.WriteFile(filepath.Join(out, f), []byte("previous"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		args []string
		sig  syscall.Signal
	}{
		{[]string{"build", "-src", src, "-out", out}, syscall.SIGINT},
		{[]string{"build", "-src", src, "-out", out}, syscall.SIGTERM},
		{[]string{"check", "-src", src}, syscall.SIGINT},
	} {
		t.Run(tc.args[0]+"-"+tc.sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, tc.args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(700 * time.Millisecond)
			sent := time.Now()
			_ = cmd.Process.Signal(tc.sig)
			err := cmd.Wait()
			took := time.Since(sent)
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 130 {
				t.Fatalf("exit: %v, want status 130\nstdout: %s\nstderr: %s", err, stdout.String(), stderr.String())
			}
			if took > time.Second {
				t.Errorf("took %v to stop after the signal, want under a second", took)
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], "interrupted") {
				t.Errorf("stderr = %q, want one line saying it was interrupted", stderr.String())
			}
			if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "previous" {
				t.Errorf("previous output changed: %q", b)
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			if len(entries) != 1 {
				t.Errorf("left beside the output: %v", entries)
			}
			t.Logf("stopped %v after the signal", took.Round(time.Millisecond))
		})
	}
}

func TestServe_CtrlCExitsZeroWithinTwoSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := binary(t)
	cmd := exec.Command(bin, "serve", "-src", sitetest.Fixture(t), "-addr", "127.0.0.1:0")
	out := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var host string
	for i := 0; i < 200 && host == ""; i++ {
		time.Sleep(25 * time.Millisecond)
		if _, rest, ok := strings.Cut(out.String(), "http://"); ok {
			host, _, _ = strings.Cut(rest, "/")
		}
	}
	if host == "" {
		t.Fatalf("serve did not say where it listens:\n%s", out.String())
	}
	// A client that promises a body and never sends it.
	c, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\nContent-Length: 10\r\n\r\n", host)
	time.Sleep(300 * time.Millisecond)
	t0 := time.Now()
	_ = cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve exited with %v after Ctrl-C, want status 0\n%s", err, out.String())
		}
		t.Logf("exited %v after Ctrl-C", time.Since(t0).Round(time.Millisecond))
	case <-time.After(2 * time.Second):
		t.Fatalf("serve still running 2s after Ctrl-C\n%s", out.String())
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
