// Package corpus writes synthetic sites for benchmarks and tests: any
// number of pages shaped like the real ones (about 800 words of prose, a
// table, four fenced examples in http, js, go and json, five FAQ entries and
// four related links each), the same every time for the same size.
//
// The pages are concept pages, the kind with no limit on how many a site
// has. WriteHugo writes the same pages for Hugo, so that the two generators
// can be measured on the same work.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Page is one synthetic page, independent of the generator's format.
type Page struct {
	Slug    string
	Title   string
	Summary string
	Related []string // slugs
	FAQ     [][2]string
	Body    string // Markdown
}

// Pages returns the n pages of the corpus.
func Pages(n int) []Page {
	out := make([]Page, n)
	for i := range out {
		out[i] = page(i, n)
	}
	return out
}

func slug(i int) string { return fmt.Sprintf("page-%d", i+1) }

func page(i, n int) Page {
	r := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	p := Page{
		Slug:    slug(i),
		Title:   fmt.Sprintf("Synthetic page %d: %s", i+1, words(r, 3)),
		Summary: sentence(r, 14),
	}
	for _, d := range []int{1, 2, 3, 5} {
		if n > 1 {
			p.Related = append(p.Related, slug((i+d)%n))
		}
	}
	for q := 0; q < 5; q++ {
		p.FAQ = append(p.FAQ, [2]string{strings.TrimSuffix(sentence(r, 8), ".") + "?", paragraph(r, 3)})
	}
	var b strings.Builder
	section := func(title string, paras int) {
		fmt.Fprintf(&b, "## %s\n\n", title)
		for k := 0; k < paras; k++ {
			b.WriteString(paragraph(r, 5))
			b.WriteString("\n\n")
		}
	}
	section("What it means", 2)
	b.WriteString("```http\nGET /items/" + fmt.Sprint(i+1) + " HTTP/1.1\nHost: api.example.com\nAccept: application/json\n\nHTTP/1.1 200 OK\nContent-Type: application/json\nCache-Control: max-age=60\n```\n\n")
	section("When it applies", 2)
	b.WriteString("| Header | Direction | What it does |\n| --- | --- | --- |\n")
	for _, h := range []string{"Cache-Control", "ETag", "Retry-After", "Content-Type"} {
		fmt.Fprintf(&b, "| `%s` | Response | %s |\n", h, sentence(r, 9))
	}
	b.WriteString("\n")
	section("Details", 3)
	fmt.Fprintf(&b, "See also [%s](/concepts/%s/) and [%s](/concepts/%s/#details).\n\n", p.Related[0], p.Related[0], p.Related[1], p.Related[1])
	section("Handling it", 1)
	fmt.Fprintf(&b, "```js title=\"fetch\"\nconst res = await fetch(\"https://api.example.com/items/%d\");\nif (!res.ok) {\n  throw new Error(`request failed: ${res.status}`);\n}\nconst item = await res.json();\nconsole.log(item.name, item.tags.length);\n```\n\n", i+1)
	fmt.Fprintf(&b, "```go title=\"Go client\"\npackage main\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\ntype item struct {\n\tName string   `json:\"name\"`\n\tTags []string `json:\"tags\"`\n}\n\nfunc main() {\n\tres, err := http.Get(\"https://api.example.com/items/%d\")\n\tif err != nil {\n\t\tfmt.Println(err)\n\t\treturn\n\t}\n\tdefer res.Body.Close()\n\tvar it item\n\tif err := json.NewDecoder(res.Body).Decode(&it); err != nil {\n\t\tfmt.Println(err)\n\t\treturn\n\t}\n\tfmt.Println(it.Name, len(it.Tags))\n}\n```\n\n", i+1)
	fmt.Fprintf(&b, "```json\n{\n  \"id\": %d,\n  \"name\": \"%s\",\n  \"tags\": [\"a\", \"b\", \"c\"],\n  \"price\": 12.5,\n  \"available\": true\n}\n```\n\n", i+1, words(r, 2))
	section("Notes", 2)
	p.Body = b.String()
	return p
}

var vocabulary = strings.Fields(`request response server client cache header
status code body method resource origin proxy gateway browser connection
retry timeout content type length range redirect location token credential
session cookie policy limit quota window version entity tag validator
condition precondition representation negotiation encoding compression
stream frame priority path query fragment scheme authority host port the
a an of to in for with on at by from that which when while because before
after every each some many few most this those these send sends receive
returns rejects accepts stores reuses checks compares waits answers`)

func words(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return strings.Join(w, " ")
}

func sentence(r *rand.Rand, n int) string {
	s := words(r, n)
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func paragraph(r *rand.Rand, sentences int) string {
	s := make([]string, sentences)
	for i := range s {
		s[i] = sentence(r, 12+r.IntN(10))
	}
	return strings.Join(s, " ")
}

// Write writes the corpus as a statusgen source tree under dir: content/
// with site.yaml and n concept pages. It does not write templates/; copy the
// site's own.
func Write(dir string, n int) error {
	for _, d := range []string{"content/status", "content/concepts"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	site := "title: Synthetic\ndescription: A large generated site.\nbaseURL: https://example.com\nrepository: https://github.com/example/site\n"
	if err := os.WriteFile(filepath.Join(dir, "content/site.yaml"), []byte(site), 0o644); err != nil {
		return err
	}
	for _, p := range Pages(n) {
		if err := os.WriteFile(filepath.Join(dir, "content/concepts", p.Slug+".md"), []byte(statusgenPage(p)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func statusgenPage(p Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\nconcepts: [%s]\nfaq:\n", p.Title, p.Summary, strings.Join(p.Related, ", "))
	for _, f := range p.FAQ {
		fmt.Fprintf(&b, "  - q: %q\n    a: %q\n", f[0], f[1])
	}
	b.WriteString("---\n")
	b.WriteString(p.Body)
	return b.String()
}
