package diag

import (
	"errors"
	"testing"
)

func TestList(t *testing.T) {
	var l List
	l.Warnf(Pos{Path: "b.md", Line: 2, Col: 1}, "w %d", 1)
	l.Errorf(Pos{Path: "a.md", Line: 10, Col: 3}, "second")
	l.Errorf(Pos{Path: "a.md", Line: 2, Col: 5}, "first")
	l.Errorf(Pos{Path: "c.md"}, "no position")
	if l.Err() == nil || !l.HasErrors() || len(l.Errors()) != 3 || len(l.Warnings()) != 1 {
		t.Fatalf("counts wrong: %v", l)
	}
	want := "a.md:2:5: error: first\na.md:10:3: error: second\nb.md:2:1: warning: w 1\nc.md: error: no position"
	if got := l.Error(); got != want {
		t.Errorf("Error() =\n%s\nwant\n%s", got, want)
	}
	var asList List
	if !errors.As(l.Err(), &asList) {
		t.Error("Err is not a List")
	}
	if (List{{Severity: Warning}}).Err() != nil {
		t.Error("warnings alone made an error")
	}
	if got := (Pos{Path: "x", Line: 3}).String(); got != "x:3" {
		t.Errorf("line-only position = %q", got)
	}
}
