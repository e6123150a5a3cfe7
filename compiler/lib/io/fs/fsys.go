package fs

import (
	"errors"
	"io"
	"path"
	"unicode/utf8"
)

// An FS is a read-only tree of files named by slash-separated, unrooted paths
// (ValidPath); "." is its root.
type FS interface {
	Open(name string) (File, error)
}

// A File is an open file of an FS.
type File interface {
	Stat() (FileInfo, error)
	Read([]byte) (int, error)
	Close() error
}

// A ReadDirFile is a directory's File: ReadDir(n) lists at most n more entries (then
// io.EOF) when n > 0, or all the rest (and a nil error) when n <= 0.
type ReadDirFile interface {
	File
	ReadDir(n int) ([]DirEntry, error)
}

// ReadDirFS is an FS with its own ReadDir, whose entries are sorted by name.
type ReadDirFS interface {
	FS
	ReadDir(name string) ([]DirEntry, error)
}

// ReadFileFS is an FS with its own ReadFile; the caller may keep the slice.
type ReadFileFS interface {
	FS
	ReadFile(name string) ([]byte, error)
}

// StatFS is an FS with its own Stat.
type StatFS interface {
	FS
	Stat(name string) (FileInfo, error)
}

// SubFS is an FS with its own Sub.
type SubFS interface {
	FS
	Sub(dir string) (FS, error)
}

// GlobFS is an FS with its own Glob.
type GlobFS interface {
	FS
	Glob(pattern string) ([]string, error)
}

// ValidPath reports whether name may be passed to Open: UTF-8, unrooted, no empty,
// "." or ".." element, no trailing slash; "." alone names the root.
func ValidPath(name string) bool {
	if !utf8.ValidString(name) {
		return false
	}
	if name == "." {
		return true
	}
	for {
		i := 0
		for i < len(name) && name[i] != '/' {
			i++
		}
		elem := name[:i]
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
		if i == len(name) {
			return true
		}
		name = name[i+1:]
	}
}

