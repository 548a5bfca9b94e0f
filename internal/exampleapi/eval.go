package exampleapi

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf16"
)

// eval evaluates a compiled expression over the roots, as tools.js's ev
// does. Every operation is defined on every value: what does not apply
// gives null, never an error, so that whatever a reader types gets an
// answer.
func eval(e any, roots *Object) any {
	op, ok := e.([]any)
	if !ok {
		return e
	}
	args := op[1:]
	arg := func(i int) any { return eval(args[i], roots) }
	switch op[0] {
	case "$":
		v, _ := roots.Get(str(arg(0)))
		return keys(v, args[1:], roots)
	case ".":
		return keys(arg(0), args[1:], roots)
	case "`":
		var b strings.Builder
		for i := range args {
			b.WriteString(str(arg(i)))
		}
		return b.String()
	case "?":
		if truthy(arg(0)) {
			return arg(1)
		}
		return arg(2)
	case "??":
		if v := arg(0); v != nil {
			return v
		}
		return arg(1)
	case "||":
		if v := arg(0); truthy(v) {
			return v
		}
		return arg(1)
	case "&&":
		if v := arg(0); !truthy(v) {
			return v
		}
		return arg(1)
	case "!":
		return !truthy(arg(0))
	case "==":
		return equal(arg(0), arg(1))
	case "!=":
		return !equal(arg(0), arg(1))
	case "<", "<=", ">", ">=":
		a, b := num(arg(0)), num(arg(1))
		if a == nil || b == nil {
			return false
		}
		x, y := a.(float64), b.(float64)
		switch op[0] {
		case "<":
			return x < y
		case "<=":
			return x <= y
		case ">":
			return x > y
		}
		return x >= y
	case "~":
		return match(arg(0), str(arg(1)))
	case "!~":
		return !match(arg(0), str(arg(1)))
	case "+", "-":
		a, b := num(arg(0)), num(arg(1))
		if a == nil || b == nil {
			return nil
		}
		if op[0] == "+" {
			return a.(float64) + b.(float64)
		}
		return a.(float64) - b.(float64)
	case "{}":
		o := NewObject()
		for i := 0; i+1 < len(args); i += 2 {
			o.Set(str(args[i]), arg(i+1))
		}
		return o
	case "[]":
		l := make([]any, len(args))
		for i := range args {
			l[i] = arg(i)
		}
		return l
	case "f":
		vals := make([]any, len(args)-1)
		for i := range vals {
			vals[i] = arg(i + 1)
		}
		return call(str(args[0]), vals)
	}
	panic(fmt.Sprintf("exampleapi: unknown operation %v", op[0]))
}

// keys looks up each key in turn; a key of anything but an object that has
// it is null.
func keys(v any, ks []any, roots *Object) any {
	for _, k := range ks {
		o, ok := v.(*Object)
		if !ok {
			return nil
		}
		v, _ = o.Get(str(eval(k, roots)))
	}
	return v
}

func equal(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return str(a) == str(b)
}

var regexps sync.Map // string -> *regexp.Regexp

func compiled(re string) *regexp.Regexp {
	if r, ok := regexps.Load(re); ok {
		return r.(*regexp.Regexp)
	}
	r, err := regexp.Compile(re)
	if err != nil {
		r = regexp.MustCompile(`[^\x00-\x{10FFFF}]`) // matches nothing
	}
	regexps.Store(re, r)
	return r
}

func match(v any, re string) bool {
	if v == nil {
		return false
	}
	return compiled(re).MatchString(str(v))
}

func call(name string, a []any) any {
	switch name {
	case "capture":
		if a[0] == nil {
			return nil
		}
		m := compiled(str(a[1])).FindStringSubmatch(str(a[0]))
		n, ok := num(a[2]).(float64)
		if m == nil || !ok || n < 0 || int(n) >= len(m) || n != math.Trunc(n) {
			return nil
		}
		idx := compiled(str(a[1])).FindStringSubmatchIndex(str(a[0]))
		if idx[2*int(n)] < 0 {
			return nil
		}
		return m[int(n)]
	case "slice":
		if a[0] == nil {
			return nil
		}
		u := units16(str(a[0]))
		start := sliceIndex(num(a[1]), 0, len(u))
		end := len(u)
		if len(a) > 2 && a[2] != nil {
			end = sliceIndex(num(a[2]), len(u), len(u))
		}
		if start >= end {
			return ""
		}
		return string(utf16.Decode(u[start:end]))
	case "len":
		switch v := a[0].(type) {
		case string:
			return float64(len(units16(v)))
		case []any:
			return float64(len(v))
		}
		return nil
	case "lower":
		if a[0] == nil {
			return nil
		}
		return strings.ToLower(str(a[0]))
	case "num":
		return num(a[0])
	case "min", "max":
		x, y := num(a[0]), num(a[1])
		if x == nil || y == nil {
			return nil
		}
		if name == "min" {
			return math.Min(x.(float64), y.(float64))
		}
		return math.Max(x.(float64), y.(float64))
	}
	panic("exampleapi: unknown function " + name)
}

// sliceIndex is String.prototype.slice's reading of an index: negative
// from the end, clamped to [0, n]; a missing number is def.
func sliceIndex(v any, def, n int) int {
	f, ok := v.(float64)
	if !ok {
		return def
	}
	f = math.Trunc(f)
	if f < 0 {
		f += float64(n)
	}
	return int(math.Max(0, math.Min(f, float64(n))))
}
