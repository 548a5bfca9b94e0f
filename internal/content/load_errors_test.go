package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/statusgen/statusgen/internal/sitetest"
)

// symlink is a MapFS entry for a symbolic link to target.
func symlink(target string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink | 0o777}
}

// page410 is a third valid page, for the tests that need one.
var page410 = strings.NewReplacer("code: 200", "code: 410", "title: OK", "title: Gone",
	"related: [404]", "related: [200]", "concepts: [caching]\n", "").Replace(page200)

func diagStrings(t *testing.T, fsys fs.FS) string {
	t.Helper()
	_, errs := Load(fsys)
	var got []string
	for _, d := range errs {
		got = append(got, d.String())
	}
	return strings.Join(got, "\n")
}

func TestLoad_UnreadableFiles(t *testing.T) {
	tests := []struct {
		name   string
		denied string
		want   string
	}{
		{"page", "content/status/410.md", `content/status/410.md: error: cannot read file: open: permission denied`},
		{"status directory", "content/status", `content/status: error: cannot read directory: open: permission denied`},
		{"concept directory", "content/concepts", `content/concepts: error: cannot read directory: open: permission denied` + "\n" +
			`content/status/200.md:8:12: error: concepts: unknown concept "caching"`},
		{"site settings", "content/site.yaml", `content/site.yaml: error: cannot read site settings: open: permission denied`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := sitetest.Denied(site(map[string]string{"content/status/410.md": page410}), tc.denied)
			if got := diagStrings(t, fsys); got != tc.want {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}

func TestLoad_UnreadablePageIsStillARelatedTarget(t *testing.T) {
	files := with200("related: [404]", "related: [404, 410]")
	files["content/status/410.md"] = page410
	fsys := sitetest.Denied(site(files), "content/status/410.md")
	want := `content/status/410.md: error: cannot read file: open: permission denied`
	if got := diagStrings(t, fsys); got != want {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", got, want)
	}
}

func TestLoad_RejectsSymbolicLinks(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(fstest.MapFS)
		wants string
	}{
		{"page", func(m fstest.MapFS) { m["content/status/410.md"] = symlink("../../../outside/410.md") },
			`content/status/410.md: error: symbolic links are not allowed in content; commit the file itself`},
		{"site settings", func(m fstest.MapFS) { m["content/site.yaml"] = symlink("../../outside/site.yaml") },
			`content/site.yaml: error: symbolic links are not allowed in content; commit the file itself`},
		{"status directory", func(m fstest.MapFS) {
			delete(m, "content/status/200.md")
			delete(m, "content/status/404.md")
			m["content/status"] = symlink("../../outside/status")
		}, `content/status: error: symbolic links are not allowed in content; commit the directory itself`},
		{"concept directory", func(m fstest.MapFS) {
			delete(m, "content/concepts/caching.md")
			m["content/concepts"] = symlink("../../outside/concepts")
		}, `content/concepts: error: symbolic links are not allowed in content; commit the directory itself` + "\n" +
			`content/status/200.md:8:12: error: concepts: unknown concept "caching"`},
		{"content directory", func(m fstest.MapFS) {
			for k := range m {
				delete(m, k)
			}
			m["content"] = symlink("../outside/content")
		}, `content: error: symbolic links are not allowed in content; commit the directory itself`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := site(nil)
			tc.edit(fsys)
			if got := diagStrings(t, fsys); got != tc.wants {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", got, tc.wants)
			}
		})
	}
}

// A page whose code does not match its file name is still the page its
// file name says: listing the code it wrongly claims is not listing itself.
func TestLoad_WrongCodeDoesNotCascade(t *testing.T) {
	p := strings.Replace(page404, "code: 404", "code: 200", 1)
	got := diagStrings(t, site(map[string]string{"content/status/404.md": p}))
	want := `content/status/404.md:2:7: error: code: 200 does not match the file name 404.md` + "\n" +
		`content/status/404.md:2:7: error: code: 200 is already the code of content/status/200.md`
	if got != want {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", got, want)
	}
	p = strings.Replace(p, "related: [200]", "related: [404]", 1)
	got = diagStrings(t, site(map[string]string{"content/status/404.md": p}))
	want = `content/status/404.md:2:7: error: code: 200 does not match the file name 404.md` + "\n" +
		`content/status/404.md:2:7: error: code: 200 is already the code of content/status/200.md` + "\n" +
		`content/status/404.md:7:11: error: related: a page cannot list itself`
	if got != want {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", got, want)
	}
}

func TestLoad_TabsInYAMLArePointedAt(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"nested key", with200(`spec: {name: "RFC 9110, Section 15.3.1", url: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.1"}`,
			"spec:\n\tname: \"RFC 9110, Section 15.3.1\"\n\turl: \"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.3.1\""),
			`content/status/200.md:6:1: error: invalid YAML: found character that cannot start any token (a tab: indent YAML with spaces)`},
		// yaml.v3 reports this one a line early.
		{"later key", with200("related: [404]", "\trelated: [404]"),
			`content/status/200.md:7:1: error: invalid YAML: found a tab character that violates indentation`},
		{"after spaces", with200("related: [404]", "  \trelated: [404]"),
			`content/status/200.md:7:3: error: invalid YAML: mapping values are not allowed in this context (a tab: indent YAML with spaces)`},
		{"site settings", map[string]string{"content/site.yaml": strings.Replace(validConfig, "baseURL", "\tbaseURL", 1)},
			`content/site.yaml:3:1: error: invalid YAML: found a tab character that violates indentation`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := diagStrings(t, site(tc.files)); got != tc.want {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}

func TestTabIndent(t *testing.T) {
	src := []byte("a: 1\n\tb: 2\n  \tc: 3\nd:\t4\n")
	for n, want := range map[int]int{0: 0, 1: 0, 2: 1, 3: 3, 4: 0, 5: 0, 6: 0} {
		if got := tabIndent(src, n); got != want {
			t.Errorf("tabIndent(line %d) = %d, want %d", n, got, want)
		}
	}
}

// site.yaml gets the checks pages get before any YAML is parsed, with
// positions, instead of yaml.v3's unpositioned complaints.
func TestLoad_SiteSettingsMustBeText(t *testing.T) {
	tests := []struct{ name, config, want string }{
		{"binary", validConfig + "logo: \x89PNG\r\n\x1a\n\x00\x00\n",
			`content/site.yaml:7:1: error: binary file: NUL byte; site settings must be UTF-8 text`},
		{"invalid utf-8", strings.Replace(validConfig, "A test site", "A caf\xe9 site", 1),
			`content/site.yaml:2:19: error: invalid UTF-8; save the file as UTF-8`},
		{"huge", validConfig + "#" + strings.Repeat("x", maxFileSize) + "\n",
			`content/site.yaml:1:1: error: file is 1048689 bytes, more than the 1048576 the site settings may have`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := diagStrings(t, site(map[string]string{"content/site.yaml": tc.config})); got != tc.want {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}
