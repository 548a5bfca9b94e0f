package output

import "context"

// WriteDir replaces dir with the files, atomically as far as the operating
// system allows. If anything fails, or ctx is cancelled, dir is left exactly
// as it was and nothing of the new tree remains.
func WriteDir(ctx context.Context, dir string, f *Files) error {
	d, err := Create(dir)
	if err != nil {
		return err
	}
	for _, name := range f.Names() {
		if err := ctx.Err(); err != nil {
			d.Abort()
			return err
		}
		data, _ := f.Get(name)
		if err := d.Add(name, data); err != nil {
			d.Abort()
			return err
		}
	}
	return d.Commit()
}
