package facts

import (
	"sort"
	"testing"
)

func load(t *testing.T) *Table {
	t.Helper()
	tab, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tab
}

func TestLoad(t *testing.T) {
	tab := load(t)
	if n := len(tab.Codes()); n < 60 {
		t.Errorf("table has %d rows, want at least 60", n)
	}
}

func TestLookup(t *testing.T) {
	tab := load(t)
	tests := []struct {
		code         int
		phrase       string
		registration string
		specURL      string
		registered   bool
	}{
		{404, "Not Found", "yes", "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5", true},
		{418, "(Unused)", "reserved", "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.19", true},
	}
	for _, tc := range tests {
		c, ok := tab.Lookup(tc.code)
		if !ok {
			t.Errorf("Lookup(%d): not found", tc.code)
			continue
		}
		if c.Code != tc.code || c.Phrase != tc.phrase || c.Registration != tc.registration || c.SpecURL != tc.specURL {
			t.Errorf("Lookup(%d) = %+v, want phrase %q, registration %q, spec URL %q", tc.code, c, tc.phrase, tc.registration, tc.specURL)
		}
		if c.Registered() != tc.registered {
			t.Errorf("Lookup(%d).Registered() = %v, want %v", tc.code, c.Registered(), tc.registered)
		}
		if c.Class != "4xx Client Error" {
			t.Errorf("Lookup(%d).Class = %q", tc.code, c.Class)
		}
	}
	if _, ok := tab.Lookup(999); ok {
		t.Error("Lookup(999) found a row")
	}
}

func TestCodes(t *testing.T) {
	codes := load(t).Codes()
	if !sort.IntsAreSorted(codes) {
		t.Errorf("Codes() not sorted: %v", codes)
	}
	for i := 1; i < len(codes); i++ {
		if codes[i] == codes[i-1] {
			t.Errorf("Codes() repeats %d", codes[i])
		}
	}
	for _, c := range codes {
		if c < 100 || c > 599 {
			t.Errorf("code %d outside 100-599", c)
		}
	}
}
