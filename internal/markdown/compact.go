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
//
// It works in place: the result shares html's array, which it overwrites.
func compact(html []byte) []byte {
	// Dropping bytes only, the write position never passes the read one.
	out := html[:0]
	pre := bytes.Index(html, []byte("<pre"))
	i := 0 // html[:i] is in out
	for {
		j := bytes.Index(html[i:], []byte(">\n"))
		if j < 0 {
			return append(out, html[i:]...)
		}
		j += i // the '>' of ">\n"
		if pre >= 0 && pre < j {
			// Inside <pre> every line break is content: copy the
			// block whole.
			end := bytes.Index(html[pre:], []byte("</pre>"))
			if end < 0 {
				return append(out, html[i:]...)
			}
			end += pre + len("</pre>")
			out = append(out, html[i:end]...)
			i = end
			if i < len(html) && html[i] == '\n' {
				i++ // </pre> ends a block too
			}
			if next := bytes.Index(html[i:], []byte("<pre")); next >= 0 {
				pre = i + next
			} else {
				pre = -1
			}
			continue
		}
		out = append(out, html[i:j+1]...)
		i = j + 1
		// The tag is the end of out (html before i may be overwritten).
		if k := bytes.LastIndexByte(out[:len(out)-1], '<'); k >= 0 {
			if name, _ := tagName(out[k+1 : len(out)-1]); blockTags[string(name)] {
				i++ // skip the line break
			}
		}
	}
}

// tagName returns the name of the tag whose text (between < and >) is t,
// and whether it is a closing tag. goldmark writes names in lower case.
func tagName(t []byte) ([]byte, bool) {
	closing := len(t) > 0 && t[0] == '/'
	if closing {
		t = t[1:]
	}
	end := bytes.IndexAny(t, " \t\n/")
	if end < 0 {
		end = len(t)
	}
	return t[:end], closing
}
