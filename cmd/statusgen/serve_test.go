package main

import (
	"bytes"
	"net"
	"strings"
	"testing"
)

func TestDisplayURL(t *testing.T) {
	tests := []struct {
		addr   string
		url    string
		public bool
	}{
		{"127.0.0.1:8080", "http://127.0.0.1:8080", false},
		{"[::1]:8080", "http://[::1]:8080", false},
		{"[::]:46417", "http://127.0.0.1:46417", true},
		{"0.0.0.0:8080", "http://127.0.0.1:8080", true},
		{"192.168.1.20:8080", "http://192.168.1.20:8080", true},
	}
	for _, tc := range tests {
		a, err := net.ResolveTCPAddr("tcp", tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		if url, public := displayURL(a); url != tc.url || public != tc.public {
			t.Errorf("displayURL(%s) = %s, %v; want %s, %v", tc.addr, url, public, tc.url, tc.public)
		}
	}
}

func TestListen_PortTaken(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	var out bytes.Buffer
	e := environ{stdout: &out, stderr: &out}

	// Asked for explicitly: refused, with what to do instead.
	if _, err := e.listen(addr, false); err == nil || !strings.Contains(out.String(), "is in use; choose another with -addr 127.0.0.1:PORT, or -addr 127.0.0.1:0 for any free port") {
		t.Errorf("explicit address in use: err = %v, output %q", err, out.String())
	}
	// The default: the next free port, and it says which.
	out.Reset()
	ln, err := e.listen(addr, true)
	if err != nil {
		t.Fatalf("default address in use: %v (%s)", err, out.String())
	}
	defer ln.Close()
	if ln.Addr().String() == addr || !strings.Contains(out.String(), "is in use (another serve?); using ") {
		t.Errorf("took %s, said %q", ln.Addr(), out.String())
	}
}

func TestCommands_NameAMissingSourceDirectory(t *testing.T) {
	for _, cmd := range []string{"build", "check", "serve"} {
		_, stderr, err := runCmd(cmd, "-src", "/nonexistent")
		if exitCode(err) != 1 || stderr != "statusgen "+cmd+": source directory /nonexistent does not exist (-src)\n" {
			t.Errorf("%s -src /nonexistent: exit %d, stderr %q", cmd, exitCode(err), stderr)
		}
	}
	_, stderr, _ := runCmd("build", "-src", t.TempDir())
	if !strings.Contains(stderr, "has no content/ directory, so it is not a statusgen site") {
		t.Errorf("empty -src: %q", stderr)
	}
}
