package render

import (
	"strconv"
	"strings"

	"github.com/statusgen/statusgen/internal/site"
)

// The tools' pages: the request builder and the chooser's questions and
// codes.

type builderView struct {
	ModelURL  string
	Methods   []string // the methods the form offers
	Presets   []presetOption
	Endpoints []endpointView
	Examples  []exampleView
}

type presetOption struct {
	ID    string
	Label string // "429 Too Many Requests: search a sixth time in a minute"
}

type endpointView struct {
	Path    string
	Methods string // "GET, HEAD, PUT", or "any method"
	About   string
}

// codeRef is what the tools show of a code: its number and title, linked.
// It holds no summary, so that a summary edit does not render them again.
type codeRef struct {
	Code  int
	Title string
	URL   string
	Digit int // the class, for the number's colour
}

func newCodeRef(s *site.Status) codeRef {
	return codeRef{Code: s.Code, Title: s.Title, URL: s.URL, Digit: s.Class.Digit}
}

// Name is the code and its title, e.g. "429 Too Many Requests".
func (c codeRef) Name() string { return strconv.Itoa(c.Code) + " " + c.Title }

type exampleView struct {
	Anchor string // the id of its section, which the script reads too
	ID     string
	Title  string
	Code   codeRef
	Reason string
	Before []string // the titles of the presets sent first
	// Request and Response are the messages, as text.
	Request  string
	Response string
}

// builderMethods are the methods the form offers.
var builderMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

func newBuilderView(b *site.Builder) *builderView {
	v := &builderView{ModelURL: b.ModelURL, Methods: builderMethods}
	for _, rt := range b.Model.Routes {
		if rt.Path == "*" {
			continue
		}
		var methods []string
		for _, r := range rt.Rules {
			for _, m := range r.Methods {
				if !contains(methods, m) {
					methods = append(methods, m)
				}
			}
		}
		e := endpointView{Path: rt.Path, Methods: strings.Join(methods, ", "), About: rt.About}
		if len(methods) == 0 {
			e.Methods = "any method"
		}
		v.Endpoints = append(v.Endpoints, e)
	}
	for _, ex := range b.Examples {
		card := newCodeRef(ex.Status)
		v.Presets = append(v.Presets, presetOption{ID: ex.Preset.ID, Label: card.Name() + ": " + lowerFirst(ex.Preset.Title)})
		v.Examples = append(v.Examples, exampleView{Anchor: ex.Anchor(), ID: ex.Preset.ID, Title: ex.Preset.Title, Code: card,
			Reason: ex.Exchange.Reason, Before: sentBefore(ex.Before), Request: ex.Exchange.Request, Response: ex.Exchange.Response})
	}
	return v
}

type chooserView struct {
	Start    bool
	StartURL string
	TreeURL  string
	Question string
	Help     string
	Answers  []answerView
	Trail    []stepView
	// A code's page: Code is set.
	Code    *codeRef
	Reason  string
	Instead []altView
	TryIt   string
}

type answerView struct {
	Label string
	URL   string
}

// stepView is a question on the way to a page, and the answer given.
type stepView struct {
	Question string
	URL      string
	Answer   string
}

type altView struct {
	Code codeRef
	Why  string
}

func newChooserView(s *site.Site, n *site.ChooserNode) *chooserView {
	ch := s.Chooser
	v := &chooserView{Start: n == ch.Start, StartURL: site.ChooserURL, TreeURL: ch.TreeURL,
		Question: n.Question, Help: n.Help, Reason: n.Reason, TryIt: n.TryIt}
	for _, a := range n.Answers {
		v.Answers = append(v.Answers, answerView{Label: a.Label, URL: a.Node.URL})
	}
	for _, step := range n.Trail() {
		v.Trail = append(v.Trail, stepView{Question: step.Parent.Question, URL: step.Parent.URL, Answer: step.Via})
	}
	if n.Status != nil {
		c := newCodeRef(n.Status)
		v.Code = &c
		for _, alt := range n.Instead {
			v.Instead = append(v.Instead, altView{Code: newCodeRef(alt.Status), Why: alt.Why})
		}
	}
	return v
}

// sentBefore names the presets sent first, a run of the same one once
// with how many times: "search the posts, 5 times". tools.js says it the
// same way.
func sentBefore(titles []string) []string {
	var out []string
	for i := 0; i < len(titles); {
		j := i
		for j < len(titles) && titles[j] == titles[i] {
			j++
		}
		t := lowerFirst(titles[i])
		if j-i > 1 {
			t += ", " + strconv.Itoa(j-i) + " times"
		}
		out = append(out, t)
		i = j
	}
	return out
}

func builderURL(s *site.Site) string {
	if s.Builder == nil {
		return ""
	}
	return s.Builder.URL
}

func chooserURL(s *site.Site) string {
	if s.Chooser == nil {
		return ""
	}
	return site.ChooserURL
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