// ReadFile reads the named file of fsys whole, through its ReadFile if it has one.
func ReadFile(fsys FS, name string) ([]byte, error) {
	if r, ok := fsys.(ReadFileFS); ok {
		return r.ReadFile(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 512
	if info, err := f.Stat(); err == nil && int(info.Size()) >= size {
		size = int(info.Size()) + 1
	}
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
	}
}

// ReadDir lists the named directory of fsys sorted by name, through its ReadDir if it
// has one.
func ReadDir(fsys FS, name string) ([]DirEntry, error) {
	if r, ok := fsys.(ReadDirFS); ok {
		return r.ReadDir(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dir, ok := f.(ReadDirFile)
	if !ok {
		return nil, &PathError{Op: "readdir", Path: name, Err: errors.New("not implemented")}
	}
	list, err := dir.ReadDir(-1)
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].Name() < list[j-1].Name(); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
	return list, err
}

// Stat describes the named file of fsys, through its Stat if it has one.
func Stat(fsys FS, name string) (FileInfo, error) {
	if s, ok := fsys.(StatFS); ok {
		return s.Stat(name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Stat()
}

// FileInfoToDirEntry is the DirEntry that info describes (nil for nil).
func FileInfoToDirEntry(info FileInfo) DirEntry {
	if info == nil {
		return nil
	}
	return &infoEntry{info}
}

type infoEntry struct{ info FileInfo }

func (d *infoEntry) Name() string            { return d.info.Name() }
func (d *infoEntry) IsDir() bool             { return d.info.IsDir() }
func (d *infoEntry) Type() FileMode          { return d.info.Mode().Type() }
func (d *infoEntry) Info() (FileInfo, error) { return d.info, nil }

// WalkDir calls fn for root and everything under it in lexical order; fn's SkipDir
// skips a directory (or the rest of a file's directory), another error stops the walk.
func WalkDir(fsys FS, root string, fn WalkDirFunc) error {
	info, err := Stat(fsys, root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(fsys, root, FileInfoToDirEntry(info), fn)
	}
	if err == SkipDir {
		return nil
	}
	return err
}

func walkDir(fsys FS, name string, d DirEntry, fn WalkDirFunc) error {
	if err := fn(name, d, nil); err != nil || !d.IsDir() {
		if err == SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	list, err := ReadDir(fsys, name)
	if err != nil {
		if err = fn(name, d, err); err != nil {
			if err == SkipDir {
				err = nil
			}
			return err
		}
	}
	for _, e := range list {
		if err := walkDir(fsys, path.Join(name, e.Name()), e, fn); err != nil {
			if err == SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// Glob lists the names of fsys matching pattern (path.Match's syntax), through its
// Glob if it has one; the only error is path.ErrBadPattern.
func Glob(fsys FS, pattern string) ([]string, error) {
	if g, ok := fsys.(GlobFS); ok {
		return g.Glob(pattern)
	}
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err := Stat(fsys, pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, file := path.Split(pattern)
	dir = cleanGlobPath(dir)
	if !hasMeta(dir) {
		return globIn(fsys, dir, file, nil)
	}
	if dir == pattern {
		return nil, path.ErrBadPattern
	}
	dirs, err := Glob(fsys, dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range dirs {
		if out, err = globIn(fsys, d, file, out); err != nil {
			return out, err
		}
	}
	return out, nil
}

func cleanGlobPath(p string) string {
	switch p {
	case "":
		return "."
	default:
		return p[:len(p)-1]
	}
}

// globIn appends to out the names in dir matching pattern.
func globIn(fsys FS, dir, pattern string, out []string) ([]string, error) {
	list, err := ReadDir(fsys, dir)
	if err != nil {
		return out, nil
	}
	for _, e := range list {
		ok, err := path.Match(pattern, e.Name())
		if err != nil {
			return out, err
		}
		if ok {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	return out, nil
}

func hasMeta(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '*', '?', '[', '\\':
			return true
		}
	}
	return false
}

// Sub is the subtree of fsys at dir, through its Sub if it has one.
func Sub(fsys FS, dir string) (FS, error) {
	if !ValidPath(dir) {
		return nil, &PathError{Op: "sub", Path: dir, Err: errors.New("invalid name")}
	}
	if dir == "." {
		return fsys, nil
	}
	if s, ok := fsys.(SubFS); ok {
		return s.Sub(dir)
	}
	return &subFS{fsys, dir}, nil
}

type subFS struct {
	fsys FS
	dir  string
}

// full is name's path in the parent FS.
func (f *subFS) full(op, name string) (string, error) {
	if !ValidPath(name) {
		return "", &PathError{Op: op, Path: name, Err: errors.New("invalid name")}
	}
	return path.Join(f.dir, name), nil
}

// fix rewrites a PathError's path from the parent FS's to the subtree's.
func (f *subFS) fix(err error) error {
	if e, ok := err.(*PathError); ok {
		if e.Path == f.dir {
			e.Path = "."
		} else if len(e.Path) > len(f.dir) && e.Path[:len(f.dir)] == f.dir && e.Path[len(f.dir)] == '/' {
			e.Path = e.Path[len(f.dir)+1:]
		}
	}
	return err
}

func (f *subFS) Open(name string) (File, error) {
	full, err := f.full("open", name)
	if err != nil {
		return nil, err
	}
	file, err := f.fsys.Open(full)
	return file, f.fix(err)
}

func (f *subFS) ReadDir(name string) ([]DirEntry, error) {
	full, err := f.full("read", name)
	if err != nil {
		return nil, err
	}
	list, err := ReadDir(f.fsys, full)
	return list, f.fix(err)
}

func (f *subFS) ReadFile(name string) ([]byte, error) {
	full, err := f.full("read", name)
	if err != nil {
		return nil, err
	}
	data, err := ReadFile(f.fsys, full)
	return data, f.fix(err)
}

func (f *subFS) Sub(dir string) (FS, error) {
	if dir == "." {
		return f, nil
	}
	full, err := f.full("sub", dir)
	if err != nil {
		return nil, err
	}
	return &subFS{f.fsys, full}, nil
}
