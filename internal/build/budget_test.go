package build

import (
	"bytes"
	"compress/gzip"
	"path"
	"strings"
	"testing"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// Budgets a reader's browser pays for, checked on the real site.
const (
	maxPageHTML = 60 << 10 // raw bytes of one code or concept page
	maxCSSGzip  = 15 << 10 // every stylesheet, gzipped, together
	maxJSGzip   = 10 << 10 // every script, gzipped, together
)

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Len()
}

func TestRealSite_StaysWithinItsBudgets(t *testing.T) {
	res := mustBuild(t, sitetest.MapFS(t, sitetest.Real(t)), Options{})
	css, js, largest, largestName := 0, 0, 0, ""
	for _, name := range res.Files.Names() {
		data, _ := res.Files.Get(name)
		switch {
		case strings.HasPrefix(name, "assets/") && path.Ext(name) == ".css":
			css += gzipSize(data)
		case strings.HasPrefix(name, "assets/") && path.Ext(name) == ".js":
			js += gzipSize(data)
		case strings.HasSuffix(name, "/index.html") && (strings.HasPrefix(name, "status/") || strings.HasPrefix(name, "concepts/")):
			if len(data) > largest {
				largest, largestName = len(data), name
			}
			if len(data) > maxPageHTML {
				t.Errorf("%s is %d KB of HTML, over the %d KB budget", name, len(data)>>10, maxPageHTML>>10)
			}
		}
	}
	if css > maxCSSGzip {
		t.Errorf("stylesheets: %d bytes gzipped, over the %d budget", css, maxCSSGzip)
	}
	if js > maxJSGzip {
		t.Errorf("scripts: %d bytes gzipped, over the %d budget", js, maxJSGzip)
	}
	t.Logf("largest page %s: %d bytes; CSS %d and JS %d bytes gzipped", largestName, largest, css, js)
}
