package content

import "strconv"

// closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a plausible typo.
func closest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+1
	for _, c := range candidates {
		if d := levenshtein(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// closestCode suggests a known code for a mistyped one: a code that differs
// in one digit, the numerically nearest if several do.
func closestCode(code int, known []int) (int, bool) {
	s := strconv.Itoa(code)
	best, found := 0, false
	for _, k := range known {
		ks := strconv.Itoa(k)
		if len(ks) != len(s) || levenshtein(s, ks) != 1 {
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

// levenshtein is the edit distance between a and b, in bytes; the strings
// it compares (keys, slugs, codes) are ASCII.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
