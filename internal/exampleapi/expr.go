package exampleapi

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/suggest"
)

// Compiled expressions are JSON values, the form model.json carries and
// both evaluators read: a string, number, boolean or null is itself; an
// array is an operation, its first element the operator:
//
//	["$", root, key...]      a name of the request, state or data, then keys
//	[".", value, key...]     keys of a computed value
//	["`", part...]           text: the parts as text, joined
//	["?", cond, then, else]  ["??", a, b]  ["||", a, b]  ["&&", a, b]  ["!", a]
//	["==", a, b] ["!=", a, b] ["<", a, b] ["<=", a, b] [">", a, b] [">=", a, b]
//	["~", a, regexp] ["!~", a, regexp]
//	["+", a, b] ["-", a, b]
//	["{}", key, value, ...]  ["[]", item...]
//	["f", name, arg...]      a built-in function
//
// The source language is what model files are written in: see
// docs/tools.md.

// Roots are the names an expression starts from.
var Roots = []string{"method", "path", "param", "query", "header", "cookie", "body", "size", "json", "bearer", "state", "data"}

// funcs are the built-in functions and how many arguments each takes.
var funcs = map[string][2]int{
	"capture": {3, 3}, // capture(text, "regexp", group): a group of the first match, or null
	"slice":   {2, 3}, // slice(text, start, end): as String.prototype.slice
	"len":     {1, 1}, // len(text or list)
	"lower":   {1, 1},
	"num":     {1, 1}, // num(value): a number, or null
	"min":     {2, 2},
	"max":     {2, 2},
}

// Scope is the names an expression may use besides the roots: lets, and
// the parameters of the route it belongs to.
type Scope struct {
	parent *Scope
	lets   map[string]*let
	order  []string
	params map[string]bool // nil: not checked
}

type let struct {
	src   *Src
	expr  any
	state int // 0 not compiled, 1 compiling, 2 done
	used  bool
}

// NewScope returns a scope inside parent (which may be nil). params are
// the route's parameters, nil outside a route.
func NewScope(parent *Scope, params []string) *Scope {
	s := &Scope{parent: parent, lets: map[string]*let{}}
	if params != nil {
		s.params = map[string]bool{}
		for _, p := range params {
			s.params[p] = true
		}
	}
	return s
}

// Define adds a let: name stands for the template src wherever it is used.
func (c *Compiler) Define(s *Scope, name string, at diag.Pos, src *Src) {
	switch {
	case !identRE.MatchString(name):
		c.Errs.Errorf(at, "let: %q is not a name: use letters, digits, '_' and '-', starting with a letter", name)
		return
	case contains(Roots, name) || funcs[name] != [2]int{} || name == "true" || name == "false" || name == "null":
		c.Errs.Errorf(at, "let: %q is already a name of the language", name)
		return
	}
	for p := s.parent; p != nil; p = p.parent {
		if _, ok := p.lets[name]; ok {
			c.Errs.Errorf(at, "let: %q is already defined for every route", name)
			return
		}
	}
	s.lets[name] = &let{src: src}
	s.order = append(s.order, name)
}

// Finish compiles the lets of s no expression used, so that their
// mistakes are reported too.
func (c *Compiler) Finish(s *Scope) {
	for _, name := range s.order {
		c.letExpr(s, name, s.lets[name], s.lets[name].src.Pos)
	}
}

func (s *Scope) lookup(name string) (*Scope, *let) {
	for sc := s; sc != nil; sc = sc.parent {
		if l := sc.lets[name]; l != nil {
			return sc, l
		}
	}
	return nil, nil
}

func (s *Scope) names() []string {
	var out []string
	for sc := s; sc != nil; sc = sc.parent {
		out = append(out, sc.order...)
	}
	return append(out, Roots...)
}

// Compiler compiles the expressions and templates of one model, collecting
// every problem in Errs.
type Compiler struct {
	Errs diag.List
}

