package content

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/statusgen/statusgen/internal/diag"
	"github.com/statusgen/statusgen/internal/parallel"
)

var statusFileRE = regexp.MustCompile(`^([0-9]{3})\.md$`)

// Load reads and validates the content of the site rooted at fsys. It always
// returns what it could read; the diagnostics say what is wrong with it, and
// the content must not be built if any of them is an error.
func Load(fsys fs.FS) (*Content, diag.List) {
	return new(Loader).Load(fsys)
}

// Loader loads content again and again, as the preview server does. It
// remembers each page as decoded from the exact bytes of its file, so that
// after an edit only the edited files are parsed again. The zero Loader is
// ready to use; a Loader must not be used by two goroutines at once.
type Loader struct {
	pages map[string]decoded // by path, from the last Load

	// DropSources makes Load keep no page's text or body once its
	// frontmatter is decoded: Content.Source reads a body again when it is
	// needed. A build that streams a large site to disk sets it, so that
	// it never holds every file at once; it leaves check with less to look
	// at (citations, examples), so check does not.
	DropSources bool

	// The data files as decoded last time.
	constants fileMemo[Constants]
	builder   fileMemo[Builder]
	chooser   fileMemo[Chooser]
}

// decoded is one page file's result on its own, before cross-file checks.
type decoded struct {
	stamp   stamp // size and modification time when read
	sum     [32]byte
	status  *Status
	concept *Concept
	errs    diag.List
}

// Load is like the package's Load function.
func (l *Loader) Load(fsys fs.FS) (*Content, diag.List) {
	return l.LoadContext(context.Background(), fsys)
}

// LoadContext is Load that stops early, with incomplete content, when ctx
// is cancelled; the caller must check ctx.Err() before using the result.
func (l *Loader) LoadContext(ctx context.Context, fsys fs.FS) (*Content, diag.List) {
	next := map[string]decoded{}
	defer func() { l.pages = next }()
	var errs diag.List
	c := &Content{fsys: fsys}
	if isSymlink(fsys, "content") {
		// Everything below would be read through the link.
		errs.Errorf(diag.Pos{Path: "content"}, "%s", symlinkDirMsg)
		return c, errs
	}
	c.Config = loadConfig(fsys, &errs)
	c.Constants = loadFile(fsys, ConstantsFile, &l.constants, decodeConstantsFile, &errs)
	// Pages are known by their file names, even those that fail to load,
	// so that one broken file does not make every link to it an error too.
	jobs, known := pageJobs(fsys, &errs)
	if parallel.For(ctx, len(jobs), func(i int) {
		j := &jobs[i]
		j.d = l.page(fsys, j.path, &j.errs, j.decode)
		// At once, so that the texts of a large site are never all held.
		if l.DropSources && j.d.status != nil {
			j.d.status.Text, j.d.status.Body.Source = nil, nil
		}
		if l.DropSources && j.d.concept != nil {
			j.d.concept.Text, j.d.concept.Body.Source = nil, nil
		}
	}) != nil {
		return c, errs
	}
	for i := range jobs {
		d := jobs[i].d
		errs.Append(jobs[i].errs)
		next[jobs[i].path] = d
		if d.status != nil {
			c.Statuses = append(c.Statuses, d.status)
		}
		if d.concept != nil {
			c.Concepts = append(c.Concepts, d.concept)
		}
	}
	toolFiles(fsys, &errs)
	if b := loadFile(fsys, BuilderFile, &l.builder, decodeBuilder, &errs); b != nil {
		c.Builder = b.fresh()
	}
	c.Chooser = loadFile(fsys, ChooserFile, &l.chooser, decodeChooser, &errs)
	sort.SliceStable(c.Statuses, func(i, j int) bool { return c.Statuses[i].Code < c.Statuses[j].Code })
	sort.Slice(c.Concepts, func(i, j int) bool { return c.Concepts[i].Slug < c.Concepts[j].Slug })
	validate(c, known, &errs)
	errs.Sort()
	return c, errs
}

// pageJob is one page file to read and decode, and what came of it.
type pageJob struct {
	path   string
	decode func(*document, *diag.List) decoded
	d      decoded
	errs   diag.List
}

// pageJobs lists the page files, checking their names in order, so that
// they can then be read and decoded on every processor, each into its own
// job. The names are known even for files that will fail to load.
func pageJobs(fsys fs.FS, errs *diag.List) ([]pageJob, names) {
	var jobs []pageJob
	var known names
	for _, name := range pageFiles(fsys, StatusDir, errs) {
		p := path.Join(StatusDir, name)
		m := statusFileRE.FindStringSubmatch(name)
		if m == nil {
			errs.Errorf(diag.Pos{Path: p}, "status pages are named by their code, like 404.md")
			continue
		}
		fileCode, _ := strconv.Atoi(m[1])
		known.codes = append(known.codes, fileCode)
		jobs = append(jobs, pageJob{path: p, decode: func(doc *document, e *diag.List) decoded {
			return decoded{status: decodeStatus(doc, fileCode, e)}
		}})
	}
	for _, name := range pageFiles(fsys, ConceptDir, errs) {
		p := path.Join(ConceptDir, name)
		slug := strings.TrimSuffix(name, ".md")
		if !slugRE.MatchString(slug) {
			errs.Errorf(diag.Pos{Path: p}, "concept pages are named with lower-case words joined by '-', like content-negotiation.md")
			continue
		}
		known.slugs = append(known.slugs, slug)
		jobs = append(jobs, pageJob{path: p, decode: func(doc *document, e *diag.List) decoded {
			return decoded{concept: decodeConcept(doc, slug, e)}
		}})
	}
	return jobs, known
}

