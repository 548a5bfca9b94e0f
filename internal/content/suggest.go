package content

import (
	"strconv"

	"github.com/statusgen/statusgen/internal/suggest"
)

// closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a plausible typo.
func closest(s string, candidates []string) string {
	return suggest.Closest(s, candidates, len(s)/2+1)
}

// closestCode suggests a known code for a mistyped one: a code that differs
// in one digit, the numerically nearest if several do.
func closestCode(code int, known []int) (int, bool) {
	s := strconv.Itoa(code)
	best, found := 0, false
	for _, k := range known {
		ks := strconv.Itoa(k)
		if len(ks) != len(s) || suggest.Distance(s, ks) != 1 {
			continue
		}
		if !found || abs(k-code) < abs(best-code) {
			best, found = k, true
		}
	}
	return best, found
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
