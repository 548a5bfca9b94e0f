package main

import (
	"context"
	"fmt"
	"net"
	"os/exec"
	"runtime"

	"github.com/statusgen/statusgen/internal/server"
)

func (e environ) serve(ctx context.Context, args []string) error {
	fs := e.flags("serve")
	src := fs.String("src", ".", "site source `dir`ectory")
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on; loopback unless you say otherwise")
	open := fs.Bool("open", false, "open the site in a browser")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := server.New(server.Config{Src: *src, Stdout: e.stdout, Stderr: e.stderr})
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stdout, "serving %s on %s (Ctrl-C to stop)\n", *src, url)
	if *open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(e.stderr, "could not open a browser: %v\n", err)
		}
	}
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "stopped")
	return nil
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
