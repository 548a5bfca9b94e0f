package markdown

import "bytes"

// blockTags are the elements after whose tags a line break is never
// content: goldmark ends each with "\n", which a browser ignores.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "hr": true, "div": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"pre": true, "section": true, "aside": true, "dl": true, "dt": true, "dd": true,
}

// compact drops the line breaks goldmark writes after block-level tags.
// Pages are minified, but rendered Markdown is spliced in after
// minification, so this is what keeps it as small. Line breaks inside <pre>
// and between inline elements, where they are a space, stay.
func compact(html []byte) []byte {
	out := make([]byte, 0, len(html))
	inPre := 0
	last := 0 // start of the tag that ends at the current '>'
	for i := 0; i < len(html); i++ {
		c := html[i]
		switch c {
		case '<':
			last = i
		case '>':
			name, closing := tagName(html[last+1 : i])
			if name == "pre" {
				if closing {
					inPre = max(inPre-1, 0)
				} else {
					inPre++
				}
			}
			out = append(out, c)
			if inPre == 0 && blockTags[name] && i+1 < len(html) && html[i+1] == '\n' {
				i++ // skip the line break
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

// tagName returns the lower-case name of the tag whose text (between < and
// >) is t, and whether it is a closing tag.
func tagName(t []byte) (string, bool) {
	closing := len(t) > 0 && t[0] == '/'
	if closing {
		t = t[1:]
	}
	end := bytes.IndexAny(t, " \t\n/")
	if end < 0 {
		end = len(t)
	}
	name := t[:end]
	if len(name) > 10 {
		return "", closing
	}
	return string(bytes.ToLower(name)), closing
}
