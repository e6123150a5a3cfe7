// Package filepath manipulates file paths (slash-separated, as on Linux) and walks
// file trees:
//
//	filepath.Join(dir, "x.go")
//	filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error { ... })
package filepath

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

const (
	Separator     = os.PathSeparator
	ListSeparator = os.PathListSeparator
)

// SkipDir is returned by a walk function to skip the directory it was called for.
var SkipDir = fs.SkipDir

// ErrBadPattern indicates a pattern was malformed.
var ErrBadPattern = errors.New("syntax error in pattern")

func Clean(p string) string             { return path.Clean(p) }
func Join(elem ...string) string        { return path.Join(elem...) }
func Split(p string) (dir, file string) { return path.Split(p) }
func Ext(p string) string               { return path.Ext(p) }
func Base(p string) string              { return path.Base(p) }
func Dir(p string) string               { return path.Dir(p) }
func IsAbs(p string) bool               { return path.IsAbs(p) }
func ToSlash(p string) string           { return p }
func FromSlash(p string) string         { return p }
func VolumeName(p string) string        { return "" }

// SplitList splits a PATH-style list at its colons; [] for "".
func SplitList(p string) []string {
	if p == "" {
		return []string{}
	}
	return strings.Split(p, string(ListSeparator))
}

// Abs returns an absolute form of p, joined to the working directory if relative.
func Abs(p string) (string, error) {
	if IsAbs(p) {
		return Clean(p), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return Join(wd, p), nil
}

// Rel returns a relative path that is lexically equivalent to targpath when joined
// to basepath.
func Rel(basepath, targpath string) (string, error) {
	base := Clean(basepath)
	targ := Clean(targpath)
	if targ == base {
		return ".", nil
	}
	if base == "." {
		base = ""
	}
	if IsAbs(base) != IsAbs(targ) {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	bl, tl := len(base), len(targ)
	var b0, bi, t0, ti int
	for {
		for bi < bl && base[bi] != '/' {
			bi++
		}
		for ti < tl && targ[ti] != '/' {
			ti++
		}
		if targ[t0:ti] != base[b0:bi] {
			break
		}
		if bi < bl {
			bi++
		}
		if ti < tl {
			ti++
		}
		b0, t0 = bi, ti
	}
	if base[b0:bi] == ".." {
		return "", errors.New("Rel: can't make " + targpath + " relative to " + basepath)
	}
	if b0 != bl {
		seps := strings.Count(base[b0:bl], "/")
		s := ".." + strings.Repeat("/..", seps)
		if t0 != tl {
			s += "/" + targ[t0:]
		}
		return s, nil
	}
	return targ[t0:], nil
}

// WalkDir walks the tree rooted at root in lexical order, calling fn for each file
// or directory (root included).
func WalkDir(root string, fn fs.WalkDirFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(root, &statDirEntry{info}, fn)
	}
	if err == SkipDir {
		return nil
	}
	return err
}

type statDirEntry struct{ info fs.FileInfo }

func (d *statDirEntry) Name() string               { return d.info.Name() }
func (d *statDirEntry) IsDir() bool                { return d.info.IsDir() }
func (d *statDirEntry) Type() fs.FileMode          { return d.info.Mode().Type() }
func (d *statDirEntry) Info() (fs.FileInfo, error) { return d.info, nil }

func walkDir(p string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(p, d, nil); err != nil || !d.IsDir() {
		if err == SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	dirs, err := os.ReadDir(p)
	if err != nil {
		err = fn(p, d, err)
		if err != nil {
			if err == SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	for _, d1 := range dirs {
		if err := walkDir(Join(p, d1.Name()), d1, fn); err != nil {
			if err == SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// WalkFunc is the type of the function called by Walk to visit each file or directory.
type WalkFunc func(path string, info fs.FileInfo, err error) error

// Walk walks the file tree rooted at root in lexical order, calling fn with each
// file's FileInfo.
func Walk(root string, fn WalkFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walk(root, info, fn)
	}
	if err == SkipDir {
		return nil
	}
	return err
}

func walk(p string, info fs.FileInfo, fn WalkFunc) error {
	if !info.IsDir() {
		return fn(p, info, nil)
	}
	f, err := os.Open(p)
	var names []string
	if err == nil {
		names, err = f.Readdirnames(-1)
		f.Close()
		sort.Strings(names)
	}
	err1 := fn(p, info, err)
	if err != nil || err1 != nil {
		return err1
	}
	for _, name := range names {
		fname := Join(p, name)
		fi, err := os.Lstat(fname)
		if err != nil {
			if err := fn(fname, fi, err); err != nil && err != SkipDir {
				return err
			}
			continue
		}
		err = walk(fname, fi, fn)
		if err != nil {
			if !fi.IsDir() || err != SkipDir {
				return err
			}
		}
	}
	return nil
}
