package check

import (
	"context"
	"os"
	"testing"

	"github.com/statusgen/statusgen/internal/build"
	"github.com/statusgen/statusgen/internal/facts"
	"github.com/statusgen/statusgen/internal/site"
)

// The client error pages set the standard for the rest: each has at least
// 500 words of prose, and the most visited at least 900.
var (
	clientErrors = []int{400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
		416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451}
	mostVisited = map[int]bool{400: true, 401: true, 403: true, 404: true, 405: true, 409: true,
		410: true, 413: true, 415: true, 422: true, 429: true}
)

func TestRealContent_PassesStrictAndIsLongEnough(t *testing.T) {
	res, errs := build.New().Build(context.Background(), os.DirFS("../.."), build.Options{})
	if res == nil {
		t.Fatal(errs)
	}
	table, err := facts.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Run(res, table) {
		t.Errorf("%s (warnings count: CI runs check -strict)", d)
	}
	for _, code := range clientErrors {
		p := res.Site.Page(site.StatusURL(code))
		if p == nil {
			t.Errorf("%d: no page", code)
			continue
		}
		min := 500
		if mostVisited[code] {
			min = 900
		}
		if n := ProseWords(p.Status.Doc); n < min {
			t.Errorf("%d: %d words of prose, want at least %d", code, n, min)
		}
	}
}
