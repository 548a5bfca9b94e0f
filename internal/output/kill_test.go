//go:build unix

package output

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const killSiteSize = 300

// TestWriteDir_SIGKILLAtRandomPoints kills a process that rebuilds a site
// over and over, at a random moment, 50 times: every time the target must
// hold one whole generation of the site, and the next build must clean up
// whatever the killed one left.
func TestWriteDir_SIGKILLAtRandomPoints(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 50 processes")
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := WriteDir(context.Background(), dir, site(0, killSiteSize)); err != nil {
		t.Fatal(err)
	}
	const trials = 50
	committed, leftovers := 0, 0
	last := 0
	for trial := 0; trial < trials; trial++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteDir_KillHelper$")
		cmd.Env = append(os.Environ(), "STATUSGEN_KILL_HELPER_DIR="+dir, "STATUSGEN_KILL_HELPER_GEN="+strconv.Itoa(last+1))
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+rand.IntN(120)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		gen, err := generation(dir, killSiteSize)
		if err != nil {
			t.Fatalf("trial %d: after SIGKILL the output is not one whole site: %v\nhelper said:\n%s", trial, err, out.String())
		}
		if gen > last {
			committed += gen - last
			last = gen
		}
		if len(beside(t, dir)) > 0 {
			leftovers++
		}
	}
	if err := WriteDir(context.Background(), dir, site(last+1, killSiteSize)); err != nil {
		t.Fatal(err)
	}
	if left := beside(t, dir); len(left) != 0 {
		t.Errorf("after the last build: %v", left)
	}
	t.Logf("%d kills: the output was one whole site every time; %d builds completed between kills; %d kills left temporary directories, all removed by the next build",
		trials, committed, leftovers)
}

// TestWriteDir_KillHelper is the process TestWriteDir_SIGKILLAtRandomPoints
// kills. It does nothing unless started by that test.
func TestWriteDir_KillHelper(t *testing.T) {
	dir := os.Getenv("STATUSGEN_KILL_HELPER_DIR")
	if dir == "" {
		t.Skip("helper process")
	}
	gen, _ := strconv.Atoi(os.Getenv("STATUSGEN_KILL_HELPER_GEN"))
	for ; ; gen++ {
		err := WriteDir(context.Background(), dir, site(gen, killSiteSize))
		if err != nil && !strings.Contains(err.Error(), "another build") {
			fmt.Println("error:", err)
			os.Exit(3)
		}
		fmt.Println("committed", gen)
	}
}
