package render

import (
	"fmt"
	"strings"

	"github.com/statusgen/statusgen/internal/markdown"
	"github.com/statusgen/statusgen/internal/site"
)

// Markdown twins: every status code and concept page is also published as
// clean Markdown beside its index.html, for tools and AI assistants: the
// title, the TL;DR, the facts the page shows around the body, the body as
// its contributor wrote it, the FAQ and the related pages, every link
// absolute. The HTML page links to its twin with <link rel="alternate">.

// twin builds one Markdown document.
type twin struct {
	strings.Builder
	base string // the site's base URL
	page string // the page's URL, for its own #fragments
}

func (w *twin) para(format string, args ...any) {
	fmt.Fprintf(w, format, args...)
	w.WriteString("\n\n")
}

// abs makes a link written in content absolute: site paths and the page's
// own #fragments. Other links are left as written.
func (w *twin) abs(dest string) string {
	switch {
	case strings.HasPrefix(dest, "/"):
		return w.base + dest
	case strings.HasPrefix(dest, "#"):
		return w.base + w.page + dest
	}
	return dest
}

// markdown writes Markdown written by a contributor, with its links made
// absolute and its raw HTML escaped, as the site shows it.
func (w *twin) markdown(src []byte, doc *markdown.Document) {
	b := markdown.Clean(src, doc, w.abs)
	w.WriteString(strings.TrimSpace(string(b)))
	w.WriteString("\n\n")
}

func (w *twin) faq(fs []site.FAQ, answers func(i int) string) {
	if len(fs) == 0 {
		return
	}
	w.para("## Frequently asked questions")
	for i, f := range fs {
		w.para("### %s", text(f.Q))
		w.markdown([]byte(answers(i)), f.Doc)
	}
}

func (w *twin) bytes() []byte {
	return []byte(strings.TrimRight(w.String(), "\n") + "\n")
}

func statusTwin(s *site.Site, st *site.Status) []byte {
	w := &twin{base: s.Config.BaseURL, page: st.URL}
	w.para("# %s", text(st.Name()))
	w.para("> **TL;DR** %s", text(st.Summary))
	var facts []string
	facts = append(facts, fmt.Sprintf("Web page: %s", w.abs(st.URL)))
	facts = append(facts, fmt.Sprintf("Class: [%s %s](%s)", st.Class.Name, st.Class.Title, w.abs(st.Class.URL)))
	facts = append(facts, fmt.Sprintf("Defined in: [%s](%s)", label(st.Spec.Name), st.Spec.URL))
	if !st.Registered {
		facts = append(facts, fmt.Sprintf("Unofficial: used by %s; not in the IANA HTTP Status Code Registry", text(st.Source)))
	}
	if st.Deprecated {
		facts = append(facts, "Deprecated")
	}
	if len(st.Aka) > 0 {
		facts = append(facts, "Also known as: "+text(quoteAll(st.Aka)))
	}
	facts = append(facts, fmt.Sprintf("JSON: %s", w.abs(site.CodeJSONURL(st.Code))))
	w.para("- %s", strings.Join(facts, "\n- "))
	if st.Visitor != "" {
		w.para("## Seeing this on a website?")
		w.para("%s", text(st.Visitor))
	}
	w.markdown(st.BodySource(), st.Doc)
	if cs := constantViews(s, st.Constants); len(cs) > 0 {
		w.para("## In your language")
		w.WriteString("| Library | Language | Name |\n| --- | --- | --- |\n")
		for _, c := range cs {
			fmt.Fprintf(w, "| [%s](%s) | %s | %s |\n", cell(label(c.Library)), c.SourceURL, cell(text(c.Language)), constantCell(c.constantName, c.Aliases))
		}
		w.WriteString("\n")
	}
	statusList(w, "Related status codes", st.Related)
	conceptList(w, "Related concepts", st.Concepts)
	w.faq(st.FAQ, func(i int) string { return st.Status.FAQ[i].A })
	return w.bytes()
}

func conceptTwin(s *site.Site, cp *site.Concept) []byte {
	w := &twin{base: s.Config.BaseURL, page: cp.URL}
	w.para("# %s", text(cp.Title))
	w.para("> **TL;DR** %s", text(cp.Summary))
	w.para("- Web page: %s", w.abs(cp.URL))
	w.markdown(cp.BodySource(), cp.Doc)
	statusList(w, "Status codes where "+text(strings.ToLower(cp.Title))+" matters", cp.Statuses)
	conceptList(w, "Related concepts", cp.Related)
	w.faq(cp.FAQ, func(i int) string { return cp.Concept.FAQ[i].A })
	return w.bytes()
}

// statusList writes a section listing codes with their summaries; title is
// Markdown, already escaped.
func statusList(w *twin, title string, ss []*site.Status) {
	if len(ss) == 0 {
		return
	}
	w.para("## %s", title)
	for _, s := range ss {
		fmt.Fprintf(w, "- [%s](%s): %s\n", label(s.Name()), w.abs(s.URL), text(s.Summary))
	}
	w.WriteString("\n")
}

func conceptList(w *twin, title string, cs []*site.Concept) {
	if len(cs) == 0 {
		return
	}
	w.para("## %s", title)
	for _, c := range cs {
		fmt.Fprintf(w, "- [%s](%s): %s\n", label(c.Title), w.abs(c.URL), text(c.Summary))
	}
	w.WriteString("\n")
}

// constantCell writes a library's names for a code in one table cell.
func constantCell(primary constantName, aliases []constantName) string {
	one := func(n constantName) string {
		s := "`" + n.Expression + "`"
		var notes []string
		if n.Deprecated {
			notes = append(notes, "deprecated")
		}
		if n.Note != "" {
			notes = append(notes, text(n.Note))
		}
		if len(notes) > 0 {
			s += " (" + strings.Join(notes, "; ") + ")"
		}
		return s
	}
	out := one(primary)
	for _, a := range aliases {
		out += "; also " + one(a)
	}
	return cell(out)
}

// text writes plain text, such as a summary, as Markdown: a "<" could start
// raw HTML, which the site never shows as markup.
func text(s string) string { return strings.ReplaceAll(s, "<", "&lt;") }

// label writes plain text as the text of a link.
func label(s string) string { return labelEscaper.Replace(s) }

var labelEscaper = strings.NewReplacer("<", "&lt;", "[", `\[`, "]", `\]`)

// cell escapes the one character that ends a table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func quoteAll(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = `"` + s + `"`
	}
	return strings.Join(q, ", ")
}
