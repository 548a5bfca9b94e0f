package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/statusgen/statusgen/internal/content"
	"github.com/statusgen/statusgen/internal/exampleapi"
	"github.com/statusgen/statusgen/internal/sitetest"
)

const builderPath = "/tools/request-builder/"

// openBuilder opens the request builder and waits for its model.
func openBuilder(t *testing.T, ctx context.Context, fragment string) {
	t.Helper()
	open(t, ctx, builderPath+fragment)
	waitFor(t, ctx, `document.querySelector("[data-model]").hasAttribute("data-ready")`)
}

// shown is the code the builder shows, once it shows one.
const shown = `document.querySelector("[data-model]").getAttribute("data-status")`

func waitStatus(t *testing.T, ctx context.Context, code int, what string) {
	t.Helper()
	if err := WaitFor(ctx, fmt.Sprintf(`%s === "%d"`, shown, code), 3*time.Second); err != nil {
		t.Errorf("%s: the builder shows %q, want %d: %s", what, eval[string](t, ctx, `String(`+shown+`)`), code,
			eval[string](t, ctx, `document.getElementById("rb-summary").textContent`))
		return
	}
	summary := eval[string](t, ctx, `document.getElementById("rb-summary").textContent`)
	response := eval[string](t, ctx, `document.getElementById("rb-response").textContent`)
	if !strings.HasPrefix(summary, fmt.Sprint(code)+" ") || !strings.HasPrefix(response, fmt.Sprintf("HTTP/1.1 %d ", code)) {
		t.Errorf("%s: summary %q, response %q", what, summary, response)
	}
	if link := eval[string](t, ctx, `document.querySelector("#rb-summary a").getAttribute("href")`); link != fmt.Sprintf("/status/%d/", code) {
		t.Errorf("%s: the summary links %s", what, link)
	}
}

func TestBuilder_PresetsGetTheirCodes(t *testing.T) {
	ctx := tab(t, DesktopWidth, DesktopHeight)
	openBuilder(t, ctx, "")
	for _, code := range []int{200, 201, 304, 404, 412, 429, 413} {
		// Choose the example, then send it.
		do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			const s = document.getElementById("rb-preset"); s.value = "%d"; s.dispatchEvent(new Event("change"));
		})()`, code)))
		do(t, ctx, chromedp.Click(chromedp.CSS(`#rb-send`)))
		waitStatus(t, ctx, code, fmt.Sprintf("preset %d", code))
	}
	// The "Load in the builder" button of an example sends it.
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-preset="304"]`)))
	waitStatus(t, ctx, 304, "the example's button")
	// A code page's "Try it" link opens the builder on its preset.
	for _, code := range []int{429, 412} {
		open(t, ctx, fmt.Sprintf("/status/%d/", code))
		href := eval[string](t, ctx, `document.querySelector(".try a").getAttribute("href")`)
		if href != fmt.Sprintf("%s#preset-%d", builderPath, code) {
			t.Errorf("%d page: Try it links %q", code, href)
		}
		do(t, ctx, chromedp.Click(chromedp.CSS(`.try a`)))
		waitPath(t, ctx, builderPath)
		waitStatus(t, ctx, code, fmt.Sprintf("Try it on the %d page", code))
	}
}

// typed is a request typed into the builder's form.
type typed struct {
	method, path, headers, body string
}

func typeRequest(t *testing.T, ctx context.Context, r typed) {
	t.Helper()
	// The method is chosen from its list; the rest is typed into empty
	// fields.
	do(t, ctx,
		chromedp.SetValue(chromedp.CSS(`#rb-method`), r.method),
		chromedp.Evaluate[chromedp.Void](`["rb-path", "rb-headers", "rb-body"].forEach(id => { document.getElementById(id).value = ""; })`),
		chromedp.SendKeys(chromedp.CSS(`#rb-path`), r.path),
	)
	if r.headers != "" {
		do(t, ctx, chromedp.SendKeys(chromedp.CSS(`#rb-headers`), r.headers))
	}
	if r.body != "" {
		do(t, ctx, chromedp.SendKeys(chromedp.CSS(`#rb-body`), r.body))
	}
	if r.body == "" && r.headers == "" {
		// Enter in the path sends, as in a form.
		do(t, ctx, chromedp.SendKeys(chromedp.CSS(`#rb-path`), kb.Enter))
		return
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#rb-send`)))
}

