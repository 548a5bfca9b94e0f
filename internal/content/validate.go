package content

import (
	"fmt"
	"path"
	"strconv"
	"strings"

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
	codeSet := make(map[int]bool, len(codes))
	for _, c := range codes {
		codeSet[c] = true
	}
	checkConstants(c.Constants, codeSet, errs)
	// Without any page (the status directory is missing or unreadable,
	// which is reported), every code the tools name would be an error too.
	if len(codes) > 0 {
		checkChooser(c.Chooser, codeSet, codes, errs)
	}
	slugSet := make(map[string]bool, len(slugs))
	for _, s := range slugs {
		slugSet[s] = true
	}
	for _, s := range c.Statuses {
		// A file's name is its code, so a code can only be taken twice by
		// a page whose code does not match its name: blame that page.
		own := path.Base(s.Path) == strconv.Itoa(s.Code)+".md"
		if !own && codeSet[s.Code] {
			errs.Errorf(s.CodePos, "code: %d is already the code of %s", s.Code, path.Join(StatusDir, strconv.Itoa(s.Code)+".md"))
		}
	}

	for _, s := range c.Statuses {
		// The page is the code its file is named by, even when the code
		// written in it is wrong: that mistake is reported once, above.
		self, _ := strconv.Atoi(strings.TrimSuffix(path.Base(s.Path), ".md"))
		seen := map[int]bool{}
		for i, r := range s.Related {
			pos := s.RelatedPos[i]
			switch {
			case r == self:
				errs.Errorf(pos, "related: a page cannot list itself")
			case seen[r]:
				errs.Errorf(pos, "related: %d is listed twice", r)
			case !codeSet[r]:
				msg := fmt.Sprintf("related: unknown status code %d", r)
				if k, ok := closestCode(r, codes); ok {
					msg += fmt.Sprintf(" (did you mean %d?)", k)
				}
				errs.Errorf(pos, "%s", msg)
			}
			seen[r] = true
		}
		checkConceptRefs(s.Concepts, s.ConceptsPos, "", slugs, slugSet, errs)
	}
	for _, p := range c.Concepts {
		checkConceptRefs(p.Concepts, p.ConceptsPos, p.Slug, slugs, slugSet, errs)
	}
	// Last: it runs the presets, which only makes sense on a valid model.
	if len(codes) > 0 {
		checkBuilder(c, codeSet, errs)
	}
}

func checkConceptRefs(refs []string, pos []diag.Pos, self string, slugs []string, slugSet map[string]bool, errs *diag.List) {
	seen := map[string]bool{}
	for i, r := range refs {
		switch {
		case r == self:
			errs.Errorf(pos[i], "concepts: a page cannot list itself")
		case seen[r]:
			errs.Errorf(pos[i], "concepts: %q is listed twice", r)
		case !slugSet[r]:
			msg := fmt.Sprintf("concepts: unknown concept %q", r)
			if s := closest(r, slugs); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			errs.Errorf(pos[i], "%s", msg)
		}
		seen[r] = true
	}
}
