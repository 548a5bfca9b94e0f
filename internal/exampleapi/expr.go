package exampleapi

import "github.com/statusgen/statusgen/internal/diag"

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