func TestBuilder_TypedRequestsGetTheirCodes(t *testing.T) {
	ctx := tab(t, PhoneWidth, PhoneHeight)
	openBuilder(t, ctx, "")
	for _, tc := range []struct {
		code int
		req  typed
	}{
		{200, typed{"GET", "/posts/1", "", ""}},
		{201, typed{"POST", "/uploads", "Content-Type: text/plain", "Hello from a test."}},
		{304, typed{"GET", "/users/2", `If-None-Match: "u2-v1"`, ""}},
		{404, typed{"GET", "/users/999", "", ""}},
		{412, typed{"DELETE", "/users/1", "Authorization: Bearer writer-9c1e\nIf-Match: \"u1-v7\"", ""}},
		{413, typed{"POST", "/uploads", "Content-Length: 5242880\nExpect: 100-continue", ""}},
	} {
		typeRequest(t, ctx, tc.req)
		waitStatus(t, ctx, tc.code, fmt.Sprintf("typed %s %s", tc.req.method, tc.req.path))
	}
	if got := eval[string](t, ctx, `document.getElementById("rb-request").textContent`); got != "POST /uploads HTTP/1.1\nHost: api.example.com\nExpect: 100-continue\nContent-Length: 5242880" {
		t.Errorf("the typed request went as\n%s", got)
	}

	// The server counts searches: five get 200, the sixth 429, until the
	// server is reset.
	typeRequest(t, ctx, typed{"GET", "/search?q=etag", "", ""})
	waitStatus(t, ctx, 200, "search 1")
	for i := 2; i <= 6; i++ {
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("[data-model]").removeAttribute("data-status")`),
			chromedp.Click(chromedp.CSS(`#rb-send`)))
		want := 200
		if i == 6 {
			want = 429
		}
		waitStatus(t, ctx, want, fmt.Sprintf("search %d", i))
	}
	if r := eval[string](t, ctx, `document.getElementById("rb-response").textContent`); !strings.Contains(r, "\nRetry-After: 60\n") {
		t.Errorf("the 429 says nothing of when to come back:\n%s", r)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#rb-reset`)),
		chromedp.Click(chromedp.CSS(`#rb-send`)))
	waitStatus(t, ctx, 200, "search after a reset")
}

