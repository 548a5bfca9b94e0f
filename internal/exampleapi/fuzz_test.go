package exampleapi

import (
	"testing"
)

// FuzzCompile compiles any text as an expression and as a template: it
// must never panic, and what compiles without errors must evaluate, on a
// request's names, without panicking either.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		`method == "GET"`, `!user && header.if-match != etag`, `state.users[param.id].version + 1`,
		`capture(header.range, "^bytes=([0-9]*)-([0-9]*)$", 1)`, `json.name ? "a" : "b"`, "`u{param.id}-v{{x}}`",
		`query.page ?? "1"`, `lower(header.accept) ~ "(^|,) *application/json"`, `[1, "a", {}]`, `slice(body, -3)`,
		`{state.n}`, `plain {{text}} and {json}`, `a - -1`, `((((x))))`, `"\u"`, "`{`{`}`}`",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, asTemplate := range []bool{false, true} {
			c := &Compiler{}
			sc := NewScope(nil, []string{"id"})
			c.Define(sc, "user", text("").Pos, text("{state.users[param.id]}"))
			c.Define(sc, "etag", text("").Pos, text(`"u{param.id}-v{user.version}"`))
			var e any
			if asTemplate {
				e = c.Template(sc, text(s))
			} else {
				e = c.Expr(sc, text(s))
			}
			if !c.Errs.HasErrors() {
				_ = str(eval(e, testRoots()))
			}
		}
	})
}
