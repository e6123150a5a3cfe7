package os

import (
	"io"
	"io/fs"
	"syscall"
	"time"
)

// Files beyond the standard streams, over package syscall. Errors are *PathError
// with gc's operation names and errno texts:
//
//	_, err := os.Open("x")   // "open x: no such file or directory"

// Flags to OpenFile.
const (
	O_RDONLY int = syscall.O_RDONLY
	O_WRONLY int = syscall.O_WRONLY
	O_RDWR   int = syscall.O_RDWR
	O_APPEND int = syscall.O_APPEND
	O_CREATE int = syscall.O_CREAT
	O_EXCL   int = syscall.O_EXCL
	O_SYNC   int = syscall.O_SYNC
	O_TRUNC  int = syscall.O_TRUNC
)

// Seek whence values.
const (
	SEEK_SET int = 0
	SEEK_CUR int = 1
	SEEK_END int = 2
)

// PathSeparator and PathListSeparator are the OS's.
const (
	PathSeparator     = '/'
	PathListSeparator = ':'
	DevNull           = "/dev/null"
)

type (
	FileInfo = fs.FileInfo
	FileMode = fs.FileMode
	DirEntry = fs.DirEntry
)

const (
	ModeDir        = fs.ModeDir
	ModeAppend     = fs.ModeAppend
	ModeExclusive  = fs.ModeExclusive
	ModeTemporary  = fs.ModeTemporary
	ModeSymlink    = fs.ModeSymlink
	ModeDevice     = fs.ModeDevice
	ModeNamedPipe  = fs.ModeNamedPipe
	ModeSocket     = fs.ModeSocket
	ModeSetuid     = fs.ModeSetuid
	ModeSetgid     = fs.ModeSetgid
	ModeCharDevice = fs.ModeCharDevice
	ModeSticky     = fs.ModeSticky
	ModeIrregular  = fs.ModeIrregular
	ModeType       = fs.ModeType
	ModePerm       = fs.ModePerm
)

// Open opens the named file for reading.
func Open(name string) (*File, error) { return OpenFile(name, O_RDONLY, 0) }

// Create creates or truncates the named file (mode 0666 before umask).
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// OpenFile opens the named file with the given flags and, when creating, permissions.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, err := syscall.Open(name, flag, syscallMode(perm))
	if err != nil {
		return nil, &PathError{Op: "open", Path: name, Err: err}
	}
	return &File{fd: fd, name: name}, nil
}

func syscallMode(m FileMode) uint32 {
	o := uint32(m.Perm())
	if m&ModeSetuid != 0 {
		o |= syscall.S_ISUID
	}
	if m&ModeSetgid != 0 {
		o |= syscall.S_ISGID
	}
	if m&ModeSticky != 0 {
		o |= syscall.S_ISVTX
	}
	return o
}

func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: op, Path: f.name, Err: ErrClosed}
	}
	return nil
}

// Close closes the file; a second Close returns an error.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return &PathError{Op: "close", Path: f.name, Err: ErrClosed}
	}
	f.closed = true
	if err := syscall.Close(f.fd); err != nil {
		return &PathError{Op: "close", Path: f.name, Err: err}
	}
	return nil
}

// Seek sets the offset for the next Read or Write.
func (f *File) Seek(offset int64, whence int) (int64, error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	r, err := syscall.Seek(f.fd, offset, whence)
	if err != nil {
		return 0, &PathError{Op: "seek", Path: f.name, Err: err}
	}
	return r, nil
}

// ReadAt reads len(b) bytes from offset off; io.EOF when fewer remain.
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	cur, err := f.Seek(0, SEEK_CUR)
	if err != nil {
		return 0, err
	}
	defer f.Seek(cur, SEEK_SET)
	if _, err := f.Seek(off, SEEK_SET); err != nil {
		return 0, err
	}
	return io.ReadFull(f, b)
}

// Truncate changes the size of the file.
func (f *File) Truncate(size int64) error {
	if err := f.checkValid("truncate"); err != nil {
		return err
	}
	if err := syscall.Ftruncate(f.fd, size); err != nil {
		return &PathError{Op: "truncate", Path: f.name, Err: err}
	}
	return nil
}