func (c *Compiler) letExpr(s *Scope, name string, l *let, at diag.Pos) any {
	l.used = true
	switch l.state {
	case 1:
		c.Errs.Errorf(at, "let: %q is defined in terms of itself", name)
		l.state = 2
		return nil
	case 2:
		return l.expr
	}
	l.state = 1
	l.expr = c.Template(s, l.src)
	l.state = 2
	return l.expr
}

// Expr compiles a condition: src is an expression.
func (c *Compiler) Expr(s *Scope, src *Src) any {
	if src.Kind != SrcString {
		c.Errs.Errorf(src.Pos, "want an expression written as text, like 'method == \"GET\"'")
		return nil
	}
	p := &parser{c: c, src: src, s: s, text: src.Str}
	p.next()
	e := p.ternary()
	if p.tok.kind != tEOF && !p.failed {
		p.errorf(p.tok.off, "unexpected %s after the expression", p.tok.describe())
	}
	return e
}

// Template compiles a value template: text with {expression}s, numbers,
// booleans, null, and maps and lists of templates. Text that is one
// {expression} and nothing else is that expression's value, whatever its
// type.
func (c *Compiler) Template(s *Scope, src *Src) any {
	switch src.Kind {
	case SrcString:
		p := &parser{c: c, src: src, s: s, text: src.Str}
		e, _ := p.template(0, false)
		return e
	case SrcNumber:
		return src.Num
	case SrcBool:
		return src.Bool
	case SrcMap:
		e := []any{"{}"}
		for i, k := range src.Keys {
			e = append(e, k, c.Template(s, src.Items[i]))
		}
		return e
	case SrcList:
		e := []any{"[]"}
		for _, it := range src.Items {
			e = append(e, c.Template(s, it))
		}
		return e
	}
	return nil
}

// Target compiles the target of an assignment: a name under state, as
// keys after "state".
func (c *Compiler) Target(s *Scope, src *Src) []any {
	n := len(c.Errs)
	e := c.Expr(s, src)
	op, ok := e.([]any)
	if !ok || len(op) < 3 || op[0] != "$" || op[1] != "state" {
		if len(c.Errs) == n {
			c.Errs.Errorf(src.Pos, "set: %q is not a place to store: write state.NAME, state.NAME[KEY]...", src.Str)
		}
		return nil
	}
	return op[2:]
}

// ---- Lexer.

type tokKind int

const (
	tEOF tokKind = iota
	tIdent
	tNumber
	tString
	tTemplate
	tPunct
)

type token struct {
	kind     tokKind
	text     string // identifier or punctuation
	val      any    // number, string or compiled template
	off, end int
}

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of expression"
	case tIdent:
		return strconv.Quote(t.text)
	case tNumber:
		return "number " + str(t.val)
	case tString, tTemplate:
		return "text"
	}
	return "'" + t.text + "'"
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

var puncts = []string{"==", "!=", "<=", ">=", "??", "||", "&&", "!~", ".", "[", "]", "(", ")", ",", "!", "<", ">", "~", "+", "-", "?", ":", "{", "}"}

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

