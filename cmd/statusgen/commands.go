package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/statusgen/statusgen/internal/suggest"
)

// command is one subcommand of statusgen.
type command struct {
	name    string
	summary string // one line, for the list of commands
	args    string // what follows the flags in the usage line, e.g. "CODE"
	about   string // a paragraph for "help COMMAND"
	// run parses args with fs, on which it has defined its flags, and
	// runs the command.
	run func(e environ, ctx context.Context, fs *flag.FlagSet, args []string) error
}

// commands returns every subcommand, in the order the usage lists them.
func commands() []command {
	return []command{
		{name: "build", summary: "build the site into public/",
			about: "Builds the site and replaces the output directory with it, only if the build succeeds. Every problem is printed as path:line:col: message.",
			run:   environ.build},
		{name: "serve", summary: "preview the site with live reload",
			about: "Builds the site in memory and serves it on loopback. Saving a file under content/ or templates/ rebuilds what changed and reloads open pages.",
			run:   environ.serve},
		{name: "check", summary: "validate content the way CI does",
			about: "Validates every page, runs the example tests (Go examples vet, JSON and XML parse) and checks citations and links, without writing output.",
			run:   environ.check},
		{name: "new", summary: "start a page for a status code", args: "CODE",
			about: "Writes content/status/CODE.md, a page skeleton to fill in. It refuses a code that already has a page.",
			run:   environ.newPage},
		{name: "explain", summary: "explain a code, a class or a search, offline", args: "CODE|CLASS|WORDS",
			about: explainAbout,
			run:   environ.explain},
		{name: "version", summary: "print version information",
			about: "Prints the module version, the VCS revision it was built from and the Go version.",
			run:   environ.version},
		{name: "help", summary: "show help for a command", args: "[COMMAND]",
			run: environ.help},
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func names() []string {
	var out []string
	for _, c := range commands() {
		out = append(out, c.name)
	}
	return out
}

// dispatch runs the subcommand args[0].
func (e environ) dispatch(ctx context.Context, args []string) error {
	if len(args) == 0 {
		e.usage(e.stderr)
		return errUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		e.usage(e.stdout)
		return nil
	case "-version", "--version":
		name = "version"
	}
	c, ok := lookup(name)
	if !ok {
		fmt.Fprintf(e.stderr, "statusgen: unknown command %q%s\nRun 'statusgen help' for the list of commands.\n", name, didYouMean(name, names()))
		return errUsage
	}
	return c.run(e, ctx, e.flags(c), rest)
}

// flags returns the flag set of c: usage on stdout when asked for with -h,
// on stderr with the error when the command line is wrong.
func (e environ) flags(c command) *flag.FlagSet {
	fs := flag.NewFlagSet("statusgen "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { e.commandUsage(fs.Output(), c, fs) }
	return fs
}

// parse parses args for a command that takes no arguments after its flags.
func (e environ) parse(fs *flag.FlagSet, args []string) error {
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.SetOutput(e.stderr)
		fs.Usage()
		return errUsage
	}
	return nil
}

// parseFlags parses args the same way for every command: the usage goes to
// stdout when asked for with -h (exit 0), to stderr after the error when the
// command line is wrong (exit 2).
func (e environ) parseFlags(fs *flag.FlagSet, args []string) error {
	var out strings.Builder
	fs.SetOutput(&out)
	err := fs.Parse(args)
	fs.SetOutput(e.stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(e.stdout, out.String())
		return errHelp
	case err != nil:
		fmt.Fprint(e.stderr, out.String())
		return errUsage
	}
	return nil
}

func (e environ) usage(w io.Writer) {
	fmt.Fprintln(w, "statusgen builds the HTTP status code reference site.")
	fmt.Fprintln(w, "\nUsage:\n  statusgen COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"statusgen help COMMAND\" for a command's flags.")
}

func (e environ) commandUsage(w io.Writer, c command, fs *flag.FlagSet) {
	line := "statusgen " + c.name
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		line += " [flags]"
	}
	if c.args != "" {
		line += " " + c.args
	}
	fmt.Fprintf(w, "usage: %s\n", line)
	if c.about != "" {
		fmt.Fprintf(w, "\n%s\n", c.about)
	}
	if hasFlags {
		fmt.Fprintln(w, "\nFlags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// help prints the usage of statusgen or of one command.
func (e environ) help(_ context.Context, fs *flag.FlagSet, args []string) error {
	if err := e.parseFlags(fs, args); err != nil {
		return err
	}
	switch fs.NArg() {
	case 0:
		e.usage(e.stdout)
		return nil
	case 1:
	default:
		fmt.Fprintln(e.stderr, "usage: statusgen help [COMMAND]")
		return errUsage
	}
	c, ok := lookup(fs.Arg(0))
	if !ok {
		fmt.Fprintf(e.stderr, "statusgen help: unknown command %q%s\nRun 'statusgen help' for the list of commands.\n", fs.Arg(0), didYouMean(fs.Arg(0), names()))
		return errUsage
	}
	// Run the command with -h: it defines its flags, prints its usage to
	// stdout and stops.
	_ = c.run(e, context.Background(), e.flags(c), []string{"-h"})
	return nil
}

// suggest returns " (did you mean X?)" for the candidate nearest to s, if
// one is near enough to be a typo or a well-known synonym.
func didYouMean(s string, candidates []string) string {
	synonyms := map[string]string{"server": "serve", "run": "serve", "start": "serve", "validate": "check", "lint": "check", "generate": "build", "init": "new", "create": "new"}
	if c, ok := synonyms[s]; ok {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	best := suggest.Closest(s, sorted, len(s)/2+1)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// checkSource reports a -src directory that cannot be a site's sources, in
// one line that names it, before any file in it is read.
func (e environ) checkSource(cmd, src string) error {
	fi, err := os.Stat(src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(e.stderr, "statusgen %s: source directory %s does not exist (-src)\n", cmd, src)
		return errFailed
	case err != nil:
		fmt.Fprintf(e.stderr, "statusgen %s: source directory %s: %v\n", cmd, src, err)
		return errFailed
	case !fi.IsDir():
		fmt.Fprintf(e.stderr, "statusgen %s: -src %s is a file, not a directory\n", cmd, src)
		return errFailed
	}
	if _, err := os.Stat(filepath.Join(src, "content")); err != nil {
		fmt.Fprintf(e.stderr, "statusgen %s: %s has no content/ directory, so it is not a statusgen site (-src names the directory holding content/ and templates/)\n", cmd, src)
		return errFailed
	}
	return nil
}
