package render

import (
	"fmt"
	"strings"

	"github.com/statusgen/statusgen/internal/output"
	"github.com/statusgen/statusgen/internal/site"
)

// addLLMs writes /llms.txt, the site's map for language models in the
// llms.txt convention (llmstxt.org): an H1 with the site's name, a
// blockquote summary, notes, then H2 sections listing every page as a link
// to its Markdown twin with its summary, and an "Optional" section a
// client short of context may skip. /llms-full.txt is the same header
// followed by every twin in full.
func addLLMs(files *output.Files, s *site.Site, twins [][]byte) {
	base := s.Config.BaseURL
	var head strings.Builder
	fmt.Fprintf(&head, "# %s\n\n> %s\n\n", text(s.Config.Title), text(oneLine(s.Config.Description)))
	fmt.Fprintf(&head, "Each page is a status code or a concept, written from the RFCs and the IANA HTTP Status Code Registry. "+
		"The links below are the pages as Markdown; each web page is at the same address without index.md. "+
		"The same facts are JSON at %s%s, one code at %s/api/codes/NNN.json, documented at %s%s.\n\n",
		base, site.CodesJSON, base, base, site.APIURL)
	header := head.String()

	var b strings.Builder
	b.WriteString(header)
	for _, c := range s.Classes {
		fmt.Fprintf(&b, "## %s %s\n\n", c.Name, c.Title)
		for _, st := range c.Members {
			fmt.Fprintf(&b, "- [%s](%s): %s", label(st.Name()), base+site.MarkdownURL(st.URL), text(st.Summary))
			if !st.Registered {
				fmt.Fprintf(&b, " (Unofficial, used by %s.)", text(st.Source))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(s.Concepts) > 0 {
		b.WriteString("## Concepts\n\n")
		for _, cp := range s.Concepts {
			fmt.Fprintf(&b, "- [%s](%s): %s\n", label(cp.Title), base+site.MarkdownURL(cp.URL), text(cp.Summary))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Optional\n\n")
	fmt.Fprintf(&b, "- [Every page in one file](%s%s): all the pages above in full, concatenated\n", base, site.LLMsFullURL)
	fmt.Fprintf(&b, "- [JSON API](%s%s): every code as JSON, with its names in popular libraries, and the JSON Schemas\n", base, site.APIURL)
	files.Add(strings.TrimPrefix(site.LLMsURL, "/"), []byte(b.String()))

	full := []byte(header)
	for _, t := range twins {
		full = append(full, "---\n\n"...)
		full = append(full, t...)
		full = append(full, '\n')
	}
	files.Add(strings.TrimPrefix(site.LLMsFullURL, "/"), full[:len(full)-1])
}
