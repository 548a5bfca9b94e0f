// Package suggest finds what someone probably meant: the known word
// nearest to a mistyped one, for the "did you mean" of an error message.
package suggest

// Distance is the edit distance between a and b, in bytes: an insertion,
// a deletion, a substitution and a swap of two adjacent bytes (the
// commonest typo, "biuld") each count as one edit. The words it compares
// (keys, names, commands) are ASCII.
func Distance(a, b string) int {
	// Three rows of the optimal string alignment table: the row before
	// last is what a swap reaches back to.
	prev2 := make([]int, len(b)+1)
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
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Closest returns the candidate nearest to s, or "" if none is nearer than
// limit edits. Of equally near candidates it returns the first.
func Closest(s string, candidates []string, limit int) string {
	best, bestD := "", limit
	for _, c := range candidates {
		if d := Distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
