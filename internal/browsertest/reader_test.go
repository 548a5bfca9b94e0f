package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// One browser and one build of the real site for every test here.
var (
	browser *Browser
	server  *httptest.Server
	skipMsg string
)

func TestMain(m *testing.M) {
	ctx := context.Background()
	site, err := BuildSite(ctx, sitetest.Root())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	server = Serve(site)
	browser, err = Start(ctx)
	switch {
	case errors.Is(err, ErrNoChromium):
		skipMsg = "browser tests skipped: " + err.Error()
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		server.Close()
		os.Exit(1)
	}
	code := m.Run()
	if browser != nil {
		browser.Close()
	}
	server.Close()
	os.Exit(code)
}

// tab opens a fresh tab (its own storage) of the given size, or skips the
// test when there is no browser.
func tab(t *testing.T, width, height int64) context.Context {
	t.Helper()
	if browser == nil {
		t.Skip(skipMsg)
	}
	ctx, cancel, err := browser.Tab(width, height)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	return ctx
}

func open(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if err := Open(ctx, server.URL+path); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := Eval[T](ctx, expr)
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func waitFor(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if err := WaitFor(ctx, expr, 5*time.Second); err != nil {
		t.Fatal(err)
	}
}

func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// results returns the text of the search results shown.
const results = `[...document.querySelectorAll('#q-results:not([hidden]) [role=option]')].map(o => o.textContent)`

func TestSearch_FindsAsYouTypeAndGoesToCode(t *testing.T) {
	ctx := tab(t, DesktopWidth, DesktopHeight)
	open(t, ctx, "/status/200/")
	// "/" focuses the search box.
	if err := Keys(ctx, "/"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.activeElement && document.activeElement.id === "q"`)
	if err := Keys(ctx, "rate"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, results+`.some(r => r.startsWith("429"))`)
	if got := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("aria-expanded = %q while results show", got)
	}
	// Arrow keys move the active option, which the input points at.
	if err := Keys(ctx, kb.ArrowDown); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `document.getElementById("q").getAttribute("aria-activedescendant")`); got != "q-opt-0" {
		t.Errorf("aria-activedescendant = %q after ArrowDown", got)
	}
	// Escape closes the list.
	if err := Keys(ctx, kb.Escape); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.getElementById("q-results").hidden && document.getElementById("q").getAttribute("aria-expanded") === "false"`)

	// What readers type finds what they mean, first.
	for q, want := range map[string]string{
		"rate limit":            "429",
		"moved permanently":     "301",
		"teapot":                "418",
		"cf 522":                "522",
		"StatusTooManyRequests": "429",
		"caching":               "Caching",
		"432":                   "No page for 432: see 4xx Client Error",
	} {
		do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const q = document.getElementById("q"); q.focus(); q.value = %q; q.dispatchEvent(new Event("input")); })()`, q)))
		if err := WaitFor(ctx, results+fmt.Sprintf(`.length > 0 && %s[0].startsWith(%q)`, results, want), 3*time.Second); err != nil {
			t.Errorf("search %q: first result is not %q; results: %v", q, want, eval[[]string](t, ctx, results))
		}
	}

	// A bare code and Enter go to its page.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => { const q = document.getElementById("q"); q.value = ""; q.focus(); })()`))
	if err := Keys(ctx, "404"+kb.Enter); err != nil {
		t.Fatal(err)
	}
	waitPath(t, ctx, "/status/404/")
}

func TestSearch_WorksOfflineFromTheKeptIndex(t *testing.T) {
	ctx := tab(t, PhoneWidth, PhoneHeight)
	open(t, ctx, "/status/200/")
	do(t, ctx, chromedp.Focus(chromedp.CSS("#q")))
	waitFor(t, ctx, `localStorage.getItem("statusgen.index") !== null`)
	// Now the network is gone: every fetch fails.
	do(t, ctx, OnNewDocument(`window.fetch = () => Promise.reject(new TypeError("Failed to fetch"));`))
	open(t, ctx, "/status/201/")
	do(t, ctx, chromedp.Focus(chromedp.CSS("#q")))
	if err := Keys(ctx, "teapot"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, results+`.some(r => r.startsWith("418"))`)
}

// waitPath waits until the tab shows the page at path, through the
// navigation that replaces the document.
func waitPath(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	got := ""
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if v, err := Eval[string](ctx, `document.readyState === "complete" ? location.pathname : ""`); err == nil {
			if got = v; got == path {
				return
			}
		}
	}
	t.Fatalf("at %q, want %s", got, path)
}

