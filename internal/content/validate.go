package content

import (
	"fmt"
	"path"
	"strconv"

	"github.com/statusgen/statusgen/internal/diag"
)

// names are the pages that exist, by file name.
type names struct {
	codes []int
	slugs []string
}

// validate runs the checks that need every page: unique codes and
// references between pages.
func validate(c *Content, known names, errs *diag.List) {
	codes, slugs := known.codes, known.slugs
	for _, s := range c.Statuses {
		// A file's name is its code, so a code can only be taken twice by
		// a page whose code does not match its name: blame that page.
		own := path.Base(s.Path) == strconv.Itoa(s.Code)+".md"
		if !own && contains(codes, s.Code) {
			errs.Errorf(s.CodePos, "code: %d is already the code of %s", s.Code, path.Join(StatusDir, strconv.Itoa(s.Code)+".md"))
		}
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
			case !contains(codes, r):
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
