package site

import (
	"html"
	"net/url"
	"strings"

	"github.com/statusgen/statusgen/internal/diag"
)

// sourceLink is a link destination as written in a content file.
type sourceLink struct {
	Dest string
	Pos  diag.Pos
}

// CheckLinks reports every link written in content that does not resolve:
// site paths must name a page and, with a fragment, an id on it. Other
// schemes are limited to http, https and mailto, so that no contributor link
// can run script. Every page's Markdown must have been rendered.
func CheckLinks(s *Site) diag.List {
	var errs diag.List
	checkLinks(s, &errs)
	errs.Sort()
	return errs
}

func checkLinks(s *Site, errs *diag.List) {
	byURL := map[string]*Page{}
	for _, p := range s.Pages {
		byURL[p.URL] = p
	}
	for _, p := range s.Pages {
		var links []sourceLink
		switch {
		case p.Status != nil:
			links = p.Status.links
		case p.Concept != nil:
			links = p.Concept.links
		}
		for _, l := range links {
			if msg := checkLink(l.Dest, p, byURL); msg != "" {
				errs.Errorf(l.Pos, "link %q: %s", l.Dest, msg)
			}
		}
	}
}

func checkLink(dest string, from *Page, byURL map[string]*Page) string {
	u, err := url.Parse(dest)
	if err != nil {
		return "not a valid URL"
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		if u.Host == "" {
			return "absolute URL without a host"
		}
		return ""
	case u.Scheme == "mailto":
		return ""
	case u.Scheme != "":
		return "only http, https, mailto and site paths (/status/404/) may be linked"
	case u.Host != "":
		return "write the scheme: https://" + u.Host + u.Path
	}
	target := from
	if u.Path != "" {
		if !strings.HasPrefix(u.Path, "/") {
			return "use a path from the site root, like /status/404/"
		}
		target = byURL[u.Path]
		if target == nil && !strings.HasSuffix(u.Path, "/") {
			if byURL[u.Path+"/"] != nil {
				return "page URLs end in a slash: " + u.Path + "/"
			}
		}
		if target == nil {
			return "no page at " + u.Path
		}
	}
	if u.Fragment != "" && !target.Anchors[u.Fragment] {
		return "no heading or section #" + u.Fragment + " on " + target.URL
	}
	return ""
}

// plainText strips tags from rendered HTML, for structured data that
// wants text: entities decoded, runs of white space as one space.
func plainText(b []byte) string {
	out := make([]byte, 0, len(b))
	in, space, entity := false, false, false
	for _, c := range b {
		switch {
		case c == '<':
			in = true
		case c == '>':
			in = false
		case in:
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = len(out) > 0
		default:
			if space {
				out = append(out, ' ')
				space = false
			}
			entity = entity || c == '&'
			out = append(out, c)
		}
	}
	if !entity {
		return string(out)
	}
	return strings.Join(strings.Fields(html.UnescapeString(string(out))), " ")
}
