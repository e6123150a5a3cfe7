// Package embed is what //go:embed names: refgo embeds a file into a string or []byte
// variable, or a tree of files into an embed.FS (compiler/types/embed.py resolves the
// patterns and gives the variable its contents), e.g.
//
//	import "embed"
//
//	//go:embed hello.txt static
//	var content embed.FS   // content.ReadFile("static/index.html")
package embed

import (
	"errors"
	"io"
	"io/fs"
	"time"
)

// An FS is a read-only tree of embedded files, an fs.FS. Its zero value is empty.
type FS struct {
	files *[]file
}

// A file is one entry of an FS: its path, ending in "/" for a directory, and its
// contents. The compiler lists every file's parent directories, sorted by (directory,
// name) as split gives them.
type file struct {
	name string
	data string
}

// build is the FS of the (name, data) pairs of list, in that order. The compiler calls
// it to initialise an //go:embed variable of type FS.
func build(list ...string) FS {
	files := make([]file, len(list)/2)
	for i := range files {
		files[i] = file{list[2*i], list[2*i+1]}
	}
	return FS{&files}
}

var (
	_ fs.ReadDirFS  = FS{}
	_ fs.ReadFileFS = FS{}

	// Only the compiler's initialisers name build: this keeps it in the package's
	// declarations importers see (compiler/units.py prunes the unexported functions
	// nothing names).
	_ = build
)

// split is name's directory, final element and whether it names a directory.
func split(name string) (dir, elem string, isDir bool) {
	if name[len(name)-1] == '/' {
		isDir = true
		name = name[:len(name)-1]
	}
	i := len(name) - 1
	for i >= 0 && name[i] != '/' {
		i--
	}
	if i < 0 {
		return ".", name, isDir
	}
	return name[:i], name[i+1:], isDir
}

func (f *file) Name() string               { _, elem, _ := split(f.name); return elem }
func (f *file) Size() int64                { return int64(len(f.data)) }
func (f *file) ModTime() time.Time         { return time.Time{} }
func (f *file) IsDir() bool                { _, _, isDir := split(f.name); return isDir }
func (f *file) Sys() any                   { return nil }
func (f *file) Type() fs.FileMode          { return f.Mode().Type() }
func (f *file) Info() (fs.FileInfo, error) { return f, nil }

func (f *file) Mode() fs.FileMode {
	if f.IsDir() {
		return fs.ModeDir | 0555
	}
	return 0444
}

// dotFile is the root directory.
var dotFile = &file{name: "./"}

// lookup is the entry named name, or nil.
func (f FS) lookup(name string) *file {
	if !fs.ValidPath(name) {
		return nil
	}
	if name == "." {
		return dotFile
	}
	if f.files == nil {
		return nil
	}
	dir, elem, _ := split(name)
	files := *f.files
	lo, hi := 0, len(files)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		d, e, _ := split(files[m].name)
		if d < dir || d == dir && e < elem {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(files) {
		d, e, _ := split(files[lo].name)
		if d == dir && e == elem {
			return &files[lo]
		}
	}
	return nil
}

// readDir is the entries of directory dir.
func (f FS) readDir(dir string) []file {
	if f.files == nil {
		return nil
	}
	files := *f.files
	start := -1
	for i := range files {
		d, _, _ := split(files[i].name)
		if d == dir {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return files[start:i]
		}
	}
	if start < 0 {
		return nil
	}
	return files[start:]
}

// Open opens the named file (or directory) for reading.
func (f FS) Open(name string) (fs.File, error) {
	file := f.lookup(name)
	if file == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if file.IsDir() {
		return &openDir{file, f.readDir(name), 0}, nil
	}
	return &openFile{file, 0}, nil
}

// ReadDir lists the named directory, sorted by name.
func (f FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	dir, ok := file.(*openDir)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("not a directory")}
	}
	list := make([]fs.DirEntry, len(dir.files))
	for i := range list {
		list[i] = &dir.files[i]
	}
	return list, nil
}

// ReadFile is the named file's contents, in a new slice.
func (f FS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	ofile, ok := file.(*openFile)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	return []byte(ofile.f.data), nil
}

// An openFile is an open regular file.
type openFile struct {
	f      *file
	offset int64
}

var _ io.Seeker = (*openFile)(nil)

func (f *openFile) Close() error               { return nil }
func (f *openFile) Stat() (fs.FileInfo, error) { return f.f, nil }

func (f *openFile) Read(b []byte) (int, error) {
	if f.offset >= int64(len(f.f.data)) {
		return 0, io.EOF
	}
	if f.offset < 0 {
		return 0, &fs.PathError{Op: "read", Path: f.f.name, Err: fs.ErrInvalid}
	}
	n := copy(b, f.f.data[f.offset:])
	f.offset += int64(n)
	return n, nil
}

func (f *openFile) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += f.offset
	case io.SeekEnd:
		offset += int64(len(f.f.data))
	}
	if offset < 0 || offset > int64(len(f.f.data)) {
		return 0, &fs.PathError{Op: "seek", Path: f.f.name, Err: fs.ErrInvalid}
	}
	f.offset = offset
	return offset, nil
}

// An openDir is an open directory.
type openDir struct {
	f      *file
	files  []file
	offset int
}

func (d *openDir) Close() error               { return nil }
func (d *openDir) Stat() (fs.FileInfo, error) { return d.f, nil }

func (d *openDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.f.name, Err: errors.New("is a directory")}
}

func (d *openDir) ReadDir(count int) ([]fs.DirEntry, error) {
	n := len(d.files) - d.offset
	if n == 0 {
		if count <= 0 {
			return nil, nil
		}
		return nil, io.EOF
	}
	if count > 0 && n > count {
		n = count
	}
	list := make([]fs.DirEntry, n)
	for i := range list {
		list[i] = &d.files[d.offset+i]
	}
	d.offset += n
	return list, nil
}
