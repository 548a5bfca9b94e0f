package check

import (
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/markdown"
)

func TestCheckContentLength(t *testing.T) {
	tests := []struct {
		name string
		code string
		want string // "" for no warning
	}{
		{"right, no final newline", "HTTP/1.1 200 OK\nContent-Length: 11\n\n{\"a\": true}", ""},
		{"right, final newline", "HTTP/1.1 200 OK\nContent-Length: 12\n\n{\"a\": true}", ""},
		{"multi-line body", "HTTP/1.1 200 OK\nContent-Length: 9\n\n{\n  \"a\"\n}", ""},
		{"wrong", "HTTP/1.1 200 OK\nContent-Length: 40\n\n{\"a\": true}", "example.md:3:1: warning: example: Content-Length: 40, but the body shown is 11 bytes (12 with a final line feed)"},
		{"request body", "POST /x HTTP/1.1\nHost: example.com\nContent-Length: 3\n\nabcd\n\nHTTP/1.1 204 No Content", "example.md:4:1: warning: example: Content-Length: 3, but the body shown is 4 bytes (5 with a final line feed)"},
		{"second message", "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok\n\nHTTP/1.1 404 Not Found\nContent-Length: 99\n\nnope", "example.md:11:1: warning: example: Content-Length: 99"},
		{"HEAD shows no body", "HEAD / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Length: 5000\n", ""},
		{"elided body", "HTTP/1.1 200 OK\nContent-Length: 5000\n\n<!doctype html>\n...", ""},
		{"chunked", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nContent-Length: 1\n\n5\nhello\n0", ""},
		{"interim then final", "HTTP/1.1 100 Continue\n\nHTTP/1.1 201 Created\nContent-Length: 2\n\nok", ""},
	}
	md := markdown.New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "```http\n" + tc.code + "\n```\n"
			doc, err := md.Render([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			var errs diag.List
			checkContentLength("example.md", content.Body{Source: []byte(src), Line: 1}, doc, &errs)
			switch {
			case tc.want == "" && len(errs) > 0:
				t.Errorf("unexpected: %v", errs)
			case tc.want != "" && (len(errs) != 1 || !strings.HasPrefix(errs[0].String(), tc.want)):
				t.Errorf("got %v, want %s", errs, tc.want)
			}
		})
	}
}
