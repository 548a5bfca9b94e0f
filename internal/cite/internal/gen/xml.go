package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// node is a <section> or <references> element of an xml2rfc document, with
// only what numbering needs.
type node struct {
	refs     bool   // <references>
	title    string // title attribute (v2) or <name> (v3)
	pn       string // v3 prepared number, e.g. "section-15.5.5"; "" if not prepared
	unnumbed bool   // numbered="false", or removeInRFC="true"
	children []*node
}

// parseXML reads an xml2rfc document, v2 or v3, and numbers its sections
// as xml2rfc does: <middle> sections 1, 2, ...; then in <back> the
// references, numbered on from the last middle section, and the appendices
// A, B, ... A prepared v3 document carries the numbers itself (pn), and
// they are used as they are.
func parseXML(b []byte) (doc, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	var out doc
	middle, back := &node{}, &node{}
	var stack []*node // open sections, under the part being read
	var at []int      // element depth of each open section
	var part *node
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case name == "rfc":
				readRFCAttrs(t, &out)
			case name == "title" && part == nil && out.title == "":
				out.title = squash(innerText(d))
				continue // innerText consumed the element
			case name == "middle":
				part, stack, at = middle, []*node{middle}, []int{depth + 1}
			case name == "back":
				part, stack, at = back, []*node{back}, []int{depth + 1}
			case (name == "section" || name == "references") && part != nil:
				n := newNode(t)
				top := stack[len(stack)-1]
				top.children = append(top.children, n)
				stack, at = append(stack, n), append(at, depth+1)
			case name == "name" && len(stack) > 1 && at[len(at)-1] == depth:
				// The section's own <name>, not a figure's or a table's.
				stack[len(stack)-1].title = squash(innerText(d))
				continue
			}
			depth++
		case xml.EndElement:
			if len(at) > 0 && at[len(at)-1] == depth {
				stack, at = stack[:len(stack)-1], at[:len(at)-1]
				if len(stack) == 0 {
					part = nil
				}
			}
			depth--
		}
	}
	secs, err := number(middle, back)
	out.sections = secs
	return out, err
}

func readRFCAttrs(t xml.StartElement, out *doc) {
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "number":
			out.number, _ = strconv.Atoi(strings.TrimSpace(a.Value))
		case "obsoletes":
			out.obsoletes = []int{}
			for _, f := range strings.FieldsFunc(a.Value, func(r rune) bool { return r == ',' || r == ' ' }) {
				if n, err := strconv.Atoi(strings.TrimPrefix(f, "RFC")); err == nil {
					out.obsoletes = append(out.obsoletes, n)
				}
			}
		}
	}
}

func newNode(t xml.StartElement) *node {
	n := &node{refs: t.Name.Local == "references"}
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "title":
			n.title = squash(a.Value)
		case "pn":
			n.pn = a.Value
		case "numbered":
			n.unnumbed = n.unnumbed || a.Value == "false" || a.Value == "no"
		case "removeInRFC":
			n.unnumbed = n.unnumbed || a.Value == "true"
		}
	}
	return n
}

// innerText returns the character data of the element just started,
// markup such as <tt> dropped, and consumes the element.
func innerText(d *xml.Decoder) string {
	var sb strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			sb.Write(t)
		}
	}
	return sb.String()
}

// number gives each numbered section its number, depth first.
func number(middle, back *node) ([]section, error) {
	if prepared(middle) {
		var out []section
		err := walkPrepared(append(append([]*node(nil), middle.children...), back.children...), &out)
		return out, err
	}
	var out []section
	top := 0
	for _, n := range middle.children {
		if n.unnumbed {
			continue
		}
		top++
		walk(n, strconv.Itoa(top), &out)
	}
	// A v2 document with more than one <references> gets one "References"
	// section holding them all, as xml2rfc renders it.
	var refs []*node
	for _, n := range back.children {
		if n.refs && !n.unnumbed {
			refs = append(refs, n)
		}
	}
	switch {
	case len(refs) == 1:
		top++
		walk(refs[0], strconv.Itoa(top), &out)
	case len(refs) > 1:
		top++
		walk(&node{title: "References", children: refs}, strconv.Itoa(top), &out)
	}
	app := 0
	for _, n := range back.children {
		if n.refs || n.unnumbed {
			continue
		}
		app++
		if app > 26 {
			return out, fmt.Errorf("more than 26 appendices")
		}
		walk(n, string(rune('A'+app-1)), &out)
	}
	return out, nil
}

func walk(n *node, num string, out *[]section) {
	title := n.title
	if title == "" && n.refs {
		title = "References"
	}
	*out = append(*out, section{num, title})
	k := 0
	for _, c := range n.children {
		if c.unnumbed {
			continue
		}
		k++
		walk(c, num+"."+strconv.Itoa(k), out)
	}
}

// prepared reports whether the document is a prepared v3 document, whose
// sections carry their numbers.
func prepared(middle *node) bool {
	return len(middle.children) > 0 && middle.children[0].pn != ""
}

var pnRE = regexp.MustCompile(`^section-(?:([0-9]+(?:\.[0-9]+)*)|appendix\.([a-z](?:\.[0-9]+)*))$`)

func walkPrepared(nodes []*node, out *[]section) error {
	for _, n := range nodes {
		if n.unnumbed {
			continue
		}
		m := pnRE.FindStringSubmatch(n.pn)
		if m == nil {
			return fmt.Errorf("section %q has an unexpected pn %q", n.title, n.pn)
		}
		num := m[1]
		if m[2] != "" {
			num = strings.ToUpper(m[2][:1]) + m[2][1:]
		}
		title := n.title
		if title == "" && n.refs {
			title = "References"
		}
		*out = append(*out, section{num, title})
		if err := walkPrepared(n.children, out); err != nil {
			return err
		}
	}
	return nil
}

// charsetReader lets the decoder read the US-ASCII and Latin-1 documents
// some older sources declare.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "us-ascii", "ascii":
		return r, nil
	case "iso-8859-1", "latin1":
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		runes := make([]rune, len(b))
		for i, c := range b {
			runes[i] = rune(c)
		}
		return strings.NewReader(string(runes)), nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", label)
}
