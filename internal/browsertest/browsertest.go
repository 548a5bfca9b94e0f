// Package browsertest drives a real Chromium, through the DevTools
// protocol (chromedp), against a built site served on loopback the way the
// host serves it. Tests use it to check what only a browser can show:
// scripts at work, layout, colour schemes, keyboard behaviour. The
// screenshots program (internal/cmd/screenshots) uses it too.
//
// A test starts one browser for its package with [Start] (or [New], which
// skips the test with a clear message when there is no Chromium), serves a
// site with [Serve], and opens a fresh tab with [Browser.Tab] for each check:
// every tab has its own browser context, so storage set by one test is not
// seen by the next.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned by Start when no browser can be found.
var ErrNoChromium = errors.New("no Chromium: install it (apt-get install -y chromium) or set $CHROMIUM")

// FindChromium returns the browser to drive: $CHROMIUM when set, else the
// first of Debian's and the usual names found, else "".
func FindChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		return ""
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is a running headless Chromium with its own fresh profile.
type Browser struct {
	ctx     context.Context // the browser's root context
	cancel  func()
	profile string
}

// Start launches Chromium with the flags this project's machines need (no
// sandbox as root, no GPU, no QUIC, no background traffic) and a new,
// empty profile directory. Close stops it and removes the profile.
func Start(ctx context.Context) (*Browser, error) {
	exe := FindChromium()
	if exe == "" {
		return nil, ErrNoChromium
	}
	profile, err := os.MkdirTemp("", "browsertest-profile-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	b := &Browser{ctx: bctx, profile: profile, cancel: func() { bcancel(); acancel() }}
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		b.Close()
		return nil, fmt.Errorf("start %s: %w", exe, err)
	}
	return b, nil
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	_ = os.RemoveAll(b.profile)
}

// Tab opens a new tab in a browser context of its own (its own storage and
// cookies), sized width x height CSS pixels. Cancelling the returned
// context closes the tab.
func (b *Browser) Tab(width, height int64) (context.Context, context.CancelFunc, error) {
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// Common viewports.
const (
	PhoneWidth, PhoneHeight     = 390, 844
	DesktopWidth, DesktopHeight = 1280, 900
)

// ColorScheme emulates prefers-color-scheme: "light" or "dark".
func ColorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// Media emulates a CSS media type, such as "print"; "" ends it.
func Media(media string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}

// DisableScripts turns JavaScript off in the tab, for what a reader
// without it sees. It applies from the next navigation.
func DisableScripts() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// OnNewDocument runs script in every document of the tab before the
// page's own scripts, from the next navigation on.
func OnNewDocument(script string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	})
}

// Eval evaluates a JavaScript expression in the tab and decodes its value
// into T. A promise is awaited.
func Eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// WaitFor polls a JavaScript expression until it is truthy, for at most
// timeout.
func WaitFor(ctx context.Context, expr string, timeout time.Duration) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		return fmt.Errorf("waiting for %s: %w", expr, err)
	}
	return nil
}

// Open navigates the tab to url and waits for the load event.
func Open(ctx context.Context, url string) error {
	return chromedp.Do(ctx, chromedp.Navigate(url))
}

// Screenshot returns a PNG of the viewport, or of the whole page when full.
func Screenshot(ctx context.Context, full bool) ([]byte, error) {
	if full {
		return chromedp.Run(ctx, chromedp.FullScreenshot(100))
	}
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}

// Keys sends key presses to the focused element, as a reader types them:
// characters, or chromedp's kb constants for named keys.
func Keys(ctx context.Context, keys string) error {
	return chromedp.Do(ctx, chromedp.KeyEvent(keys))
}

// Serve serves a built site on a loopback port, as the host does: a
// directory answers with its index.html, and a missing file with
// /404.html and status 404. Close the server when done.
func Serve(site http.FileSystem) *httptest.Server {
	return httptest.NewServer(Handler(site))
}