func TestTabs_KeyboardAndRememberedLabelAcrossPages(t *testing.T) {
	ctx := tab(t, DesktopWidth, DesktopHeight)
	open(t, ctx, "/status/404/")
	selected := `[...document.querySelectorAll(".tabs.enhanced")].map(g => g.querySelector('[aria-selected=true]').textContent)`
	group := `document.querySelector(".tabs.enhanced")`
	// Focus the first tab and move with the arrow keys.
	do(t, ctx, chromedp.Focus(chromedp.CSS(`.tabs.enhanced [role=tab]`)))
	if err := Keys(ctx, kb.ArrowRight); err != nil {
		t.Fatal(err)
	}
	state := eval[[]string](t, ctx, `[document.activeElement.textContent, document.activeElement.getAttribute("aria-selected"), String(`+group+`.querySelectorAll(".tab-panel:not([hidden])").length)]`)
	if state[1] != "true" || state[2] != "1" {
		t.Fatalf("after ArrowRight: focused %q selected=%s, %s panels shown", state[0], state[1], state[2])
	}
	// Choose "Go server": a label that shares its language with "Go client".
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('[role=tab]')].find(b => b.textContent === "Go server").click()`))
	if got := eval[[]string](t, ctx, selected); !contains(got, "Go server") {
		t.Fatalf("selected tabs after the click: %v", got)
	}
	open(t, ctx, "/status/429/")
	got := eval[[]string](t, ctx, selected)
	if !contains(got, "Go server") || contains(got, "Go client") {
		t.Errorf("on the next page, selected tabs are %v; want Go server, never Go client", got)
	}
}

func TestCopy_CopiesTheCodeAndSaysSo(t *testing.T) {
	ctx := tab(t, PhoneWidth, PhoneHeight)
	// Record what is written to the clipboard instead of asking the
	// headless browser for permission.
	do(t, ctx, OnNewDocument(`navigator.clipboard && (navigator.clipboard.writeText = (s) => { window.__copied = s; return Promise.resolve(); });`))
	open(t, ctx, "/status/429/")
	// No copy button covers any code.
	overlaps := eval[int](t, ctx, `[...document.querySelectorAll(".copy")].filter(b => {
		const r = b.getBoundingClientRect();
		return [...b.parentElement.querySelectorAll("pre")].some(p => {
			const q = p.getBoundingClientRect();
			return q.height > 0 && r.bottom > q.top && r.top < q.bottom && r.right > q.left && r.left < q.right;
		});
	}).length`)
	if overlaps != 0 {
		t.Errorf("%d copy buttons overlap their code", overlaps)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`.code .copy`)))
	waitFor(t, ctx, `window.__copied !== undefined`)
	want := eval[string](t, ctx, `document.querySelector(".code pre").innerText.replace(/\n$/, "")`)
	if got := eval[string](t, ctx, `window.__copied`); got != want || !strings.HasPrefix(got, "GET ") {
		t.Errorf("copied %q, want the block's text %q", got, want)
	}
	waitFor(t, ctx, `[...document.querySelectorAll("[role=status]")].some(s => s.textContent === "Copied to the clipboard")`)
	if got := eval[string](t, ctx, `document.querySelector(".code .copy").textContent`); got != "Copied" {
		t.Errorf("button says %q after copying", got)
	}
}

func TestTheme_ToggleIsRememberedWithNoFlash(t *testing.T) {
	ctx := tab(t, DesktopWidth, DesktopHeight)
	// The system is light; the reader picks dark.
	do(t, ctx, ColorScheme("light"),
		// Note the theme at the moment <body> is parsed, before anything
		// of it can be drawn.
		OnNewDocument(`new MutationObserver((ms, o) => {
			if (document.body) { window.__themeAtBody = document.documentElement.getAttribute("data-theme"); o.disconnect(); }
		}).observe(document, {childList: true, subtree: true});`))
	open(t, ctx, "/status/404/")
	if got := eval[string](t, ctx, `window.__themeAtBody`); got != "light" {
		t.Errorf("theme at <body> = %q, want light (the system's)", got)
	}
	for i := 0; i < 3 && eval[string](t, ctx, `document.documentElement.dataset.themeChoice`) != "dark"; i++ {
		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-theme-toggle]`)))
	}
	if got := eval[string](t, ctx, `document.querySelector("[data-theme-toggle]").textContent`); got != "Theme: dark" {
		t.Errorf("toggle says %q", got)
	}
	do(t, ctx, chromedp.Reload())
	if got := eval[string](t, ctx, `window.__themeAtBody`); got != "dark" {
		t.Errorf("after reload, theme at <body> = %q, want dark: the page would flash light", got)
	}
	bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
	code := eval[string](t, ctx, `getComputedStyle(document.querySelector("pre.chroma .k, pre.chroma .kd, pre.chroma .nf")).color`)
	if bg != "rgb(15, 20, 25)" {
		t.Errorf("dark page background = %s", bg)
	}
	// The highlighting follows: github-dark's colours, not github's.
	if code == "rgb(207, 34, 46)" || code == "rgb(130, 80, 223)" {
		t.Errorf("highlighting kept a light colour: %s", code)
	}
	// The next choice is light, the system's own scheme, kept explicitly.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-theme-toggle]`)))
	if got := eval[string](t, ctx, `document.documentElement.dataset.themeChoice + " " + document.documentElement.dataset.theme`); got != "light light" {
		t.Errorf("after dark, the toggle chose %q, want light", got)
	}
	// Back to the system's choice, which stays after a reload.
	for i := 0; i < 3 && eval[string](t, ctx, `document.documentElement.dataset.themeChoice`) != "system"; i++ {
		do(t, ctx, chromedp.Click(chromedp.CSS(`[data-theme-toggle]`)))
	}
	do(t, ctx, chromedp.Reload())
	if got := eval[string](t, ctx, `window.__themeAtBody`); got != "light" {
		t.Errorf("after choosing auto, theme at <body> = %q, want light", got)
	}
}

