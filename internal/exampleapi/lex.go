package exampleapi

import (
	"regexp"
	"strconv"
	"strings"
)

// The lexer of the expression language: source text to tokens, and
// the text of templates to their compiled parts.

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
		f, err := strconv.ParseFloat(t[start:i], 64)
		if err != nil {
			// model.json could not hold it: JSON has no Infinity.
			p.errorf(start, "the number %.20s… is too large", t[start:i])
		}
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
