package site

import (
	"strconv"

	"github.com/statusgen/statusgen/internal/content"
)

// Builder is the request builder page: the example API's model and the
// presets with the exchanges they get.
type Builder struct {
	*content.Builder
	URL string
	// ModelURL is where the compiled model is published, for the page's
	// script.
	ModelURL string
	Examples []Example
}

// Example is a preset, what it gets and the page of its code.
type Example struct {
	content.Example
	Status *Status
	// Before are the titles of the presets sent first, in order.
	Before []string
}

// Anchor is the id of the example on the builder page.
func (e Example) Anchor() string { return PresetAnchor(e.Preset.ID) }

// PresetAnchor is the id of a preset's example on the builder page, which
// the page's script also reads from the address to load the preset.
func PresetAnchor(id string) string { return "preset-" + id }

// Chooser is the status code chooser: a page per node of its tree.
type Chooser struct {
	*content.Chooser
	Start *ChooserNode
	Nodes []*ChooserNode // in the file's order
	// TreeURL is where the tree is published as JSON.
	TreeURL string
}

// ChooserNode is one page of the chooser: a question or a code.
type ChooserNode struct {
	*content.ChooserNode
	URL     string
	Parent  *ChooserNode // nil for the start
	Via     string       // the parent's answer that leads here
	Answers []ChooserAnswer
	Status  *Status // a leaf's code page
	Instead []ChooserAlt
	TryIt   string // the request builder's preset for a leaf's code, or ""
}

// ChooserAnswer is an answer and the node it leads to.
type ChooserAnswer struct {
	Label string
	Node  *ChooserNode
}

// ChooserAlt is a runner-up code and why not.
type ChooserAlt struct {
	Status *Status
	Why    string
}

// Trail returns the questions and answers that lead to n, from the start.
func (n *ChooserNode) Trail() []*ChooserNode {
	var out []*ChooserNode
	for p := n; p.Parent != nil; p = p.Parent {
		out = append([]*ChooserNode{p}, out...)
	}
	return out
}

// Title is what a node's page is called: its question, or "Return" and
// its code.
func (n *ChooserNode) Title() string {
	if n.Status != nil {
		return "Return " + n.Status.Name()
	}
	return n.Question
}

func buildTools(s *Site, c *content.Content, byCode map[int]*Status) {
	if b := c.Builder; b != nil {
		sb := &Builder{Builder: b, URL: BuilderURL, ModelURL: BuilderURL + "model.json"}
		titles := map[string]string{}
		for _, p := range b.Model.Presets {
			titles[p.ID] = p.Title
		}
		for _, ex := range b.Examples {
			e := Example{Example: ex, Status: byCode[ex.Exchange.Status]}
			for _, id := range ex.Preset.Before {
				e.Before = append(e.Before, titles[id])
			}
			sb.Examples = append(sb.Examples, e)
		}
		for _, st := range s.Statuses {
			if b.Model.Preset(strconv.Itoa(st.Code)) != nil {
				st.TryIt = BuilderURL + "#" + PresetAnchor(strconv.Itoa(st.Code))
			}
		}
		s.Builder = sb
	}
	if ch := c.Chooser; ch != nil {
		sc := &Chooser{Chooser: ch, TreeURL: ChooserURL + "tree.json"}
		byID := map[string]*ChooserNode{}
		for _, n := range ch.Nodes {
			url := ChooserURL + n.ID + "/"
			if n.ID == ch.Start {
				url = ChooserURL
			}
			node := &ChooserNode{ChooserNode: n, URL: url}
			if n.Question == "" {
				node.Status = byCode[n.Code]
				if node.Status != nil {
					node.TryIt = node.Status.TryIt
				}
				for _, alt := range n.Instead {
					node.Instead = append(node.Instead, ChooserAlt{Status: byCode[alt.Code], Why: alt.Why})
				}
			}
			byID[n.ID] = node
			sc.Nodes = append(sc.Nodes, node)
		}
		for _, node := range sc.Nodes {
			for _, a := range node.ChooserNode.Answers {
				next := byID[a.Next]
				node.Answers = append(node.Answers, ChooserAnswer{Label: a.Label, Node: next})
				next.Parent, next.Via = node, a.Label
			}
		}
		sc.Start = byID[ch.Start]
		s.Chooser = sc
	}
}