func TestNoJS_TablesScrollInTheirOwnBox(t *testing.T) {
	ctx := tab(t, PhoneWidth, PhoneHeight)
	do(t, ctx, DisableScripts())
	open(t, ctx, "/status/401/")
	if eval[bool](t, ctx, `document.documentElement.classList.contains("js")`) {
		t.Fatal("scripts ran")
	}
	if w := eval[int](t, ctx, `document.scrollingElement.scrollWidth`); w > PhoneWidth {
		t.Errorf("the page scrolls sideways: %d px wide", w)
	}
	boxes := eval[[]string](t, ctx, `[...document.querySelectorAll(".prose table")].map(t => {
		const b = t.parentElement;
		return [b.className, b.getAttribute("role"), b.getAttribute("tabindex"), b.getAttribute("aria-label")].join("|");
	})`)
	if len(boxes) == 0 {
		t.Fatal("no tables")
	}
	for _, b := range boxes {
		f := strings.Split(b, "|")
		if f[0] != "table-scroll" || f[1] != "region" || f[2] != "0" || !strings.HasPrefix(f[3], "Table") {
			t.Errorf("table box = %q, want a focusable labelled region", b)
		}
	}
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".table-scroll")].filter(b => b.scrollWidth > b.clientWidth).length`); n == 0 {
		t.Error("no table scrolls on a phone: they are squeezed")
	}
	// Code in cells stays on one line: no "Content-/Type".
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".table-scroll td code, .table-scroll th code")].filter(c => c.getClientRects().length > 1).length`); n != 0 {
		t.Errorf("%d code spans in tables wrap", n)
	}
	// Comparison tables label their rows.
	if n := eval[int](t, ctx, `document.querySelectorAll('.table-scroll tbody th[scope=row]').length`); n == 0 {
		t.Error("the comparison table has no row headers")
	}
}

func TestTOC_CollapsedOnPhoneOpenOnDesktopAndFollowsReading(t *testing.T) {
	phone := tab(t, PhoneWidth, PhoneHeight)
	open(t, phone, "/status/429/")
	if eval[bool](t, phone, `document.querySelector("details[data-toc]").open`) {
		t.Error("the table of contents is open on a phone")
	}
	desk := tab(t, DesktopWidth, DesktopHeight)
	open(t, desk, "/status/429/")
	if !eval[bool](t, desk, `document.querySelector("details[data-toc]").open`) {
		t.Error("the table of contents is closed on a desktop")
	}
	links := eval[[]string](t, desk, `[...document.querySelectorAll(".toc a")].map(a => a.getAttribute("href"))`)
	for _, want := range []string{"#what-it-means", "#related-codes", "#faq"} {
		if !contains(links, want) {
			t.Errorf("table of contents lacks %s: %v", want, links)
		}
	}
	do(t, desk, chromedp.Evaluate[chromedp.Void](`document.getElementById("headers-that-matter").scrollIntoView()`))
	waitFor(t, desk, `document.querySelector('.toc a[aria-current]') && document.querySelector('.toc a[aria-current]').getAttribute("href") === "#headers-that-matter"`)
	// A jump leaves room above the heading.
	if top := eval[float64](t, desk, `document.getElementById("headers-that-matter").getBoundingClientRect().top`); top < 10 {
		t.Errorf("heading is %.0f px from the top after a jump", top)
	}
}

func TestNotFound_SuggestsCloseAddresses(t *testing.T) {
	ctx := tab(t, PhoneWidth, PhoneHeight)
	for path, want := range map[string]string{"/status/4040/": "/status/404/", "/429x": "/status/429/", "/concepts/cachng/": "/concepts/caching/"} {
		open(t, ctx, path)
		if err := WaitFor(ctx, fmt.Sprintf(`(document.querySelector('#did-you-mean a') || {}).pathname === %q`, want), 3*time.Second); err != nil {
			t.Errorf("%s: first suggestion is not %s: %v", path, want, eval[string](t, ctx, `document.getElementById("did-you-mean").textContent`))
		}
	}
	if !eval[bool](t, ctx, `!!document.querySelector("main [role=search] input")`) {
		t.Error("the 404 page has no search box")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