func isIdentStart(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

func isIdentByte(b byte) bool { return isIdentStart(b) || b == '-' || b >= '0' && b <= '9' }

func (p *parser) next() {
	t := p.text
	for p.pos < len(t) && (t[p.pos] == ' ' || t[p.pos] == '\t' || t[p.pos] == '\n') {
		p.pos++
	}
	start := p.pos
	if start >= len(t) {
		p.tok = token{kind: tEOF, off: start, end: start}
		return
	}
	b := t[start]
	switch {
	case isIdentStart(b):
		i := start + 1
		for i < len(t) && isIdentByte(t[i]) {
			i++
		}
		p.tok = token{kind: tIdent, text: t[start:i], off: start, end: i}
		p.pos = i
	case b >= '0' && b <= '9':
		i := start + 1
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i+1 < len(t) && t[i] == '.' && t[i+1] >= '0' && t[i+1] <= '9' {
			i += 2
			for i < len(t) && t[i] >= '0' && t[i] <= '9' {
				i++
			}
		}
		f, _ := strconv.ParseFloat(t[start:i], 64)
		p.tok = token{kind: tNumber, val: f, off: start, end: i}
		p.pos = i
	case b == '"':
		var sb strings.Builder
		i := start + 1
		for {
			if i >= len(t) {
				p.errorf(start, "text is not closed: add a '\"'")
				p.tok = token{kind: tEOF, off: len(t), end: len(t)}
				p.pos = len(t)
				return
			}
			if t[i] == '"' {
				break
			}
			if t[i] == '\\' && i+1 < len(t) {
				switch t[i+1] {
				case '"', '\\', '/':
					sb.WriteByte(t[i+1])
				case 'n':
					sb.WriteByte('\n')
				case 't':
					sb.WriteByte('\t')
				default:
					p.errorf(i, "unknown escape \\%c in text (write \\\\ for a backslash)", t[i+1])
				}
				i += 2
				continue
			}
			sb.WriteByte(t[i])
			i++
		}
		p.tok = token{kind: tString, val: sb.String(), off: start, end: i + 1}
		p.pos = i + 1
	case b == '`':
		e, end := p.template(start+1, true)
		p.tok = token{kind: tTemplate, val: e, off: start, end: end}
		p.pos = end
	default:
		for _, s := range puncts {
			if strings.HasPrefix(t[start:], s) {
				p.tok = token{kind: tPunct, text: s, off: start, end: start + len(s)}
				p.pos = start + len(s)
				return
			}
		}
		p.errorf(start, "unexpected character %q", t[start:start+1])
		p.tok = token{kind: tEOF, off: len(t), end: len(t)}
		p.pos = len(t)
	}
}

// template reads text with {expression}s from byte at, to the end of the
// text or, when quoted, to the closing backquote, and returns its compiled
// form and the offset after it. "{{" and "}}" stand for braces.
func (p *parser) template(at int, quoted bool) (any, int) {
	t := p.text
	var parts []any
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, lit.String())
			lit.Reset()
		}
	}
	i := at
	for {
		if i >= len(t) {
			if quoted {
				p.errorf(at-1, "text is not closed: add a '`'")
			}
			break
		}
		if quoted && t[i] == '`' {
			i++
			break
		}
		switch {
		case strings.HasPrefix(t[i:], "{{"):
			lit.WriteByte('{')
			i += 2
		case strings.HasPrefix(t[i:], "}}"):
			lit.WriteByte('}')
			i += 2
		case t[i] == '}':
			p.errorf(i, "a '}' without its '{': write }} for a brace")
			i++
		case t[i] == '{':
			flush()
			sub := &parser{c: p.c, src: p.src, s: p.s, text: t, pos: i + 1, failed: p.failed}
			sub.next()
			if sub.tok.kind == tPunct && sub.tok.text == "}" {
				sub.errorf(i, "empty {}: put an expression between the braces, or write {{ for a brace")
			}
			e := sub.ternary()
			if sub.tok.kind != tPunct || sub.tok.text != "}" {
				sub.errorf(sub.tok.off, "want '}' to end the expression that starts at '{', got %s", sub.tok.describe())
				p.failed = true
				return nil, len(t)
			}
			p.failed = p.failed || sub.failed
			parts = append(parts, e)
			i = sub.tok.end
		default:
			lit.WriteByte(t[i])
			i++
		}
	}
	flush()
	switch {
	case len(parts) == 0:
		return "", i
	case len(parts) == 1:
		if s, ok := parts[0].(string); ok {
			return s, i
		}
		if !quoted && strings.HasPrefix(t[at:], "{") {
			return parts[0], i // the value itself, whatever its type
		}
	}
	return append([]any{"`"}, parts...), i
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
