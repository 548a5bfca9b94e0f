package markdown

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark/util"
)

// writeTokens writes tokens as chroma's HTML formatter does when it writes
// classes and no surrounding <pre> (see formatter), byte for byte
// (TestWriteTokens_MatchesChroma), without the formatter's fmt.Sprintf and
// escaping allocation for every token: formatting was most of the cost of
// highlighting once the fast tokenizers took over lexing.
//
// Like chroma, it splits tokens at line breaks, so that every span ends at
// the end of a line, and drops a final empty token alone on its line.
func writeTokens(w util.BufWriter, tokens []chroma.Token) {
	atLineStart := true
	for i, t := range tokens {
		if t.Value == "" && i == len(tokens)-1 && atLineStart {
			break
		}
		cls := classOf(t.Type)
		v := t.Value
		for {
			piece := v
			nl := strings.IndexByte(v, '\n')
			if nl >= 0 {
				piece = v[:nl+1]
			}
			if cls != "" {
				_, _ = w.WriteString(`<span class="`)
				_, _ = w.WriteString(cls)
				_, _ = w.WriteString(`">`)
				writeEscaped(w, piece)
				_, _ = w.WriteString(`</span>`)
			} else {
				writeEscaped(w, piece)
			}
			if nl < 0 {
				atLineStart = piece == ""
				break
			}
			v = v[nl+1:]
			atLineStart = true
			if v == "" {
				break
			}
		}
	}
}

// writeEscaped escapes s as html.EscapeString does.
func writeEscaped(w util.BufWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		_, _ = w.WriteString(s[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.WriteString(s[last:])
}

var classes sync.Map // chroma.TokenType -> string

// classOf is the CSS class chroma's formatter gives a token type: that of
// the type or of its nearest ancestor in chroma.StandardTypes.
func classOf(t chroma.TokenType) string {
	if c, ok := classes.Load(t); ok {
		return c.(string)
	}
	c := ""
	for u := t; ; u = u.Parent() {
		if cls, ok := chroma.StandardTypes[u]; ok {
			c = cls
			break
		}
		if u == 0 {
			break
		}
	}
	classes.Store(t, c)
	return c
}
