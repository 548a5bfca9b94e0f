// Command statusgen builds the HTTP status code reference site from
// content/ and templates/, serves a live preview of it, and checks
// contributions.
//
// Usage:
//
//	statusgen build [-src dir] [-out dir] [-base-url url] [-v]
//	statusgen serve [-src dir] [-addr host:port] [-open]
//	statusgen check [-src dir] [-strict] [-stats]
//	statusgen new [-src dir] CODE
//	statusgen version
//	statusgen explain CODE|CLASS|WORDS
//	statusgen help [COMMAND]
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
	os.Exit(exitCode(err))
}

// exitCode maps a command's result to the process's exit status: 0, 1 for
// a failure, 2 for a wrong command line, 130 for an interruption (as a shell
// reports a command stopped by Ctrl-C).
func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errInterrupted):
		return 130
	case errors.Is(err, errFailed):
		return 1
	}
	fmt.Fprintln(os.Stderr, "statusgen:", err)
	return 1
}

// run dispatches to a subcommand. It never calls os.Exit, so tests can run
// every command in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	env := environ{stdout: stdout, stderr: stderr, getenv: os.Getenv}
	return env.dispatch(ctx, args)
}

// environ is what a command may touch of the outside world.
type environ struct {
	stdout, stderr io.Writer
	getenv         func(string) string
}
