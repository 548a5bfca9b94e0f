package main

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"
)

// version prints what `go version -m` would say of this binary, in one
// line, as `hugo version` does: the module version (a tag for a released
// build, "(devel)" for a local one), the VCS revision and time, whether
// the tree was modified, and the Go version and platform.
func (e environ) version(_ context.Context, fs *flag.FlagSet, args []string) error {
	if err := e.parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, versionLine(debug.ReadBuildInfo()))
	return nil
}

func versionLine(bi *debug.BuildInfo, ok bool) string {
	if !ok {
		return "statusgen (unknown version: built without module information)"
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	line := "statusgen " + bi.Main.Version
	if rev := settings["vcs.revision"]; rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		line += " " + rev
		if settings["vcs.modified"] == "true" {
			line += "+modified"
		}
		if t := settings["vcs.time"]; t != "" {
			line += " " + t
		}
	}
	goos, goarch := settings["GOOS"], settings["GOARCH"]
	line += " " + bi.GoVersion
	if goos != "" {
		line += " " + goos + "/" + goarch
	}
	return line
}
