package content

import (
	"fmt"

	"github.com/statusgen/statusgen/internal/diag"
)

// validate runs the checks that need every page: unique codes and
// references between pages.
func validate(c *Content, errs *diag.List) {
	codes := make([]int, 0, len(c.Statuses))
	first := map[int]*Status{}
	for _, s := range c.Statuses {
		if prev, dup := first[s.Code]; dup {
			errs.Errorf(s.CodePos, "code: %d is already the code of %s", s.Code, prev.Path)
			continue
		}
		first[s.Code] = s
		codes = append(codes, s.Code)
	}
	slugs := make([]string, 0, len(c.Concepts))
	for _, p := range c.Concepts {
		slugs = append(slugs, p.Slug)
	}

	for _, s := range c.Statuses {
		seen := map[int]bool{}
		for i, r := range s.Related {
			pos := s.RelatedPos[i]
			switch {
			case r == s.Code:
				errs.Errorf(pos, "related: a page cannot list itself")
			case seen[r]:
				errs.Errorf(pos, "related: %d is listed twice", r)
			case first[r] == nil:
				msg := fmt.Sprintf("related: unknown status code %d", r)
				if k, ok := closestCode(r, codes); ok {
					msg += fmt.Sprintf(" (did you mean %d?)", k)
				}
				errs.Errorf(pos, "%s", msg)
			}
			seen[r] = true
		}
		checkConceptRefs(s.Concepts, s.ConceptsPos, "", slugs, errs)
	}
	for _, p := range c.Concepts {
		checkConceptRefs(p.Concepts, p.ConceptsPos, p.Slug, slugs, errs)
	}
}

func checkConceptRefs(refs []string, pos []diag.Pos, self string, slugs []string, errs *diag.List) {
	seen := map[string]bool{}
	for i, r := range refs {
		switch {
		case r == self:
			errs.Errorf(pos[i], "concepts: a page cannot list itself")
		case seen[r]:
			errs.Errorf(pos[i], "concepts: %q is listed twice", r)
		case !contains(slugs, r):
			msg := fmt.Sprintf("concepts: unknown concept %q", r)
			if s := closest(r, slugs); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			errs.Errorf(pos[i], "%s", msg)
		}
		seen[r] = true
	}
}
