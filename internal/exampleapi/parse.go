package exampleapi

import (
	"fmt"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"

	"github.com/statusgen/statusgen/internal/suggest"
)

// The parser of the expression language: tokens to the compiled JSON
// form described in expr.go.

// parser reads one expression or template; the lexer in lex.go moves it
// along the text.
type parser struct {
	c      *Compiler
	src    *Src
	s      *Scope
	text   string
	pos    int // next byte to lex
	tok    token
	failed bool // an error was reported: stop reporting
}

func (p *parser) errorf(off int, format string, args ...any) {
	if p.failed {
		return
	}
	p.failed = true
	p.c.Errs.Errorf(p.src.at(off), format, args...)
}

func (p *parser) is(s string) bool { return p.tok.kind == tPunct && p.tok.text == s }

func (p *parser) expect(s string) {
	if !p.is(s) {
		p.errorf(p.tok.off, "want '%s', got %s", s, p.tok.describe())
		return
	}
	p.next()
}

func (p *parser) ternary() any {
	c := p.coalesce()
	if p.is("?") {
		p.next()
		a := p.ternary()
		p.expect(":")
		b := p.ternary()
		return []any{"?", c, a, b}
	}
	return c
}

func (p *parser) binary(ops []string, operand func() any) any {
	l := operand()
	for p.tok.kind == tPunct && contains(ops, p.tok.text) {
		op := p.tok.text
		p.next()
		l = []any{op, l, operand()}
	}
	return l
}

func (p *parser) coalesce() any { return p.binary([]string{"??"}, p.or) }
func (p *parser) or() any       { return p.binary([]string{"||"}, p.and) }
func (p *parser) and() any      { return p.binary([]string{"&&"}, p.cmp) }

var cmpOps = []string{"==", "!=", "<", "<=", ">", ">=", "~", "!~"}

func (p *parser) cmp() any {
	l := p.add()
	if p.tok.kind != tPunct || !contains(cmpOps, p.tok.text) {
		return l
	}
	op, at := p.tok.text, p.tok.off
	p.next()
	rAt := p.tok.off
	r := p.add()
	if op == "~" || op == "!~" {
		re, ok := r.(string)
		if !ok {
			p.errorf(rAt, "%s wants a regular expression written as \"text\"", op)
		} else {
			p.checkRegexp(rAt, re)
		}
	}
	if p.tok.kind == tPunct && contains(cmpOps, p.tok.text) {
		p.errorf(p.tok.off, "compare once: join comparisons with && (after the one at column %d)", p.src.at(at).Col)
	}
	return []any{op, l, r}
}

func (p *parser) add() any { return p.binary([]string{"+", "-"}, p.unary) }

func (p *parser) unary() any {
	if p.is("!") {
		p.next()
		return []any{"!", p.unary()}
	}
	if p.is("-") {
		p.next()
		if p.tok.kind == tNumber {
			v := -p.tok.val.(float64)
			p.next()
			return v
		}
		return []any{"-", 0.0, p.unary()}
	}
	return p.postfix()
}

func (p *parser) postfix() any {
	base := p.primary()
	for {
		switch {
		case p.is("."):
			p.next()
			if p.tok.kind != tIdent {
				p.errorf(p.tok.off, "want a name after '.', got %s", p.tok.describe())
				return base
			}
			key, at := p.tok.text, p.tok.off
			p.next()
			base = p.get(base, key, at)
		case p.is("["):
			p.next()
			at := p.tok.off
			k := p.ternary()
			p.expect("]")
			base = p.get(base, k, at)
		default:
			return base
		}
	}
}

// get is base[key]: a name with one key more, or a key of a computed value.
func (p *parser) get(base, key any, at int) any {
	if op, ok := base.([]any); ok && len(op) > 0 && op[0] == "$" {
		if len(op) == 2 && op[1] == "param" && p.s != nil {
			if k, ok := key.(string); ok {
				if params := p.routeParams(); params != nil && !params[k] {
					p.errorf(at, "param.%s: the route has no {%s} in its path (it has %s)", k, k, listParams(params))
				}
			}
		}
		return append(append([]any(nil), op...), key)
	}
	if op, ok := base.([]any); ok && len(op) > 0 && op[0] == "." {
		return append(append([]any(nil), op...), key)
	}
	return []any{".", base, key}
}

func (p *parser) routeParams() map[string]bool {
	for s := p.s; s != nil; s = s.parent {
		if s.params != nil {
			return s.params
		}
	}
	return nil
}

