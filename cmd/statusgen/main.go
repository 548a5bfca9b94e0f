// Command statusgen builds the HTTP status code reference site from
// content/ and templates/, serves a live preview of it, and checks
// contributions.
//
// Usage:
//
//	statusgen build [-src dir] [-out dir] [-base-url url] [-v]
//	statusgen serve [-src dir] [-addr host:port] [-open]
//	statusgen check [-src dir] [-strict]
//	statusgen new CODE
//	statusgen explain CODE|CLASS|WORDS
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// errFailed means the command has already reported why it failed; main only
// sets the exit status.
var errFailed = errors.New("failed")

// errUsage means the command line was wrong; the usage has been printed.
var errUsage = errors.New("usage")

// errInterrupted means a signal stopped the command, which has said so.
var errInterrupted = errors.New("interrupted")

// errHelp means -h was given: the usage has been printed and the command
// must not run.
var errHelp = errors.New("help")

const usage = `statusgen builds the HTTP status code reference site.

Usage:
  statusgen build [flags]   build the site into public/
  statusgen serve [flags]   preview the site with live reload
  statusgen check [flags]   validate content without writing output
  statusgen new CODE        start a page for a status code
  statusgen explain 429     explain a code, a class (4xx) or search (rate limit),
                            from content built into the binary

Run "statusgen COMMAND -h" for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal, the default action again: a second
		// Ctrl-C kills a command that is slow to stop.
		<-ctx.Done()
		stop()
	}()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, errHelp):
	case errors.Is(err, errInterrupted):
		os.Exit(130) // as a shell reports a command stopped by Ctrl-C
	case errors.Is(err, errUsage):
		os.Exit(2)
	case errors.Is(err, errFailed):
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "statusgen:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand. It never calls os.Exit, so tests can run
// every command in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	env := environ{stdout: stdout, stderr: stderr, getenv: os.Getenv}
	return env.dispatch(ctx, args)
}

// dispatch runs the subcommand args[0].
func (env environ) dispatch(ctx context.Context, args []string) error {
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		return env.build(ctx, rest)
	case "serve":
		return env.serve(ctx, rest)
	case "check":
		return env.check(ctx, rest)
	case "new":
		return env.newPage(rest)
	case "explain":
		return env.explain(rest)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(env.stdout, usage)
		return nil
	default:
		fmt.Fprintf(env.stderr, "statusgen: unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
}

// environ is what a command may touch of the outside world.
type environ struct {
	stdout, stderr io.Writer
	getenv         func(string) string
}
