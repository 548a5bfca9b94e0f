// Package statusgen holds the site's content, built into every program that
// imports it: `statusgen explain` answers from it anywhere, with no
// checkout and no network, including after
// `go install github.com/statusgen/statusgen/cmd/statusgen@latest`.
//
// The embed is the repository's content/ directory itself, not a copy, so
// it cannot go stale; TestContent_IsTheRepositorysContent checks that no
// file was left out.
package statusgen

import "embed"

// Content holds content/ at its root: content/site.yaml,
// content/status/404.md and the rest, as internal/content loads them.
//
//go:embed content
var Content embed.FS
