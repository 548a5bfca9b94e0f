//go:build !linux && !darwin

package output

// exchange is not available: the caller falls back to two renames.
func exchange(a, b string) error { return errNoExchange }
