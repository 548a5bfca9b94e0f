package exampleapi

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Server is the example API with its state: what it remembers between
// requests.
type Server struct {
	m     *Model
	state any
}

// NewServer returns a server in the model's initial state.
func NewServer(m *Model) *Server { return &Server{m: m, state: Clone(m.State.V)} }

// RunPreset sends the preset on a fresh server, after the presets it comes
// after, and returns the last exchange.
func (m *Model) RunPreset(p *Preset) Exchange {
	s := NewServer(m)
	s.before(p, 0)
	return s.Do(p.Request)
}

func (s *Server) before(p *Preset, depth int) {
	if depth > len(s.m.Presets) {
		return // a cycle: the loader reports it
	}
	for _, id := range p.Before {
		if b := s.m.Preset(id); b != nil {
			s.before(b, depth+1)
			s.Do(b.Request)
		}
	}
}

var tokenRE = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

// Do sends a request and returns the exchange.
func (s *Server) Do(r Request) Exchange {
	m := s.m
	method := strings.ToUpper(trim(r.Method))
	if method == "" {
		method = "GET"
	}
	target := trim(r.Path)
	if !strings.HasPrefix(target, "/") {
		target = "/" + target
	}
	path, rawQuery, _ := strings.Cut(target, "?")
	body := r.Body

	// The request as a client sends it: Host first, the reader's headers,
	// and a Content-Length for a body (or the reader's, with no body).
	lines := []string{method + " " + target + " HTTP/1.1", "Host: " + m.Host}
	header, cookie := NewObject(), NewObject()
	add := func(name, value string) {
		lines = append(lines, name+": "+value)
		k := strings.ToLower(name)
		if v, ok := header.Get(k); ok {
			value = v.(string) + ", " + value
		}
		header.Set(k, value)
	}
	declared := ""
	for _, line := range strings.Split(r.Headers, "\n") {
		name, value, ok := strings.Cut(line, ":")
		name, value = trim(name), trim(value)
		if !ok || !tokenRE.MatchString(name) {
			continue
		}
		switch strings.ToLower(name) {
		case "host":
			continue
		case "content-length":
			declared = value
			continue
		}
		add(name, value)
	}
	switch {
	case body != "":
		add("Content-Length", strconv.Itoa(utf8Len(body)))
	case declared != "":
		add("Content-Length", declared)
	}
	req := strings.Join(lines, "\n")
	if body != "" {
		req += "\n\n" + body
	}

	if c, ok := header.Get("cookie"); ok {
		for _, part := range strings.Split(c.(string), ";") {
			if k, v, ok := strings.Cut(part, "="); ok && trim(k) != "" {
				cookie.Set(trim(k), trim(v))
			}
		}
	}
	var bearer any
	if a, ok := header.Get("authorization"); ok {
		if m := bearerRE.FindStringSubmatch(a.(string)); m != nil {
			bearer = m[1]
		}
	}
	var parsed any
	if trim(body) != "" {
		parsed, _ = ParseJSON(body)
	}
	query := NewObject()
	if rawQuery != "" {
		for _, part := range strings.Split(rawQuery, "&") {
			if part == "" {
				continue
			}
			k, v, _ := strings.Cut(part, "=")
			query.Set(unescape(k), unescape(v))
		}
	}

	roots := NewObject()
	roots.Set("method", method)
	roots.Set("path", path)
	roots.Set("query", query)
	roots.Set("header", header)
	roots.Set("cookie", cookie)
	roots.Set("body", body)
	roots.Set("size", float64(utf8Len(body)))
	roots.Set("json", parsed)
	roots.Set("bearer", bearer)
	roots.Set("state", s.state)
	roots.Set("data", m.Data.V)

	rule := s.match(path, method, roots)
	for _, a := range rule.Set {
		s.assign(a, roots)
	}
	return s.respond(rule, method, req, roots)
}

var bearerRE = regexp.MustCompile(`^[Bb][Ee][Aa][Rr][Ee][Rr] +([^ ]+)$`)

// unescape decodes a query component as decodeURIComponent does after
// '+' is read as a space; a malformed one stays as it is.
func unescape(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	if u, err := url.PathUnescape(s); err == nil && utf8.ValidString(u) {
		return u
	}
	return s
}

