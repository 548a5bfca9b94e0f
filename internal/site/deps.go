package site

// Deps returns what page p shows that comes from content, by identity: the
// content of the page itself (nil for generated pages) and that of every
// page whose card it shows. A content loader hands back the same value for
// a file that did not change, so an incremental build can tell that a page
// whose dependencies are all the same objects as last time renders to the
// same bytes, without rendering it. Everything site-wide (settings, the set
// of pages, templates) is the caller's to compare.
//
// The render package's tests check that every card a page's view shows is
// among these.
func (p *Page) Deps() (own any, deps []any) {
	addStatuses := func(ss []*Status) {
		for _, s := range ss {
			deps = append(deps, s.Status)
		}
	}
	addConcepts := func(cs []*Concept) {
		for _, c := range cs {
			deps = append(deps, c.Concept)
		}
	}
	switch {
	case p.Status != nil:
		st := p.Status
		own = st.Status
		addStatuses(st.Related)
		addConcepts(st.Concepts)
		for _, n := range []*Status{st.Prev, st.Next} {
			if n != nil {
				deps = append(deps, n.Status)
			}
		}
	case p.Concept != nil:
		cp := p.Concept
		own = cp.Concept
		addStatuses(cp.Statuses)
		addConcepts(cp.Related)
	case p.Class != nil:
		addStatuses(p.Class.Members)
	case p.Home != nil:
		for _, c := range p.Home.Classes {
			addStatuses(c.Members)
		}
		addConcepts(p.Home.Concepts)
	case p.Builder != nil:
		// The loader hands out a new Builder on every build, because
		// its examples are run again against the pages' titles, so this
		// page is always compared by its view, never taken as unchanged.
		own = p.Builder.Builder
		for _, e := range p.Builder.Examples {
			if e.Status != nil {
				deps = append(deps, e.Status.Status)
			}
		}
	case p.Chooser != nil:
		own = p.Chooser.ChooserNode
		for _, n := range p.Chooser.Trail() {
			deps = append(deps, n.ChooserNode)
		}
		if p.Chooser.Status != nil {
			deps = append(deps, p.Chooser.Status.Status)
		}
		for _, alt := range p.Chooser.Instead {
			deps = append(deps, alt.Status.Status)
		}
	case p.API != nil && p.API.Example != nil:
		// The example's document names its related codes and concepts.
		ex := p.API.Example
		deps = append(deps, ex.Status)
		addStatuses(ex.Related)
		addConcepts(ex.Concepts)
	}
	return own, deps
}

// Adopt gives page p, of this build, the rendered Markdown of prev, the
// same page of the previous build, whose content was the same object: the
// documents, FAQ answers, links and anchors RenderMarkdown would have made
// again.
func (s *Site) Adopt(p, prev *Page) {
	switch {
	case p.Status != nil && prev.Status != nil:
		p.Status.Doc, p.Status.FAQ, p.Status.links, p.Status.body = prev.Status.Doc, prev.Status.FAQ, prev.Status.links, prev.Status.body
	case p.Concept != nil && prev.Concept != nil:
		p.Concept.Doc, p.Concept.FAQ, p.Concept.links, p.Concept.body = prev.Concept.Doc, prev.Concept.FAQ, prev.Concept.links, prev.Concept.body
	}
	p.Anchors = prev.Anchors
}