func listParams(m map[string]bool) string {
	if len(m) == 0 {
		return "none"
	}
	var l []string
	for k := range m {
		l = append(l, "{"+k+"}")
	}
	sort.Strings(l)
	return strings.Join(l, ", ")
}

func (p *parser) primary() any {
	t := p.tok
	switch t.kind {
	case tNumber, tString, tTemplate:
		p.next()
		return t.val
	case tIdent:
		p.next()
		switch t.text {
		case "true":
			return true
		case "false":
			return false
		case "null":
			return nil
		}
		if p.is("(") {
			return p.call(t)
		}
		if sc, l := p.s.lookup(t.text); l != nil {
			return p.c.letExpr(sc, t.text, l, p.src.at(t.off))
		}
		if contains(Roots, t.text) {
			return []any{"$", t.text}
		}
		msg := fmt.Sprintf("unknown name %q", t.text)
		if s := closestName(t.text, p.s.names()); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += " (names start from " + strings.Join(Roots, ", ") + " or a let)"
		}
		p.errorf(t.off, "%s", msg)
		return nil
	case tPunct:
		switch t.text {
		case "(":
			p.next()
			e := p.ternary()
			p.expect(")")
			return e
		case "[":
			p.next()
			l := []any{"[]"}
			for !p.is("]") && p.tok.kind != tEOF && !p.failed {
				l = append(l, p.ternary())
				if !p.is(",") {
					break
				}
				p.next()
			}
			p.expect("]")
			return l
		case "{":
			p.next()
			if !p.is("}") {
				p.errorf(p.tok.off, "only the empty object {} can be written in an expression; build objects in a template")
			}
			p.expect("}")
			return []any{"{}"}
		}
	}
	p.errorf(t.off, "want a value, got %s", t.describe())
	if t.kind != tEOF {
		p.next()
	}
	return nil
}

func (p *parser) call(name token) any {
	arity, ok := funcs[name.text]
	if !ok {
		var names []string
		for f := range funcs {
			names = append(names, f)
		}
		sort.Strings(names)
		p.errorf(name.off, "unknown function %s (there are %s)", name.text, strings.Join(names, ", "))
	}
	p.next() // (
	e := []any{"f", name.text}
	var reAt int
	for !p.is(")") && p.tok.kind != tEOF && !p.failed {
		if len(e) == 3 {
			reAt = p.tok.off
		}
		e = append(e, p.ternary())
		if !p.is(",") {
			break
		}
		p.next()
	}
	p.expect(")")
	if n := len(e) - 2; ok && (n < arity[0] || n > arity[1]) {
		want := strconv.Itoa(arity[0])
		if arity[1] != arity[0] {
			want += " or " + strconv.Itoa(arity[1])
		}
		p.errorf(name.off, "%s takes %s arguments, not %d", name.text, want, n)
	}
	if name.text == "capture" && len(e) > 3 {
		if re, ok := e[3].(string); ok {
			p.checkRegexp(reAt, re)
		} else {
			p.errorf(reAt, "capture wants its regular expression written as \"text\"")
		}
	}
	return e
}

// checkRegexp refuses regular expressions that the page's JavaScript
// would not run the way Go does, or that could take it exponential time
// on what a reader types.
func (p *parser) checkRegexp(at int, re string) {
	if strings.Contains(re, "(?") {
		p.errorf(at, "regexp: no (? groups or flags: JavaScript and Go read them differently")
		return
	}
	for i := 0; i+1 < len(re); i++ {
		if re[i] == '\\' {
			if !strings.ContainsRune(`dDwWbB.*+?()[]{}|^$\/-ntr`, rune(re[i+1])) {
				p.errorf(at, "regexp: \\%c means different things in JavaScript and Go; use a class like [ \\t]", re[i+1])
				return
			}
			i++
		}
	}
	parsed, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		p.errorf(at, "regexp: %v", err)
		return
	}
	if nestedRepeat(parsed, false) {
		p.errorf(at, "regexp: a repetition inside a repetition can make the page's script take exponential time")
	}
}

func nestedRepeat(r *syntax.Regexp, inside bool) bool {
	rep := r.Op == syntax.OpStar || r.Op == syntax.OpPlus || r.Op == syntax.OpQuest || r.Op == syntax.OpRepeat
	if rep && inside {
		return true
	}
	for _, s := range r.Sub {
		if nestedRepeat(s, inside || rep) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closestName returns the name in names nearest to s, within two edits.
func closestName(s string, names []string) string { return suggest.Closest(s, names, 3) }