// Sync commits the file's contents to stable storage.
func (f *File) Sync() error {
	if err := f.checkValid("sync"); err != nil {
		return err
	}
	if err := syscall.Fsync(f.fd); err != nil {
		return &PathError{Op: "sync", Path: f.name, Err: err}
	}
	return nil
}

// Stat returns the FileInfo of the open file.
func (f *File) Stat() (FileInfo, error) {
	if err := f.checkValid("stat"); err != nil {
		return nil, err
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(f.fd, &st); err != nil {
		return nil, &PathError{Op: "stat", Path: f.name, Err: err}
	}
	return newFileStat(basename(f.name), &st), nil
}

// fileStat is the FileInfo of Stat, Lstat and ReadDir.
type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
	sys     syscall.Stat_t
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) IsDir() bool        { return fs.mode.IsDir() }
func (fs *fileStat) Sys() any           { return &fs.sys }

func newFileStat(name string, st *syscall.Stat_t) *fileStat {
	f := &fileStat{name: name, size: st.Size, modTime: time.Unix(st.Mtim.Sec, st.Mtim.Nsec), sys: *st}
	f.mode = FileMode(st.Mode & 0777)
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFBLK:
		f.mode |= ModeDevice
	case syscall.S_IFCHR:
		f.mode |= ModeDevice | ModeCharDevice
	case syscall.S_IFDIR:
		f.mode |= ModeDir
	case syscall.S_IFIFO:
		f.mode |= ModeNamedPipe
	case syscall.S_IFLNK:
		f.mode |= ModeSymlink
	case syscall.S_IFSOCK:
		f.mode |= ModeSocket
	}
	if st.Mode&syscall.S_ISGID != 0 {
		f.mode |= ModeSetgid
	}
	if st.Mode&syscall.S_ISUID != 0 {
		f.mode |= ModeSetuid
	}
	if st.Mode&syscall.S_ISVTX != 0 {
		f.mode |= ModeSticky
	}
	return f
}

// basename is the last element of name, trailing slashes removed.
func basename(name string) string {
	i := len(name) - 1
	for i > 0 && name[i] == '/' {
		name = name[:i]
		i--
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

// Stat returns a FileInfo describing the named file (following symbolic links).
func Stat(name string) (FileInfo, error) {
	var st syscall.Stat_t
	if err := syscall.Stat(name, &st); err != nil {
		return nil, &PathError{Op: "stat", Path: name, Err: err}
	}
	return newFileStat(basename(name), &st), nil
}

// Lstat is Stat without following a final symbolic link.
func Lstat(name string) (FileInfo, error) {
	var st syscall.Stat_t
	if err := syscall.Lstat(name, &st); err != nil {
		return nil, &PathError{Op: "lstat", Path: name, Err: err}
	}
	return newFileStat(basename(name), &st), nil
}

// ReadFile reads the named file and returns its contents.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, 512)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := syscall.Read(f.fd, data[len(data):cap(data)])
		if err != nil {
			return data, &PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

// WriteFile writes data to the named file, creating it with perm if needed.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err1 != nil && err == nil {
		err = err1
	}
	return err
}

// Remove removes the named file or (empty) directory.
func Remove(name string) error {
	e := syscall.Unlink(name)
	if e == nil {
		return nil
	}
	e1 := syscall.Rmdir(name)
	if e1 == nil {
		return nil
	}
	if e1 != syscall.ENOTDIR {
		e = e1
	}
	return &PathError{Op: "remove", Path: name, Err: e}
}

// RemoveAll removes path and everything it contains; nil if path does not exist.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if err := Remove(path); err == nil || IsNotExist(err) {
		return nil
	}
	fi, err := Lstat(path)
	if err != nil {
		if IsNotExist(err) {
			return nil
		}
		return err
	}
	if !fi.IsDir() {
		return Remove(path)
	}
	entries, err := ReadDir(path)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := RemoveAll(path + "/" + e.Name()); err != nil {
			return err
		}
	}
	if err := Remove(path); err != nil && !IsNotExist(err) {
		return err
	}
	return nil
}

