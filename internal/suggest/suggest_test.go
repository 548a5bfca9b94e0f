package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"build", "build", 0},
		{"", "serve", 5},
		{"biuld", "build", 1}, // a swap
		{"buld", "build", 1},  // a deletion
		{"builds", "build", 1},
		{"bxild", "build", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3},
		{"related", "realted", 1},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := Distance(tc.b, tc.a); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (not symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	cmds := []string{"build", "check", "explain", "new", "serve"}
	for _, tc := range []struct {
		s     string
		limit int
		want  string
	}{
		{"biuld", 3, "build"},
		{"serv", 3, "serve"},
		{"chekc", 3, "check"},
		{"deploy", 3, ""},
		{"nwe", 2, "new"},
		{"xyz", 1, ""},
	} {
		if got := Closest(tc.s, cmds, tc.limit); got != tc.want {
			t.Errorf("Closest(%q, limit %d) = %q, want %q", tc.s, tc.limit, got, tc.want)
		}
	}
}
