package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// manifest is sources.txt: the repositories, the index and one file per
// RFC.
type manifest struct {
	sources   []source
	index     file
	indexDate string // as the index states it, e.g. "created on 03/06/2024"
	files     []file
}

// source is a public repository read at a fixed commit.
type source struct {
	name, url, commit string
}

// file is a file in a source; number is the RFC it holds, 0 for the index.
type file struct {
	number       int
	source, path string
}

func parseManifest(b []byte) (manifest, error) {
	var m manifest
	known := map[string]bool{}
	seen := map[int]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		bad := func(format string, args ...any) error {
			return fmt.Errorf("line %d: %s", i+1, fmt.Sprintf(format, args...))
		}
		switch {
		case f[0] == "source" && len(f) == 4:
			m.sources = append(m.sources, source{f[1], f[2], f[3]})
			known[f[1]] = true
		case f[0] == "index" && len(f) == 3 && known[f[1]]:
			m.index = file{source: f[1], path: f[2]}
		case f[0] == "rfc" && len(f) == 4 && known[f[2]]:
			n, err := strconv.Atoi(f[1])
			if err != nil || n <= 0 {
				return m, bad("%q is not an RFC number", f[1])
			}
			if seen[n] {
				return m, bad("RFC %d is listed twice", n)
			}
			seen[n] = true
			m.files = append(m.files, file{number: n, source: f[2], path: f[3]})
		default:
			return m, bad("want \"source NAME URL COMMIT\", \"index SOURCE PATH\" or \"rfc NUMBER SOURCE PATH\" with a known source, got %q", line)
		}
	}
	if m.index.path == "" {
		return m, fmt.Errorf("no index line")
	}
	return m, nil
}

// entry is what the RFC index says of one RFC.
type entry struct {
	title                  string
	obsoletes, obsoletedBy []int
}

var (
	indexEntryRE = regexp.MustCompile(`^([0-9]{4,5}) (.*)$`)
	createdRE    = regexp.MustCompile(`\(CREATED ON: ([0-9/]+)\.?\)`)
	// The title ends where the first author's initials start.
	titleEndRE = regexp.MustCompile(`\. (?:[A-Z][a-z]?\.|[A-Z]\.[A-Z]\.)`)
	obsRE      = regexp.MustCompile(`\((Obsoletes|Obsoleted by) ([^)]*)\)`)
	rfcRefRE   = regexp.MustCompile(`RFC0*([0-9]+)`)
)

// parseIndex reads rfc-index.txt, whose entries read
//
//	7231 Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content. R.
//	     Fielding, Ed., J. Reschke, Ed.. June 2014. (Format: TXT, HTML)
//	     (Obsoletes RFC2616) (Obsoleted by RFC9110) ...
//
// and returns them by number, with the date the index says it was made.
func parseIndex(b []byte) (map[int]entry, string) {
	out := map[int]entry{}
	date := ""
	if m := createdRE.FindSubmatch(b); m != nil {
		date = "created on " + string(m[1])
	}
	for _, para := range bytes.Split(b, []byte("\n\n")) {
		text := squash(string(para))
		m := indexEntryRE.FindStringSubmatch(text)
		if m == nil || strings.Contains(m[2], "Not Issued") {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		out[n] = parseEntry(m[2])
	}
	return out, date
}

func parseEntry(s string) entry {
	var e entry
	head := s
	if i := strings.Index(s, "(Format:"); i >= 0 {
		head = s[:i]
	}
	e.title = head
	if loc := titleEndRE.FindStringIndex(head); loc != nil {
		e.title = head[:loc[0]]
	}
	for _, m := range obsRE.FindAllStringSubmatch(s, -1) {
		var ns []int
		for _, r := range rfcRefRE.FindAllStringSubmatch(m[2], -1) {
			n, _ := strconv.Atoi(r[1])
			ns = append(ns, n)
		}
		if m[1] == "Obsoletes" {
			e.obsoletes = ns
		} else {
			e.obsoletedBy = ns
		}
	}
	return e
}