// Rename renames (moves) oldpath to newpath.
func Rename(oldpath, newpath string) error {
	if err := syscall.Rename(oldpath, newpath); err != nil {
		return &LinkError{"rename", oldpath, newpath, err}
	}
	return nil
}

// Symlink creates newname as a symbolic link to oldname.
func Symlink(oldname, newname string) error {
	if err := syscall.Symlink(oldname, newname); err != nil {
		return &LinkError{"symlink", oldname, newname, err}
	}
	return nil
}

// Readlink returns the destination of the named symbolic link.
func Readlink(name string) (string, error) {
	buf := make([]byte, 256)
	for {
		n, err := syscall.Readlink(name, buf)
		if err != nil {
			return "", &PathError{Op: "readlink", Path: name, Err: err}
		}
		if n < len(buf) {
			return string(buf[:n]), nil
		}
		buf = make([]byte, 2*len(buf))
	}
}

// LinkError records an error during a link, symlink or rename.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string { return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error() }

func (e *LinkError) Unwrap() error { return e.Err }

// Mkdir creates a directory with the given permissions (before umask).
func Mkdir(name string, perm FileMode) error {
	if err := syscall.Mkdir(name, syscallMode(perm)); err != nil {
		return &PathError{Op: "mkdir", Path: name, Err: err}
	}
	return nil
}

