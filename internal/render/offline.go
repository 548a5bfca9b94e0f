package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/tdewolff/parse/v2"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/site"
)

// Reading offline: a web app manifest (/manifest.webmanifest) and a service
// worker (/sw.js, from templates/sw.js) that keeps the site shell and every
// page a reader opens. The worker's first line is a hash of every other
// file of the build, so a deploy that changes anything is a new worker
// with a new cache, and one that changes nothing leaves it alone.

// ServiceWorkerFile is the service worker's source, relative to the site
// root. It is published at the root, so that it controls the whole site.
const ServiceWorkerFile = TemplateDir + "/sw.js"

// Output paths.
const (
	swOut       = "sw.js"
	manifestOut = "manifest.webmanifest"
)

// loadServiceWorker reads the worker's source and checks that it minifies,
// so that a syntax error is reported at its line.
func (r *Renderer) loadServiceWorker(fsys fs.FS, errs *diag.List) []byte {
	src, err := readTemplate(fsys, ServiceWorkerFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		errs.Errorf(diag.Pos{Path: ServiceWorkerFile}, "missing template: the service worker that keeps pages for offline reading")
		return nil
	case err != nil:
		errs.Errorf(diag.Pos{Path: ServiceWorkerFile}, "%v", err)
		return nil
	}
	if err := r.min.Minify("application/javascript", &bytes.Buffer{}, bytes.NewReader(src)); err != nil {
		var pe *parse.Error
		if errors.As(err, &pe) {
			errs.Errorf(diag.Pos{Path: ServiceWorkerFile, Line: pe.Line, Col: pe.Column}, "cannot minify: %s", pe.Message)
		} else {
			errs.Errorf(diag.Pos{Path: ServiceWorkerFile}, "cannot minify: %v", err)
		}
		return nil
	}
	return src
}

// manifest is the web app manifest.
type manifest struct {
	Name            string         `json:"name"`
	Description     string         `json:"description"`
	Lang            string         `json:"lang"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Icons           []manifestIcon `json:"icons"`
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

// Icons of the manifest, by asset name: the favicon, and the PNGs
// internal/cmd/genicons draws.
var manifestIcons = []manifestIcon{
	{Src: "favicon.svg", Sizes: "any", Type: "image/svg+xml"},
	{Src: "icon-192.png", Sizes: "192x192", Type: "image/png"},
	{Src: "icon-512.png", Sizes: "512x512", Type: "image/png"},
	{Src: "icon-maskable-512.png", Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
}

// addOffline writes the manifest, then the service worker, whose version
// covers every file written before it.
func (r *Renderer) addOffline(add func(name string, data []byte), sums *digests, s *site.Site) error {
	m := manifest{
		Name: s.Config.Title, Description: oneLine(s.Config.Description), Lang: s.Config.Language,
		StartURL: "/", Scope: "/", Display: "standalone", BackgroundColor: "#ffffff", ThemeColor: "#1f6feb",
	}
	for _, ic := range manifestIcons {
		u, err := r.assets.url(ic.Src)
		if err != nil {
			return err
		}
		ic.Src = u
		m.Icons = append(m.Icons, ic)
	}
	b, err := marshalJSON(m, false)
	if err != nil {
		return err
	}
	add(manifestOut, b)

	sw, err := r.serviceWorker(sums, s)
	if err != nil {
		return err
	}
	add(swOut, sw)
	return nil
}

// shell lists what the worker stores when it installs: the home page, the
// list of all codes, the offline page, the manifest, and every stylesheet,
// script and SVG asset (the PNG icons only matter to an installed app).
func (r *Renderer) shell(s *site.Site) []string {
	var out []string
	for _, p := range s.Pages {
		switch p.Kind {
		case site.KindHome, site.KindCodes, site.KindOffline:
			out = append(out, p.URL)
		}
	}
	out = append(out, "/"+manifestOut)
	for _, a := range r.assets.list {
		switch path.Ext(a.path) {
		case ".css", ".js", ".svg":
			out = append(out, "/"+a.path)
		}
	}
	return out
}

// serviceWorker builds /sw.js: the version and the shell, then the source,
// minified.
func (r *Renderer) serviceWorker(sums *digests, s *site.Site) ([]byte, error) {
	if r.sw == nil {
		return nil, fmt.Errorf("%s: not loaded", ServiceWorkerFile)
	}
	shell, err := json.Marshal(r.shell(s))
	if err != nil {
		return nil, err
	}
	var src bytes.Buffer
	fmt.Fprintf(&src, "var VERSION = %q;\nvar SHELL = %s;\n", buildHash(sums, r.sw), shell)
	src.Write(r.sw)
	var out bytes.Buffer
	if err := r.min.Minify("application/javascript", &out, &src); err != nil {
		return nil, fmt.Errorf("%s: cannot minify: %v", ServiceWorkerFile, err)
	}
	return append(out.Bytes(), '\n'), nil
}

// buildHash identifies the build by every file it holds, names and the
// hashes of their bytes, but the service worker, for which it takes the
// worker's source.
func buildHash(sums *digests, worker []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", ServiceWorkerFile, len(worker))
	h.Write(worker)
	sums.mu.Lock()
	names := make([]string, 0, len(sums.m))
	for n := range sums.m {
		if n != swOut {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		sum := sums.m[n]
		fmt.Fprintf(h, "%s\x00", n)
		h.Write(sum[:])
	}
	sums.mu.Unlock()
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// oneLine joins the lines of s.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