// ignored reports whether a file in a content directory is an editor's or
// the operating system's, not the contributor's: swap and backup files
// appear and vanish while the preview server watches.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")
}

// pageFiles lists the Markdown files of dir, reporting anything else found
// there.
func pageFiles(fsys fs.FS, dir string, errs *diag.List) []string {
	if isSymlink(fsys, dir) {
		errs.Errorf(diag.Pos{Path: dir}, "%s", symlinkDirMsg)
		return nil
	}
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		if dir == StatusDir {
			errs.Errorf(diag.Pos{Path: dir}, "missing directory: status pages live in %s/NNN.md", StatusDir)
		}
		return nil
	}
	if err != nil {
		errs.Errorf(diag.Pos{Path: dir}, "cannot read directory: %v", unwrapPathError(err))
		return nil
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		p := path.Join(dir, name)
		switch {
		case ignored(name):
		case e.Type()&fs.ModeSymlink != 0:
			errs.Errorf(diag.Pos{Path: p}, "%s", symlinkFileMsg)
		case e.IsDir():
			errs.Errorf(diag.Pos{Path: p}, "unexpected directory: pages live directly in %s", dir)
		case !strings.HasSuffix(name, ".md"):
			errs.Errorf(diag.Pos{Path: p}, "unexpected file: only .md pages belong in %s", dir)
		case !e.Type().IsRegular():
			errs.Errorf(diag.Pos{Path: p}, "not a regular file")
		default:
			names = append(names, name)
		}
	}
	return names
}

// stamp identifies a version of a file cheaply, as make does.
type stamp struct {
	size    int64
	modTime int64 // nanoseconds
}

func stampOf(fsys fs.FS, p string) (stamp, bool) {
	fi, err := fs.Stat(fsys, p)
	if err != nil || fi.ModTime().IsZero() {
		return stamp{}, false
	}
	return stamp{fi.Size(), fi.ModTime().UnixNano()}, true
}

// page reads the page file p and decodes it with decode, or takes the
// result of the last Load if the file has not changed: same size and
// modification time, or failing that, same bytes.
func (l *Loader) page(fsys fs.FS, p string, errs *diag.List, decode func(*document, *diag.List) decoded) decoded {
	st, stamped := stampOf(fsys, p)
	if d, ok := l.pages[p]; ok && stamped && d.stamp == st {
		errs.Append(d.errs)
		return d
	}
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		errs.Errorf(diag.Pos{Path: p}, "cannot read file: %v", unwrapPathError(err))
		return decoded{}
	}
	sum := sha256.Sum256(src)
	if d, ok := l.pages[p]; ok && d.sum == sum {
		d.stamp = st
		errs.Append(d.errs)
		return d
	}
	var own diag.List
	var d decoded
	if doc := parseDocument(p, src, &own); doc != nil && doc.root != nil {
		d = decode(doc, &own)
	}
	d.sum, d.errs, d.stamp = sum, own, st
	errs.Append(own)
	return d
}

func loadConfig(fsys fs.FS, errs *diag.List) Config {
	if isSymlink(fsys, ConfigFile) {
		errs.Errorf(diag.Pos{Path: ConfigFile}, "%s", symlinkFileMsg)
		return Config{}
	}
	src, err := fs.ReadFile(fsys, ConfigFile)
	if err != nil {
		errs.Errorf(diag.Pos{Path: ConfigFile}, "cannot read site settings: %v", unwrapPathError(err))
		return Config{}
	}
	if !isText(ConfigFile, src, "the site settings", "site settings", errs) {
		return Config{}
	}
	doc := &document{path: ConfigFile}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		errs.Append(yamlError(doc, err, src))
		return Config{}
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		errs.Errorf(diag.Pos{Path: ConfigFile, Line: 1, Col: 1}, "site settings must be a mapping of keys to values")
		return Config{}
	}
	doc.root = root.Content[0]
	return decodeConfig(doc, errs)
}

// Symbolic links could make the site publish or depend on files from
// outside its source tree, wherever they point: content holds real files.
const (
	symlinkFileMsg = "symbolic links are not allowed in content; commit the file itself"
	symlinkDirMsg  = "symbolic links are not allowed in content; commit the directory itself"
)

// isSymlink reports whether name is a symbolic link. On file systems that
// cannot tell, fs.Lstat follows links and nothing is one.
func isSymlink(fsys fs.FS, name string) bool {
	fi, err := fs.Lstat(fsys, name)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

// unwrapPathError drops the path from fs errors: diagnostics already start
// with it.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
