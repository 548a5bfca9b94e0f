// Package facts is the registry facts table: the reason phrase, class and
// defining specification of every status code the site covers or may cover.
//
// The table is status-codes.csv, embedded at build time. It was seeded from
// the project's reference copy of the IANA HTTP Status Code Registry and is
// the single source pages are checked against.
package facts

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

//go:embed status-codes.csv
var table string

// Code is one row of the facts table.
type Code struct {
	Code   int
	Phrase string // exact registry reason phrase
	Class  string // e.g. "4xx Client Error"
	// Registration is "yes", "reserved", "temporary" or "no" (unofficial).
	Registration string
	SpecName     string // e.g. "RFC 9110, Section 15.5.5"
	SpecURL      string
	Notes        string
}

// Registered reports whether the code is in the IANA registry, as a
// registered, reserved or temporary entry.
func (c Code) Registered() bool { return c.Registration != "no" }

// Table is the parsed facts table, keyed by code.
type Table struct {
	codes map[int]Code
}

// Load parses the embedded table. It fails only if the embedded file is
// malformed, which the package's tests rule out.
func Load() (*Table, error) {
	r := csv.NewReader(strings.NewReader(table))
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("facts: %w", err)
	}
	t := &Table{codes: make(map[int]Code, len(rows))}
	for i, row := range rows {
		if i == 0 {
			continue // header
		}
		if len(row) != 7 {
			return nil, fmt.Errorf("facts: row %d: want 7 fields, got %d", i+1, len(row))
		}
		n, err := strconv.Atoi(row[0])
		if err != nil {
			return nil, fmt.Errorf("facts: row %d: %w", i+1, err)
		}
		t.codes[n] = Code{Code: n, Phrase: row[1], Class: row[2], Registration: row[3],
			SpecName: row[4], SpecURL: row[5], Notes: row[6]}
	}
	return t, nil
}

// Lookup returns the facts for code.
func (t *Table) Lookup(code int) (Code, bool) {
	c, ok := t.codes[code]
	return c, ok
}

// Codes returns every code in the table, in ascending order.
func (t *Table) Codes() []int {
	out := make([]int, 0, len(t.codes))
	for c := range t.codes {
		out = append(out, c)
	}
	sort.Ints(out)
	return out
}
