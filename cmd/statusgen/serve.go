package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os/exec"
	"runtime"
	"strconv"
	"syscall"

	"github.com/statusgen/statusgen/internal/server"
)

const defaultAddr = "127.0.0.1:8080"

func (e environ) serve(ctx context.Context, fs *flag.FlagSet, args []string) error {
	src := fs.String("src", ".", "site source `dir`ectory")
	addr := fs.String("addr", defaultAddr, "`address` to listen on; loopback unless you say otherwise (:0 picks a free port)")
	open := fs.Bool("open", false, "open the site in a browser")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if err := e.checkSource("serve", *src); err != nil {
		return err
	}
	ln, err := e.listen(*addr, !flagSet(fs, "addr"))
	if err != nil {
		return err
	}
	url, public := displayURL(ln.Addr().(*net.TCPAddr))
	if public {
		fmt.Fprintf(e.stderr, "WARNING: listening on %s, which other machines can reach: anyone on your network can read the preview.\n"+
			"         Use -addr 127.0.0.1:%d to keep it on this machine.\n", ln.Addr(), ln.Addr().(*net.TCPAddr).Port)
	}
	srv := server.New(server.Config{Src: *src, BaseURL: url, Stdout: e.stdout, Stderr: e.stderr})
	fmt.Fprintf(e.stdout, "serving %s on %s/ (Ctrl-C to stop)\n", *src, url)
	if *open {
		if err := openBrowser(url + "/"); err != nil {
			fmt.Fprintf(e.stderr, "could not open a browser: %v\n", err)
		}
	}
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "stopped")
	return nil
}

// listen opens addr. When addr is the default and its port is taken, it
// tries the next ports, as `hugo server` does, and says which it took.
func (e environ) listen(addr string, isDefault bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil || !errors.Is(err, syscall.EADDRINUSE) {
		if err != nil {
			fmt.Fprintf(e.stderr, "statusgen serve: cannot listen on %s: %v\n", addr, err)
			return nil, errFailed
		}
		return ln, nil
	}
	host, port, _ := net.SplitHostPort(addr)
	if isDefault {
		p, _ := strconv.Atoi(port)
		for next := p + 1; next < p+20; next++ {
			if ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(next))); err == nil {
				fmt.Fprintf(e.stderr, "port %s is in use (another serve?); using %d instead\n", port, next)
				return ln, nil
			}
		}
	}
	fmt.Fprintf(e.stderr, "statusgen serve: port %s on %s is in use; choose another with -addr %s:PORT, or -addr %s:0 for any free port\n",
		port, host, host, host)
	return nil, errFailed
}

// displayURL returns the address to print and to build the preview for: a
// clickable loopback URL with the real port when the server listens on every
// interface, and whether other machines can reach it.
func displayURL(a *net.TCPAddr) (string, bool) {
	host := a.IP.String()
	public := !a.IP.IsLoopback()
	if a.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(a.Port)), public
}

func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
