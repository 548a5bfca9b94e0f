// Command genogimage draws the site's Open Graph image,
// templates/assets/og.png: the picture a chat or social site shows beside a
// shared link. It is 1200x630, the size those sites ask for, drawn with the
// Go fonts, so the same program always writes the same bytes:
//
//	go run ./internal/cmd/genogimage -out templates/assets/og.png
//
// TestOGImage_IsUpToDate fails when the committed file differs from what
// this program draws.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/statusgen/statusgen/internal/ogimage"
)

func main() {
	out := flag.String("out", "templates/assets/og.png", "file to write")
	flag.Parse()
	b, err := ogimage.PNG()
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genogimage:", err)
		os.Exit(1)
	}
}