// trim is String.prototype.trim: JavaScript's white space is not quite
// Go's.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
			return true
		}
		return r >= 0x2000 && r <= 0x200a
	})
}

// match finds the rule that answers: the first route whose pattern
// matches, then its first rule that applies. The loader makes sure that
// one always does.
func (s *Server) match(path, method string, roots *Object) *Rule {
	for i := range s.m.Routes {
		rt := &s.m.Routes[i]
		params, ok := matchPath(rt.Path, path)
		if !ok {
			continue
		}
		roots.Set("param", params)
		for j := range rt.Rules {
			r := &rt.Rules[j]
			if len(r.Methods) > 0 && !contains(r.Methods, method) {
				continue
			}
			all := true
			for _, c := range r.When {
				if !truthy(eval(c, roots)) {
					all = false
					break
				}
			}
			if all {
				return r
			}
		}
	}
	return &Rule{Status: 500, Reason: "The example API has no rule for this request."}
}

// matchPath matches a path against a route pattern.
func matchPath(pattern, path string) (*Object, bool) {
	params := NewObject()
	if pattern == "*" {
		return params, true
	}
	ps, xs := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(ps) != len(xs) {
		return nil, false
	}
	for i, p := range ps {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			if xs[i] == "" {
				return nil, false
			}
			params.Set(p[1:len(p)-1], unescape(xs[i]))
		} else if p != xs[i] {
			return nil, false
		}
	}
	return params, true
}

func (s *Server) assign(a Assign, roots *Object) {
	v := eval(a.Value, roots)
	o, ok := s.state.(*Object)
	if !ok {
		return
	}
	for i, k := range a.Path {
		key := str(eval(k, roots))
		if i == len(a.Path)-1 {
			o.Set(key, v)
			return
		}
		next, _ := o.Get(key)
		n, ok := next.(*Object)
		if !ok {
			n = NewObject()
			o.Set(key, n)
		}
		o = n
	}
}

// respond writes the response of rule r.
func (s *Server) respond(r *Rule, method, req string, roots *Object) Exchange {
	code := strconv.Itoa(r.Status)
	phrase := s.m.Phrases[code]
	var body any
	if r.Body != nil {
		body = eval(r.Body, roots)
	}
	problem := false
	if body == nil && r.Status >= 400 {
		p := NewObject()
		p.Set("title", phrase)
		p.Set("status", float64(r.Status))
		if r.Detail != nil {
			if d := eval(r.Detail, roots); d != nil {
				p.Set("detail", d)
			}
		}
		body, problem = p, true
	}
	text, hasBody := "", false
	switch b := body.(type) {
	case nil:
	case string:
		text, hasBody = b, b != ""
	default:
		text, hasBody = Stringify(b, "  "), true
	}
	bodiless := r.Status < 200 || r.Status == 204 || r.Status == 304
	if bodiless {
		hasBody = false
	}

	var ctype string
	var rest []string
	for _, h := range r.Headers {
		v := eval(h.Value, roots)
		if v == nil {
			continue
		}
		if strings.EqualFold(h.Name, "Content-Type") {
			ctype = str(v)
			continue
		}
		rest = append(rest, h.Name+": "+str(v))
	}
	lines := []string{"HTTP/1.1 " + code + " " + phrase}
	if r.Status >= 200 {
		lines = append(lines, "Date: "+s.m.Date)
	}
	if hasBody {
		if ctype == "" {
			switch {
			case problem:
				ctype = "application/problem+json"
			case isText(body):
				ctype = "text/plain; charset=utf-8"
			default:
				ctype = "application/json"
			}
		}
		lines = append(lines, "Content-Type: "+ctype, "Content-Length: "+strconv.Itoa(utf8Len(text)))
	} else if !bodiless {
		if ctype != "" {
			lines = append(lines, "Content-Type: "+ctype)
		}
		lines = append(lines, "Content-Length: 0")
	}
	lines = append(lines, rest...)
	resp := strings.Join(lines, "\n")
	if hasBody && method != "HEAD" {
		resp += "\n\n" + text
	}
	return Exchange{Status: r.Status, Phrase: phrase, Reason: str(eval(r.Reason, roots)), Request: req, Response: resp, Rule: r}
}

func isText(v any) bool {
	_, ok := v.(string)
	return ok
}
