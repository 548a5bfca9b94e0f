package content

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/statusgen/statusgen/internal/diag"
)

// Chooser is ChooserFile: a tree of questions whose leaves are codes.
type Chooser struct {
	Summary string
	Start   string         // the id of the first question
	Nodes   []*ChooserNode // in the file's order
}

// Node returns the node with the given id, or nil.
func (c *Chooser) Node(id string) *ChooserNode {
	for _, n := range c.Nodes {
		if n.ID == id {
			return n
		}
	}
	return nil
}

// ChooserNode is a question, with answers leading to other nodes, or a
// leaf, with the code to return.
type ChooserNode struct {
	ID       string
	Question string
	Help     string // a sentence under the question
	Answers  []ChooserAnswer
	Code     int    // a leaf's code; 0 for questions
	Reason   string // why this code, in one line
	Instead  []ChooserAlt
	Pos      diag.Pos
	CodePos  diag.Pos
}

// ChooserAnswer is one answer to a question.
type ChooserAnswer struct {
	Label string
	Next  string
	Pos   diag.Pos // of next
}

// ChooserAlt is a runner-up code and why it is not the answer.
type ChooserAlt struct {
	Code int
	Why  string
	Pos  diag.Pos
}

var nodeIDRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func decodeChooser(src []byte, errs *diag.List) *Chooser {
	doc, ok := parseYAML(ChooserFile, "the chooser", src, errs)
	if !ok {
		return nil
	}
	m := newMapping(doc, doc.root, "", []string{"summary", "start", "nodes"}, errs)
	ch := &Chooser{}
	var at diag.Pos
	ch.Summary, at = m.str("summary", true)
	checkSummary(ch.Summary, at, errs)
	var startPos diag.Pos
	ch.Start, startPos = m.str("start", true)
	for i, item := range m.seq("nodes", true) {
		if item.Kind != yaml.MappingNode {
			errs.Errorf(doc.pos(item), "nodes: entry %d: want a mapping with id: and question: or code:, got %s", i+1, describe(item))
			continue
		}
		nm := newMapping(doc, item, fmt.Sprintf("nodes[%d].", i+1), []string{"id", "question", "help", "answers", "code", "reason", "instead"}, errs)
		n := &ChooserNode{Pos: doc.pos(item)}
		var idPos diag.Pos
		n.ID, idPos = nm.str("id", true)
		if n.ID != "" && !nodeIDRE.MatchString(n.ID) {
			errs.Errorf(idPos, "%s: %q: use lower-case words joined by '-', it is the page's address", nm.name("id"), n.ID)
		}
		if prev := ch.Node(n.ID); prev != nil && n.ID != "" {
			errs.Errorf(idPos, "%s: %q is already the id of the node on line %d", nm.name("id"), n.ID, prev.Pos.Line)
			continue
		}
		_, isQ := nm.values["question"]
		_, isLeaf := nm.values["code"]
		switch {
		case isQ && isLeaf:
			errs.Errorf(n.Pos, "%s: a node asks a question or gives a code, not both", strings.TrimSuffix(nm.prefix, "."))
		case isQ:
			n.Question, at = nm.str("question", true)
			checkPlain("question", n.Question, at, 160, errs)
			n.Help, at = nm.str("help", false)
			checkPlain("help", n.Help, at, 300, errs)
			for _, key := range []string{"reason", "instead"} {
				if _, ok := nm.values[key]; ok {
					errs.Errorf(nm.pos(nm.keys[key]), "%s: only a node with a code has one", nm.name(key))
				}
			}
			answers := nm.seq("answers", true)
			if v, ok := nm.values["answers"]; ok && len(answers) < 2 {
				errs.Errorf(nm.pos(v), "%s: a question needs two answers or more", nm.name("answers"))
			}
			for j, a := range answers {
				if a.Kind != yaml.MappingNode {
					errs.Errorf(doc.pos(a), "%s: entry %d: want answer: and next:, got %s", nm.name("answers"), j+1, describe(a))
					continue
				}
				am := newMapping(doc, a, fmt.Sprintf("%s[%d].", nm.name("answers"), j+1), []string{"answer", "next"}, errs)
				var ans ChooserAnswer
				ans.Label, at = am.str("answer", true)
				checkPlain("answer", ans.Label, at, 200, errs)
				ans.Next, ans.Pos = am.str("next", true)
				n.Answers = append(n.Answers, ans)
			}
		case isLeaf:
			for _, key := range []string{"help", "answers"} {
				if _, ok := nm.values[key]; ok {
					errs.Errorf(nm.pos(nm.keys[key]), "%s: only a question has one", nm.name(key))
				}
			}
			n.Code, n.CodePos, _ = nm.integer("code", true)
			n.Reason, at = nm.str("reason", true)
			checkPlain("reason", n.Reason, at, 200, errs)
			for j, a := range nm.seq("instead", true) {
				if a.Kind != yaml.MappingNode {
					errs.Errorf(doc.pos(a), "%s: entry %d: want code: and why:, got %s", nm.name("instead"), j+1, describe(a))
					continue
				}
				am := newMapping(doc, a, fmt.Sprintf("%s[%d].", nm.name("instead"), j+1), []string{"code", "why"}, errs)
				var alt ChooserAlt
				alt.Code, alt.Pos, _ = am.integer("code", true)
				alt.Why, at = am.str("why", true)
				checkPlain("why", alt.Why, at, 300, errs)
				n.Instead = append(n.Instead, alt)
			}
		default:
			errs.Errorf(n.Pos, "%s: a node needs question: (with answers:) or code: (with reason: and instead:)", strings.TrimSuffix(nm.prefix, "."))
		}
		ch.Nodes = append(ch.Nodes, n)
	}
	if ch.Start != "" && ch.Node(ch.Start) == nil {
		errs.Errorf(startPos, "start: no node has the id %q", ch.Start)
	} else if s := ch.Node(ch.Start); s != nil && s.Question == "" {
		errs.Errorf(startPos, "start: %q is a code, not a question", ch.Start)
	}
	checkTree(ch, errs)
	return ch
}

