// Command screenshots builds the site, serves it on loopback and saves
// screenshots of it taken in Chromium (see internal/browsertest):
//
//	go run ./internal/cmd/screenshots -out docs/screenshots
//
// writes the home page, a code page and search in use, at 390 and 1280 CSS
// pixels wide, in the light and the dark scheme, as NAME-WIDTH-SCHEME.png.
// scripts/screenshots.sh runs it. With -path, it shoots one page instead:
//
//	go run ./internal/cmd/screenshots -path /status/429/#headers-that-matter -width 390 -dark -nojs -o /tmp/shot.png
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/statusgen/statusgen/internal/browsertest"
)

func main() {
	src := flag.String("src", ".", "site root (content/ and templates/)")
	out := flag.String("out", "docs/screenshots", "directory for the standard set")
	one := flag.String("path", "", "shoot only this page (path with an optional #fragment)")
	file := flag.String("o", "shot.png", "with -path: the file to write")
	width := flag.Int64("width", browsertest.PhoneWidth, "with -path: viewport width")
	height := flag.Int64("height", 0, "with -path: viewport height (default: the phone's or the desktop's)")
	dark := flag.Bool("dark", false, "with -path: dark colour scheme")
	nojs := flag.Bool("nojs", false, "with -path: JavaScript off")
	full := flag.Bool("full", false, "with -path: the whole page, not the first screen")
	flag.BoolVar(&print, "print", false, "with -path: the print stylesheet")
	flag.StringVar(&search, "search", "", "with -path: type this into the search box first")
	flag.StringVar(&evalJS, "eval", "", "with -path: print the JSON value of this JavaScript expression too")
	flag.Parse()
	if err := run(*src, *out, *one, *file, *width, *height, *dark, *nojs, *full); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

var (
	search, evalJS string
	print          bool
)

type shot struct {
	name, path string
	search     string // typed into the search box first
}

var shots = []shot{
	{name: "home", path: "/"},
	{name: "code", path: "/status/429/"},
	{name: "search", path: "/status/404/", search: "rate limit"},
}

func run(src, out, one, file string, width, height int64, dark, nojs, full bool) error {
	ctx := context.Background()
	site, err := browsertest.BuildSite(ctx, src)
	if err != nil {
		return err
	}
	srv := browsertest.Serve(site)
	defer srv.Close()
	b, err := browsertest.Start(ctx)
	if err != nil {
		return err
	}
	defer b.Close()
	if one != "" {
		if height == 0 {
			height = browsertest.PhoneHeight
			if width > 800 {
				height = browsertest.DesktopHeight
			}
		}
		scheme := "light"
		if dark {
			scheme = "dark"
		}
		return take(b, srv.URL, shot{path: one, search: search}, width, height, scheme, nojs, full, file)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, s := range shots {
		for _, w := range []int64{browsertest.PhoneWidth, browsertest.DesktopWidth} {
			h := int64(browsertest.PhoneHeight)
			if w == browsertest.DesktopWidth {
				h = browsertest.DesktopHeight
			}
			for _, scheme := range []string{"light", "dark"} {
				name := filepath.Join(out, fmt.Sprintf("%s-%d-%s.png", s.name, w, scheme))
				if err := take(b, srv.URL, s, w, h, scheme, false, false, name); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				fmt.Println(name)
			}
		}
	}
	return nil
}

func take(b *browsertest.Browser, base string, s shot, w, h int64, scheme string, nojs, full bool, file string) error {
	ctx, cancel, err := b.Tab(w, h)
	if err != nil {
		return err
	}
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 30*time.Second)
	defer cancelT()
	if err := chromedp.Do(ctx, browsertest.ColorScheme(scheme)); err != nil {
		return err
	}
	if print {
		if err := chromedp.Do(ctx, browsertest.Media("print")); err != nil {
			return err
		}
	}
	if nojs {
		if err := chromedp.Do(ctx, browsertest.DisableScripts()); err != nil {
			return err
		}
	}
	if err := browsertest.Open(ctx, base+s.path); err != nil {
		return err
	}
	if s.search != "" {
		if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#q"))); err != nil {
			return err
		}
		if err := browsertest.Keys(ctx, s.search); err != nil {
			return err
		}
		if err := browsertest.WaitFor(ctx, `!document.getElementById("q-results").hidden`, 5*time.Second); err != nil {
			return err
		}
	}
	// Let a jump to a #fragment and the fonts settle before the shot.
	if err := chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
		return err
	}
	if evalJS != "" {
		v, err := browsertest.Eval[[]byte](ctx, evalJS)
		if err != nil {
			return err
		}
		fmt.Printf("%s\n", v)
	}
	png, err := browsertest.Screenshot(ctx, full)
	if err != nil {
		return err
	}
	return os.WriteFile(file, png, 0o644)
}
