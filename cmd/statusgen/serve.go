package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/statusgen/statusgen/internal/build"
)

func (e environ) serve(ctx context.Context, args []string) error {
	fs := e.flags("serve")
	src := fs.String("src", ".", "site source `dir`ectory")
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	res, errs := build.New().Build(os.DirFS(*src), build.Options{BaseURL: url})
	if res == nil {
		e.report(errs, "build failed")
		return errFailed
	}
	srv := &http.Server{Handler: http.FileServer(http.FS(res.Files.FS(time.Now()))), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.stdout, "%s\nserving on %s\n", res.Summary(), url)
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
