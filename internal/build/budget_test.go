package build

import (
	"bytes"
	"compress/gzip"
	"os"
	"path"
	"strings"
	"testing"
)

// Size budgets of the real site (issue 13): what a reader on a slow phone
// downloads for one code page.
const (
	maxCodePage = 60 << 10 // raw HTML of one page: a code page, a concept, a tool
	maxCSSGzip  = 15 << 10 // all stylesheets, gzipped
	maxJSGzip   = 10 << 10 // all scripts, gzipped
)

func TestBuild_RealSiteIsWithinSizeBudgets(t *testing.T) {
	res := mustBuild(t, os.DirFS(repoRoot), Options{})
	var css, js, tools int
	largest, largestName := 0, ""
	for _, name := range res.Files.Names() {
		b, _ := res.Files.Get(name)
		switch {
		case strings.HasSuffix(name, ".html"):
			if len(b) > largest {
				largest, largestName = len(b), name
			}
		case strings.HasPrefix(name, "assets/") && path.Ext(name) == ".css":
			css += gzipped(t, b)
		case strings.HasPrefix(name, "assets/") && path.Ext(name) == ".js":
			// Every script counts, the tools' too, though only their
			// pages load it.
			js += gzipped(t, b)
			if strings.HasPrefix(name, "assets/tools.") {
				tools = gzipped(t, b)
			}
		}
	}
	t.Logf("largest page %s: %d bytes; CSS %d and JS %d bytes gzipped (the tools' script %d of it)", largestName, largest, css, js, tools)
	if largest > maxCodePage {
		t.Errorf("%s is %d bytes, over the %d budget", largestName, largest, maxCodePage)
	}
	if css > maxCSSGzip {
		t.Errorf("CSS is %d bytes gzipped, over the %d budget", css, maxCSSGzip)
	}
	if js > maxJSGzip {
		t.Errorf("JS is %d bytes gzipped, over the %d budget", js, maxJSGzip)
	}
}

func gzipped(t *testing.T, b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}
