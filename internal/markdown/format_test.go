package markdown

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// chromaFormat is what chroma's own formatter writes for tokens.
func chromaFormat(t testing.TB, tokens []chroma.Token) string {
	var buf bytes.Buffer
	if err := formatter.Format(&buf, styles.Get(LightStyle), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func ourFormat(tokens []chroma.Token) string {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	writeTokens(w, tokens)
	_ = w.Flush()
	return buf.String()
}

func TestWriteTokens_MatchesChroma(t *testing.T) {
	fences := contentFences(t)
	n := 0
	for _, f := range fences {
		for _, path := range []string{"fast", "chroma"} {
			var it chroma.Iterator
			var err error
			if path == "fast" {
				it, err = tokenise(f.Lang, f.Code)
			} else {
				it, err = chromaTokenise(f.Lang, f.Code)
			}
			if err != nil {
				t.Fatal(err)
			}
			tokens := it.Tokens()
			if want, got := chromaFormat(t, tokens), ourFormat(tokens); got != want {
				t.Fatalf("%s fence (%s tokens) at line %d:\n got: %.300q\nwant: %.300q", f.Lang, path, f.Line, got, want)
			}
			n++
		}
	}
	edge := [][]chroma.Token{
		nil,
		{{Type: chroma.Text, Value: ""}},
		{{Type: chroma.Keyword, Value: "a\n"}, {Type: chroma.Text, Value: ""}},
		{{Type: chroma.LiteralString, Value: "\"<&>'\"\n\nx"}, {Type: chroma.Keyword, Value: ""}, {Type: chroma.Comment, Value: "\n"}},
		{{Type: chroma.Error, Value: "x"}, {Type: chroma.TokenType(999999), Value: "unknown type"}},
		{{Type: chroma.NameBuiltinPseudo, Value: "\n\n\n"}},
	}
	for _, tokens := range edge {
		if want, got := chromaFormat(t, tokens), ourFormat(tokens); got != want {
			t.Errorf("%q:\n got: %q\nwant: %q", tokens, got, want)
		}
	}
	t.Logf("%d fences formatted as chroma formats them", n)
}
