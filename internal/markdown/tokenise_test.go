package markdown

import "github.com/alecthomas/chroma/v2"

// tokenise tokenizes code in lang with the fast tokenizer for lang, or
// with chroma's lexer if there is none.
func tokenise(lang string, code []byte) (chroma.Iterator, error) {
	if l, ok := languages[lang]; ok {
		if tokenize := fastTokenizer(l.lexer); tokenize != nil {
			return chroma.Literator(tokenize(normalizeNewlines(string(code)))...), nil
		}
	}
	return chromaTokenise(lang, code)
}