// TestBuilder_PageAndBuildAnswerAlike runs every preset through the page's
// interpreter and through the Go evaluator on the model.json the page
// loads: the two must write the same exchange, byte for byte, and the same
// as the build printed on the page.
func TestBuilder_PageAndBuildAnswerAlike(t *testing.T) {
	ctx := tab(t, DesktopWidth, DesktopHeight)
	openBuilder(t, ctx, "")
	type answer struct{ ID, Reason, Request, Response string }
	js := `(() => {
		const api = window.statusgenExampleAPI;
		return api.model.presets.map(p => {
			const s = new api.Server(api.model);
			s.before(p, 0);
			const x = s.send(p.request);
			return {ID: p.id, Reason: x.reason, Request: x.request, Response: x.response};
		});
	})()`
	page := eval[[]answer](t, ctx, js)

	resp, err := http.Get(server.URL + builderPath + "model.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var model exampleapi.Model
	if err := json.Unmarshal(b, &model); err != nil {
		t.Fatal(err)
	}
	if len(page) != len(model.Presets) || len(page) < 25 {
		t.Fatalf("%d presets in the page, %d in model.json", len(page), len(model.Presets))
	}
	built, errs := content.Load(os.DirFS(sitetest.Root()))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	codes := map[int]bool{}
	for i := range model.Presets {
		p := &model.Presets[i]
		goEx := model.RunPreset(p)
		js := page[i]
		if js.ID != p.ID || js.Response != goEx.Response || js.Request != goEx.Request || js.Reason != goEx.Reason {
			t.Errorf("preset %s: the page and Go differ:\npage:\n%s\n\n%s\n%s\nGo:\n%s\n\n%s\n%s", p.ID, js.Request, js.Response, js.Reason, goEx.Request, goEx.Response, goEx.Reason)
		}
		if goEx.Status != p.Code {
			t.Errorf("preset %s gets %d, not %d", p.ID, goEx.Status, p.Code)
		}
		if ex := built.Builder.Examples[i].Exchange; ex.Response != goEx.Response || ex.Reason != goEx.Reason {
			t.Errorf("preset %s: model.json answers otherwise than the page's example", p.ID)
		}
		codes[goEx.Status] = true
	}
	t.Logf("%d presets, %d codes, the same in the page and in Go", len(page), len(codes))

	// Beyond the presets: every preset with every method, and requests
	// that probe the edges of the interpreters (escapes, ranges, JSON that
	// is not an object, names that JavaScript objects inherit), one after
	// the other on one server, so that the state they change counts too.
	var reqs []exampleapi.Request
	for _, p := range model.Presets {
		for _, m := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
			r := p.Request
			r.Method = m
			reqs = append(reqs, r)
		}
	}
	w := "Authorization: Bearer writer-9c1e\nContent-Type: application/json\nIf-Match: *\n"
	reqs = append(reqs, []exampleapi.Request{
		{Method: "get", Path: "users/1"},
		{Method: "GET", Path: "/search?q=%E0%A4%A&x"},
		{Method: "GET", Path: "/search?q=ca+che&q=etag"},
		{Method: "GET", Path: "/posts?page=abc"}, {Method: "GET", Path: "/posts?page=3"}, {Method: "GET", Path: "/posts?page=4"},
		{Method: "GET", Path: "/files/notes.txt", Headers: "Range: bytes=-5"},
		{Method: "GET", Path: "/files/notes.txt", Headers: "Range: bytes=60-"},
		{Method: "GET", Path: "/files/notes.txt", Headers: "Range: bytes=5-2"},
		{Method: "GET", Path: "/files/notes.txt", Headers: "Range: bytes=0-0,5-6"},
		{Method: "GET", Path: "/files/notes.txt", Headers: "Range: bytes=-0"},
		{Method: "GET", Path: "/files/notes.txt", Headers: "Range: bytes=0-1000"},
		{Method: "GET", Path: "/users/1", Headers: "Accept: text/html\naccept: application/json;q=0.5"},
		{Method: "GET", Path: "/users/1", Headers: "Accept: text/html, */*;q=0.1"},
		{Method: "GET", Path: "/users/__proto__"}, {Method: "GET", Path: "/users/constructor"},
		{Method: "GET", Path: "/search?__proto__=1&constructor=2"},
		{Method: "POST", Path: "/users", Headers: w, Body: "null"},
		{Method: "POST", Path: "/users", Headers: w, Body: "[1]"},
		{Method: "POST", Path: "/users", Headers: w, Body: `{"name": "A", "email": 5}`},
		{Method: "POST", Path: "/users", Headers: w, Body: `{"__proto__": {"x": 1}, "name": "Ünïcödé \u2028 \"q\"", "email": "u@example.com", "10": 1, "2": 2}`},
		{Method: "GET", Path: "/users/3"},
		{Method: "PATCH", Path: "/users/3", Headers: strings.Replace(w, "application/json", "application/merge-patch+json", 1), Body: `{"email": "ada@example.com"}`},
		{Method: "PATCH", Path: "/users/3", Headers: strings.Replace(w, "application/json", "application/merge-patch+json", 1), Body: `{"name": "Z"}`},
		{Method: "DELETE", Path: "/users/3", Headers: w},
		{Method: "GET", Path: "/users/3"},
		{Method: "POST", Path: "/uploads", Headers: "Content-Length: 3", Body: "ünï"},
		{Method: "GET", Path: "/admin/stats", Headers: "Cookie: a=b; session=s-grace-0e77; =x"},
		{Method: "GET", Path: "/admin/stats", Headers: "authorization: BEARER admin-7b3d"},
		{Method: "GET", Path: "/chat", Headers: "Upgrade: WebSocket\nSec-WebSocket-Version: 13\nSec-WebSocket-Key: x"},
		{Method: "GET", Path: "/reports/1/result"}, {Method: "POST", Path: "/reports"}, {Method: "GET", Path: "/reports/2"},
		{Method: "GET", Path: "/reports/2"}, {Method: "GET", Path: "/reports/2/result"},
		{Method: "PUT", Path: "/nowhere/at/all", Body: " "},
	}...)
	in, _ := json.Marshal(reqs)
	type out struct {
		Status                    int
		Reason, Request, Response string
	}
	got := eval[[]out](t, ctx, `(() => {
		const api = window.statusgenExampleAPI, s = new api.Server(api.model);
		return `+string(in)+`.map(r => { const x = s.send(r); return {Status: x.status, Reason: x.reason, Request: x.request, Response: x.response}; });
	})()`)
	srv := exampleapi.NewServer(&model)
	differ := 0
	for i, r := range reqs {
		want := srv.Do(r)
		if g := got[i]; g.Status != want.Status || g.Reason != want.Reason || g.Request != want.Request || g.Response != want.Response {
			if differ++; differ <= 5 {
				t.Errorf("%s %s %q %q: the page and Go differ:\npage: %d %s\n%s\n\n%s\nGo: %d %s\n%s\n\n%s", r.Method, r.Path, r.Headers, r.Body,
					g.Status, g.Reason, g.Request, g.Response, want.Status, want.Reason, want.Request, want.Response)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d requests answered differently", differ, len(reqs))
	}
}

func TestBuilder_WithoutJavaScriptListsEveryExample(t *testing.T) {
	ctx := tab(t, PhoneWidth, PhoneHeight)
	do(t, ctx, DisableScripts())
	open(t, ctx, builderPath+"#preset-429")
	if eval[bool](t, ctx, `document.documentElement.classList.contains("js")`) {
		t.Fatal("scripts ran")
	}
	if eval[bool](t, ctx, `getComputedStyle(document.getElementById("builder")).display !== "none"`) {
		t.Error("the builder's form shows, and cannot work without the script")
	}
	if !eval[bool](t, ctx, `getComputedStyle(document.querySelector(".nojs-only")).display !== "none"`) {
		t.Error("nothing says that the builder needs the script")
	}
	n := eval[int](t, ctx, `document.querySelectorAll(".example").length`)
	presets := eval[int](t, ctx, `document.querySelectorAll("#rb-preset option[value]:not([value=''])").length`)
	if n < 25 || n != presets {
		t.Errorf("%d examples written out, %d presets", n, presets)
	}
	ex := eval[string](t, ctx, `document.getElementById("preset-429").textContent`)
	for _, want := range []string{"GET /search?q=cache HTTP/1.1", "HTTP/1.1 429 Too Many Requests", "Retry-After: 60"} {
		if !strings.Contains(ex, want) {
			t.Errorf("the 429 example lacks %q:\n%s", want, ex)
		}
	}
	if top := eval[float64](t, ctx, `document.getElementById("preset-429").getBoundingClientRect().top`); top < 0 || top > 100 {
		t.Errorf("#preset-429 is %.0f px from the top: the address does not lead to it", top)
	}
	if w := eval[int](t, ctx, `document.scrollingElement.scrollWidth`); w > PhoneWidth {
		t.Errorf("the page scrolls sideways: %d px wide", w)
	}
}

// chooserPath returns the pages from the chooser's start to the leaf that
// gives code, from the published tree.
func chooserPath(t *testing.T, code int) []string {
	t.Helper()
	resp, err := http.Get(server.URL + "/tools/chooser/tree.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tree struct {
		Start string
		Nodes []struct {
			ID, URL string
			Code    int
			Answers []struct{ Next string }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&tree); err != nil {
		t.Fatal(err)
	}
	path := map[string]string{}
	parent := map[string]string{}
	leaf := ""
	for _, n := range tree.Nodes {
		path[n.ID] = n.URL
		for _, a := range n.Answers {
			parent[a.Next] = n.ID
		}
		if n.Code == code && leaf == "" {
			leaf = n.ID
		}
	}
	if leaf == "" {
		t.Fatalf("no leaf gives %d", code)
	}
	var out []string
	for id := leaf; id != ""; id = parent[id] {
		u := path[id]
		if i := strings.Index(u, "/tools/"); i >= 0 {
			u = u[i:]
		}
		out = append([]string{u}, out...)
	}
	if out[0] != "/tools/chooser/" {
		t.Fatalf("the path to %d starts at %s", code, out[0])
	}
	return out
}

func TestChooser_ClickingReachesTheCode(t *testing.T) {
	ctx := tab(t, PhoneWidth, PhoneHeight)
	for _, code := range []int{201, 422, 308} {
		steps := chooserPath(t, code)
		open(t, ctx, steps[0])
		// A mark on the window survives only if the steps run in place.
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`window.__inPlace = true`))
		for _, next := range steps[1:] {
			do(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`main a[href=%q]`, next))))
			waitFor(t, ctx, fmt.Sprintf(`location.pathname === %q && document.querySelector("main a[href='/tools/chooser/tree.json']") !== null && document.title.length > 0`, next))
		}
		h1 := eval[string](t, ctx, `document.querySelector("main h1").textContent`)
		if !strings.HasPrefix(h1, fmt.Sprint(code)+" ") {
			t.Errorf("after %v the page says %q", steps, h1)
		}
		if !eval[bool](t, ctx, `window.__inPlace === true`) {
			t.Errorf("%d: the chooser reloaded the page instead of running in place", code)
		}
		if f := eval[string](t, ctx, `document.activeElement.tagName`); f != "H1" {
			t.Errorf("%d: focus is on %s after a step, not on the new heading", code, f)
		}
		if link := eval[string](t, ctx, fmt.Sprintf(`document.querySelector("main a[href='/status/%d/']") ? "ok" : ""`, code)); link != "ok" {
			t.Errorf("%d: the answer does not link its page", code)
		}
		// Back goes to the question before, as after a page load.
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`history.back()`))
		prev := steps[len(steps)-2]
		waitFor(t, ctx, fmt.Sprintf(`location.pathname === %q && !!document.querySelector('main a[href=%q]')`, prev, steps[len(steps)-1]))
	}
}