// checkTree checks that the chooser is a tree: every answer leads to a
// node, no answer leads back to a question on its way, every node is
// reached from the start by exactly one answer.
func checkTree(ch *Chooser, errs *diag.List) {
	// Walk from the start; a node met again on its own path is a cycle,
	// reported once, at the answer that leads back.
	back := map[diag.Pos]bool{}
	onPath, seen := map[string]bool{}, map[string]bool{}
	var walk func(n *ChooserNode, trail []string)
	walk = func(n *ChooserNode, trail []string) {
		seen[n.ID], onPath[n.ID] = true, true
		trail = append(trail, n.ID)
		for _, a := range n.Answers {
			next := ch.Node(a.Next)
			switch {
			case next == nil:
			case a.Next == ch.Start:
				back[a.Pos] = true
				errs.Errorf(a.Pos, "next: %q is the start: an answer cannot lead back to the first question", a.Next)
			case onPath[a.Next]:
				back[a.Pos] = true
				errs.Errorf(a.Pos, "next: %q leads back to a question on its way, so the questions never end: %s → %s", a.Next, strings.Join(trail, " → "), a.Next)
			case !seen[a.Next]:
				walk(next, trail)
			}
		}
		onPath[n.ID] = false
	}
	start := ch.Node(ch.Start)
	if start != nil {
		walk(start, nil)
	}
	from := map[string]diag.Pos{}
	for _, n := range ch.Nodes {
		for _, a := range n.Answers {
			switch {
			case a.Next == "" || back[a.Pos] || a.Next == ch.Start:
			case ch.Node(a.Next) == nil:
				msg := fmt.Sprintf("next: no node has the id %q", a.Next)
				var ids []string
				for _, x := range ch.Nodes {
					ids = append(ids, x.ID)
				}
				if s := closest(a.Next, ids); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				}
				errs.Errorf(a.Pos, "%s", msg)
			default:
				if prev, ok := from[a.Next]; ok {
					errs.Errorf(a.Pos, "next: %q is already the next node of the answer on line %d; every node has one way in, so that its page can show the answers that lead to it", a.Next, prev.Line)
					continue
				}
				from[a.Next] = a.Pos
			}
		}
	}
	for _, n := range ch.Nodes {
		if !seen[n.ID] && n.ID != "" && start != nil {
			errs.Errorf(n.Pos, "node %q cannot be reached from the start: no answer leads to it", n.ID)
		}
	}
}

// checkChooser checks the codes of the chooser's leaves against the pages.
func checkChooser(ch *Chooser, codes map[int]bool, known []int, errs *diag.List) {
	if ch == nil {
		return
	}
	unknown := func(code int, at diag.Pos, key string) {
		msg := fmt.Sprintf("%s: %d has no page in %s", key, code, StatusDir)
		if k, ok := closestCode(code, known); ok {
			msg += fmt.Sprintf(" (did you mean %d?)", k)
		}
		errs.Errorf(at, "%s", msg)
	}
	for _, n := range ch.Nodes {
		if n.Question != "" || n.Code == 0 {
			continue
		}
		if !codes[n.Code] {
			unknown(n.Code, n.CodePos, "code")
		}
		seen := map[int]bool{}
		for _, alt := range n.Instead {
			switch {
			case alt.Code == n.Code:
				errs.Errorf(alt.Pos, "instead: %d is the answer itself", alt.Code)
			case seen[alt.Code]:
				errs.Errorf(alt.Pos, "instead: %d is listed twice", alt.Code)
			case !codes[alt.Code]:
				unknown(alt.Code, alt.Pos, "instead")
			}
			seen[alt.Code] = true
		}
	}
}