// MkdirAll creates a directory and any missing parents; nil if it already exists.
func MkdirAll(path string, perm FileMode) error {
	if dir, err := Stat(path); err == nil {
		if dir.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: syscall.ENOTDIR}
	}
	i := len(path)
	for i > 0 && path[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' {
		j--
	}
	if j > 1 {
		if err := MkdirAll(path[:j-1], perm); err != nil {
			return err
		}
	}
	if err := Mkdir(path, perm); err != nil {
		dir, err1 := Lstat(path)
		if err1 == nil && dir.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// Chdir changes the current working directory.
func Chdir(dir string) error {
	if err := syscall.Chdir(dir); err != nil {
		return &PathError{Op: "chdir", Path: dir, Err: err}
	}
	return nil
}

// Chmod changes the mode of the named file.
func Chmod(name string, mode FileMode) error {
	if err := syscall.Chmod(name, syscallMode(mode)); err != nil {
		return &PathError{Op: "chmod", Path: name, Err: err}
	}
	return nil
}

// Getwd returns the current directory's absolute path.
func Getwd() (dir string, err error) {
	buf := make([]byte, 4096)
	n, err := syscall.Getcwd(buf)
	if err != nil {
		return "", NewSyscallError("getwd", err)
	}
	if n > 0 && buf[n-1] == 0 {
		n--
	}
	return string(buf[:n]), nil
}

// Getpid returns the process id of the caller.
func Getpid() int { return syscall.Getpid() }

// TempDir returns $TMPDIR, or /tmp.
func TempDir() string {
	if d := Getenv("TMPDIR"); d != "" {
		return d
	}
	return "/tmp"
}

// IsNotExist reports whether err says a file does not exist.
func IsNotExist(err error) bool { return underlyingIs(err, ErrNotExist) }

// IsExist reports whether err says a file already exists.
func IsExist(err error) bool { return underlyingIs(err, ErrExist) }

// IsPermission reports whether err says permission is denied.
func IsPermission(err error) bool { return underlyingIs(err, ErrPermission) }

func underlyingIs(err, target error) bool {
	switch e := err.(type) {
	case *PathError:
		err = e.Err
	case *LinkError:
		err = e.Err
	case *SyscallError:
		err = e.Err
	}
	if err == target {
		return true
	}
	e, ok := err.(syscall.Errno)
	return ok && e.Is(target)
}

// dirEntry is a DirEntry of ReadDir.
type dirEntry struct {
	dir  string
	name string
	typ  FileMode
}

func (d *dirEntry) Name() string            { return d.name }
func (d *dirEntry) IsDir() bool             { return d.typ.IsDir() }
func (d *dirEntry) Type() FileMode          { return d.typ }
func (d *dirEntry) Info() (FileInfo, error) { return Lstat(d.dir + "/" + d.name) }
func (d *dirEntry) String() string          { return d.typ.String()[:1] + " " + d.name }

// ReadDir reads the directory's entries, sorted by file name.
func ReadDir(name string) ([]DirEntry, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dirs, err := f.ReadDir(-1)
	for i := 1; i < len(dirs); i++ {
		for j := i; j > 0 && dirs[j].Name() < dirs[j-1].Name(); j-- {
			dirs[j], dirs[j-1] = dirs[j-1], dirs[j]
		}
	}
	return dirs, err
}

// ReadDir reads up to n entries (all for n <= 0) of the directory, in directory order.
func (f *File) ReadDir(n int) ([]DirEntry, error) {
	if err := f.checkValid("readdirent"); err != nil {
		return nil, err
	}
	var out []DirEntry
	for n <= 0 || len(out) < n {
		if len(f.dirbuf) == 0 {
			buf := make([]byte, 8192)
			k, err := syscall.Getdents(f.fd, buf)
			if err != nil {
				return out, &PathError{Op: "readdirent", Path: f.name, Err: err}
			}
			if k <= 0 {
				break
			}
			f.dirbuf = buf[:k]
		}
		b := f.dirbuf
		reclen := int(b[16]) | int(b[17])<<8
		typ := b[18]
		nm := b[19:reclen]
		for i, c := range nm {
			if c == 0 {
				nm = nm[:i]
				break
			}
		}
		f.dirbuf = b[reclen:]
		name := string(nm)
		if name == "." || name == ".." {
			continue
		}
		var mode FileMode
		switch typ {
		case 4:
			mode = ModeDir
		case 10:
			mode = ModeSymlink
		case 1:
			mode = ModeNamedPipe
		case 12:
			mode = ModeSocket
		case 2:
			mode = ModeDevice | ModeCharDevice
		case 6:
			mode = ModeDevice
		}
		out = append(out, &dirEntry{f.name, name, mode})
	}
	if n > 0 && len(out) == 0 {
		return nil, io.EOF
	}
	return out, nil
}

// Readdirnames reads up to n names (all for n <= 0) of the directory's entries.
func (f *File) Readdirnames(n int) ([]string, error) {
	ents, err := f.ReadDir(n)
	names := make([]string, len(ents))
	for i, e := range ents {
		names[i] = e.Name()
	}
	return names, err
}

// Readdir reads up to n FileInfos (all for n <= 0) of the directory's entries.
func (f *File) Readdir(n int) ([]FileInfo, error) {
	ents, err := f.ReadDir(n)
	infos := make([]FileInfo, 0, len(ents))
	for _, e := range ents {
		fi, err1 := e.Info()
		if err1 == nil {
			infos = append(infos, fi)
		}
	}
	return infos, err
}

// CreateTemp creates a new file in dir (TempDir() if "") whose name is pattern with
// its last "*" (or its end) replaced by a random string, opened for reading and writing.
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix := splitPattern(pattern)
	for try := 0; try < 10000; try++ {
		name := dir + "/" + prefix + nextRandom() + suffix
		f, err := OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) {
			continue
		}
		return f, err
	}
	return nil, &PathError{Op: "createtemp", Path: dir + "/" + prefix + "*" + suffix, Err: ErrExist}
}

// MkdirTemp creates a new directory in dir (TempDir() if "") named as CreateTemp names
// files, and returns its path.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix := splitPattern(pattern)
	for try := 0; try < 10000; try++ {
		name := dir + "/" + prefix + nextRandom() + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if !IsExist(err) {
			return "", err
		}
	}
	return "", &PathError{Op: "mkdirtemp", Path: dir + "/" + prefix + "*" + suffix, Err: ErrExist}
}

func splitPattern(pattern string) (prefix, suffix string) {
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:]
		}
	}
	return pattern, ""
}

var randState uint32

func nextRandom() string {
	if randState == 0 {
		randState = uint32(time.Now().UnixNano()) ^ uint32(Getpid())<<16 | 1
	}
	randState = randState*1664525 + 1013904223
	return itoa(int(randState % 1000000000))
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// NewSyscallError returns an error for the system call name, nil if err is nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}