func TestChooser_LinksWithoutJavaScriptReachTheCode(t *testing.T) {
	ctx := tab(t, DesktopWidth, DesktopHeight)
	do(t, ctx, DisableScripts())
	for _, code := range []int{201, 422, 308} {
		steps := chooserPath(t, code)
		open(t, ctx, steps[0])
		if eval[bool](t, ctx, `document.documentElement.classList.contains("js")`) {
			t.Fatal("scripts ran")
		}
		for _, next := range steps[1:] {
			do(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`main a[href=%q]`, next))))
			waitPath(t, ctx, next)
		}
		h1 := eval[string](t, ctx, `document.querySelector("main h1").textContent`)
		reason := eval[string](t, ctx, `document.querySelector("main .lede").textContent`)
		alts := eval[int](t, ctx, `document.querySelectorAll("#instead li").length`)
		if !strings.HasPrefix(h1, fmt.Sprint(code)+" ") || reason == "" || alts == 0 {
			t.Errorf("after %v: %q, reason %q, %d runner-ups", steps, h1, reason, alts)
		}
		trail := eval[int](t, ctx, `document.querySelectorAll(".trail li").length`)
		if trail != len(steps)-1 {
			t.Errorf("%d: the page lists %d answers, want %d", code, trail, len(steps)-1)
		}
	}
}
