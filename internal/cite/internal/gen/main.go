// Command gen writes internal/cite/rfcs.txt, the table of section numbers
// and titles that `statusgen check` verifies citations against, from local
// copies of the RFC texts themselves.
//
// Section numbers are taken from the documents, not typed in, because a
// typed table would repeat the very mistakes the check exists to catch.
// gen needs no network: sources.txt names, for every RFC, a file in a
// public repository at a fixed commit, and gen reads it from the -src
// directory, laid out as SRC/<source>/<path>:
//
//	git -C CLONE show COMMIT:PATH > SRC/NAME/PATH    # for each file in sources.txt
//	go run ./internal/cite/internal/gen -src SRC
//
// The texts are not committed; only the table is, with its sources in
// its header. gen reads xml2rfc XML, v2 or v3 (prepared or not), and plain
// text RFCs, whose section headings it finds in the body and checks
// against the table of contents. Titles and what obsoletes what come from
// the RFC Editor's index.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	src := flag.String("src", "", "`dir`ectory holding the files sources.txt names, as SRC/<source>/<path>")
	list := flag.String("sources", "internal/cite/internal/gen/sources.txt", "the list of sources `file`")
	out := flag.String("out", "internal/cite/rfcs.txt", "table `file` to write")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "gen: -src is required")
		os.Exit(2)
	}
	if err := run(*src, *list, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run builds the table and writes it to out. Doubts about a source, such as
// a heading missing from the table of contents, go to warn: the table is
// still written, and whoever runs gen reads them before committing.
func run(src, list, out string, warn io.Writer) error {
	b, err := os.ReadFile(list)
	if err != nil {
		return err
	}
	m, err := parseManifest(b)
	if err != nil {
		return fmt.Errorf("%s: %w", list, err)
	}
	idx, err := os.ReadFile(filepath.Join(src, m.index.source, m.index.path))
	if err != nil {
		return fmt.Errorf("reading the RFC index: %w", err)
	}
	index, date := parseIndex(idx)
	m.indexDate = date
	var rfcs []rfc
	for _, f := range m.files {
		r, err := build(src, f, index, warn)
		if err != nil {
			return fmt.Errorf("RFC %d (%s:%s): %w", f.number, f.source, f.path, err)
		}
		rfcs = append(rfcs, r)
	}
	var buf bytes.Buffer
	write(&buf, m, rfcs)
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// build extracts one RFC and joins it with what the index says of it.
func build(src string, f file, index map[int]entry, warn io.Writer) (rfc, error) {
	b, err := os.ReadFile(filepath.Join(src, f.source, f.path))
	if err != nil {
		return rfc{}, err
	}
	var d doc
	var doubts []string
	if strings.HasSuffix(f.path, ".xml") {
		d, err = parseXML(b)
	} else {
		d, doubts, err = parseText(b)
	}
	if err != nil {
		return rfc{}, err
	}
	if d.number != 0 && d.number != f.number {
		return rfc{}, fmt.Errorf("the file is RFC %d", d.number)
	}
	if len(d.sections) == 0 {
		return rfc{}, fmt.Errorf("no numbered sections found")
	}
	e, ok := index[f.number]
	switch {
	case !ok && d.title == "":
		return rfc{}, fmt.Errorf("not in the RFC index, and the file names no title")
	case !ok:
		// Newer than the index: the document's own header says what it
		// is and what it obsoletes; nothing can obsolete it yet.
		e = entry{title: d.title, obsoletes: d.obsoletes}
		doubts = append(doubts, "not in the RFC index; title and obsoletes taken from the document")
	case d.obsoletes != nil && !sameInts(d.obsoletes, e.obsoletes):
		doubts = append(doubts, fmt.Sprintf("its header obsoletes %v, the index says %v", d.obsoletes, e.obsoletes))
	}
	if ok && d.title != "" && !strings.EqualFold(squash(d.title), squash(e.title)) {
		doubts = append(doubts, fmt.Sprintf("its title is %q, the index says %q", d.title, e.title))
	}
	for _, s := range doubts {
		fmt.Fprintf(warn, "gen: RFC %d: %s\n", f.number, s)
	}
	return rfc{number: f.number, file: f, entry: e, sections: d.sections}, nil
}

// rfc is one RFC as the table records it.
type rfc struct {
	number   int
	file     file
	entry    entry
	sections []section
}

// section is one numbered section: "15.5.5", or "A.1" in an appendix.
type section struct {
	num, title string
}

// doc is what a source file says of itself.
type doc struct {
	number    int // 0 if the file does not say
	title     string
	obsoletes []int // nil if the file does not say
	sections  []section
}

// write prints the table: a header naming the sources, then for each RFC a
// row with an empty section column (its title, what it obsoletes, what
// obsoletes it, where its text came from) and a row per section.
func write(w io.Writer, m manifest, rfcs []rfc) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprint(bw, `# Section numbers and titles of the RFCs the site cites, for the citation
# check of `+"`statusgen check`"+`. Generated by internal/cite/internal/gen from
# the RFC texts; do not edit: add the RFC to its sources.txt and run it.
#
# Columns, separated by tabs: rfc, section, title. A row with an empty
# section is the RFC itself, with obsoletes=, obsoleted-by= and from=
# (source:path of the text the sections were read from).
#
`)
	for _, s := range m.sources {
		fmt.Fprintf(bw, "# source %s: %s at commit %s\n", s.name, s.url, s.commit)
	}
	fmt.Fprintf(bw, "# titles and obsoleted-by: %s:%s (%s)\n", m.index.source, m.index.path, m.indexDate)
	sort.Slice(rfcs, func(i, j int) bool { return rfcs[i].number < rfcs[j].number })
	for _, r := range rfcs {
		fmt.Fprintf(bw, "\n%d\t\t%s\tobsoletes=%s\tobsoleted-by=%s\tfrom=%s:%s\n", r.number, r.entry.title,
			joinInts(r.entry.obsoletes), joinInts(r.entry.obsoletedBy), r.file.source, r.file.path)
		for _, s := range r.sections {
			fmt.Fprintf(bw, "%d\t%s\t%s\n", r.number, s.num, s.title)
		}
	}
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]int(nil), a...), append([]int(nil), b...)
	sort.Ints(x)
	sort.Ints(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// squash folds runs of white space to one space, so that titles wrapped
// over lines compare equal to the same title on one line.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
