package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/statusgen/statusgen/internal/build"
)

// BuildSite builds the site whose sources are under root (content/ and
// templates/) in memory, as `statusgen build` would write it.
func BuildSite(ctx context.Context, root string) (http.FileSystem, error) {
	res, errs := build.New().Build(ctx, os.DirFS(root), build.Options{})
	if errs.HasErrors() {
		return nil, fmt.Errorf("build %s:\n%v", root, errs)
	}
	return http.FS(res.Files.FS(time.Time{})), nil
}
