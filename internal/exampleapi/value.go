package exampleapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Values are what JSON holds, as the page's script sees them: nil, bool,
// float64, string, []any and *Object. Objects keep their keys in the order
// JavaScript gives them, so that a body printed here is the body the page
// prints.

// Object is a JSON object with JavaScript's key order: keys that are array
// indexes ("0", "7", "42") first, in numeric order, then the others in the
// order they were first set.
type Object struct {
	keys []string
	vals map[string]any
}

// NewObject returns an empty object.
func NewObject() *Object { return &Object{vals: map[string]any{}} }

// Get returns the value of key k, if the object has one.
func (o *Object) Get(k string) (any, bool) {
	v, ok := o.vals[k]
	return v, ok
}

// Set sets key k; a key set again keeps its place.
func (o *Object) Set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

// Len is the number of keys.
func (o *Object) Len() int { return len(o.keys) }

// Keys returns the keys in JavaScript's order.
func (o *Object) Keys() []string {
	var idx, rest []string
	for _, k := range o.keys {
		if isIndex(k) {
			idx = append(idx, k)
		} else {
			rest = append(rest, k)
		}
	}
	sort.Slice(idx, func(i, j int) bool {
		a, _ := strconv.ParseUint(idx[i], 10, 64)
		b, _ := strconv.ParseUint(idx[j], 10, 64)
		return a < b
	})
	return append(idx, rest...)
}

// isIndex reports whether k is an array index as ECMAScript defines it:
// the canonical decimal form of an integer below 2^32-1.
func isIndex(k string) bool {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < math.MaxUint32
}

// Clone returns a deep copy of v.
func Clone(v any) any {
	switch v := v.(type) {
	case *Object:
		c := &Object{keys: append([]string(nil), v.keys...), vals: make(map[string]any, len(v.vals))}
		for k, x := range v.vals {
			c.vals[k] = Clone(x)
		}
		return c
	case []any:
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = Clone(x)
		}
		return c
	}
	return v
}

// Value wraps a value for encoding/json: objects decode into *Object with
// their keys in order.
type Value struct{ V any }

// MarshalJSON writes the value as JSON.stringify does.
func (v Value) MarshalJSON() ([]byte, error) { return []byte(Stringify(v.V, "")), nil }

// UnmarshalJSON reads a JSON value, objects as *Object.
func (v *Value) UnmarshalJSON(b []byte) error {
	x, err := ParseJSON(string(b))
	v.V = x
	return err
}

// ParseJSON parses JSON text as JSON.parse does, objects as *Object.
func ParseJSON(s string) (any, error) {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	v, err := decodeValue(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err == nil {
		return nil, fmt.Errorf("text after the JSON value")
	}
	return v, nil
}

func decodeValue(d *json.Decoder) (any, error) {
	t, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := NewObject()
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeValue(d)
				if err != nil {
					return nil, err
				}
				o.Set(k.(string), v)
			}
			_, err := d.Token()
			return o, err
		case '[':
			l := []any{}
			for d.More() {
				v, err := decodeValue(d)
				if err != nil {
					return nil, err
				}
				l = append(l, v)
			}
			_, err := d.Token()
			return l, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil && !math.IsInf(f, 0) {
			return nil, err
		}
		if math.IsInf(f, 0) {
			// JSON.parse reads 1e999 as Infinity, which prints as null.
			return nil, nil
		}
		return f, nil
	}
	return t, nil // string, bool or nil
}

// Stringify writes v as JSON.stringify(v, null, indent) does: indent ""
// for one line.
func Stringify(v any, indent string) string {
	var b bytes.Buffer
	stringify(&b, v, indent, "")
	return b.String()
}

func stringify(b *bytes.Buffer, v any, indent, prefix string) {
	inner := prefix + indent
	open := func(c byte, n int, item func(i int)) {
		b.WriteByte(c)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			if indent != "" {
				b.WriteByte('\n')
				b.WriteString(inner)
			}
			item(i)
		}
		if n > 0 && indent != "" {
			b.WriteByte('\n')
			b.WriteString(prefix)
		}
		b.WriteByte(c + 2) // '{'+2 is '}', '['+2 is ']'
	}
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b.WriteString("null")
		} else {
			b.WriteString(FormatNumber(v))
		}
	case string:
		quote(b, v)
	case []any:
		open('[', len(v), func(i int) { stringify(b, v[i], indent, inner) })
	case *Object:
		keys := v.Keys()
		open('{', len(keys), func(i int) {
			quote(b, keys[i])
			b.WriteByte(':')
			if indent != "" {
				b.WriteByte(' ')
			}
			stringify(b, v.vals[keys[i]], indent, inner)
		})
	default:
		panic(fmt.Sprintf("exampleapi: %T is not a JSON value", v))
	}
}

// quote writes s as a JSON string the way JSON.stringify does: only the
// quote, the backslash and control characters are escaped.
func quote(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// FormatNumber writes f as JavaScript's String(f) does.
func FormatNumber(f float64) string {
	switch {
	case f == 0:
		return "0"
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	a := math.Abs(f)
	if a >= 1e-6 && a < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // 1e+21, 1.5e-07
	mant, exp, _ := strings.Cut(s, "e")
	sign := exp[:1]
	exp = strings.TrimLeft(exp[1:], "0")
	return mant + "e" + sign + exp
}

// str is a value as text: what a template shows of it.
func str(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return FormatNumber(v)
	}
	return Stringify(v, "")
}

var numberRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// num is a value as a number: numbers, and strings written as decimal
// numbers ("2", "-1.5"); anything else is nil.
func num(v any) any {
	switch v := v.(type) {
	case float64:
		return v
	case string:
		if numberRE.MatchString(v) {
			// Too many digits read as ±Infinity, as the page's +v does.
			f, err := strconv.ParseFloat(v, 64)
			if err == nil || math.IsInf(f, 0) {
				return f
			}
		}
	}
	return nil
}

// truthy is JavaScript's truthiness over JSON values.
func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case float64:
		return v != 0
	}
	return true
}

// units16 returns s as UTF-16 code units, as JavaScript strings are.
func units16(s string) []uint16 { return utf16.Encode([]rune(s)) }

// utf8Len is the length of s in bytes, as a Content-Length counts it.
func utf8Len(s string) int {
	if utf8.ValidString(s) {
		return len(s)
	}
	return len([]byte(strings.ToValidUTF8(s, "\uFFFD")))
}
