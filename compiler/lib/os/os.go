// Package os is refgo's small operating-system interface: the standard streams,
// the command-line arguments and process exit.
//
//	fmt.Fprintln(os.Stderr, "usage:", os.Args[0])
//	os.Exit(2)
//
// Output goes straight to the file descriptor (no buffering), like gc's os.File.
package os

import (
	"errors"
	"io"
	"io/fs"
)

// File is an open file descriptor. Only the three standard streams exist.
type File struct {
	fd     int
	name   string
	dirbuf []byte // getdents64 records not yet returned by ReadDir
	closed bool
}

var (
	Stdin  = &File{fd: 0, name: "/dev/stdin"}
	Stdout = &File{fd: 1, name: "/dev/stdout"}
	Stderr = &File{fd: 2, name: "/dev/stderr"}
)

// Args holds the command-line arguments, starting with the program name.
var Args []string = sysArgs()

// The portable errors (io/fs's).
var (
	ErrInvalid    = fs.ErrInvalid
	ErrPermission = fs.ErrPermission
	ErrExist      = fs.ErrExist
	ErrNotExist   = fs.ErrNotExist
	ErrClosed     = fs.ErrClosed
)

// errInvalidArgument is EINVAL's text.
var errInvalidArgument = errors.New("invalid argument")

// PathError records an error and the operation and file path that caused it.
type PathError = fs.PathError

// Name returns the name of the file, e.g. "/dev/stdout".
func (f *File) Name() string { return f.name }

// Fd returns the file descriptor number.
func (f *File) Fd() uintptr { return uintptr(f.fd) }

// Write writes all of p to f and returns the number of bytes written; a short
// write, a system error or a closed file is reported as a *PathError.
func (f *File) Write(p []byte) (int, error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	done := 0
	for done < len(p) {
		n := sysWrite(f.fd, p[done:])
		if n <= 0 {
			return done, &PathError{Op: "write", Path: f.name, Err: errors.New("write error")}
		}
		done += n
	}
	return done, nil
}

// Read reads up to len(p) bytes from f: io.EOF at end of file, a *PathError
// for a system error or a closed file.
func (f *File) Read(p []byte) (int, error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if len(p) == 0 {
		return 0, nil
	}
	n := sysRead(f.fd, p)
	if n < 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: errors.New("read error")}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// WriteString is Write of the bytes of s.
func (f *File) WriteString(s string) (int, error) {
	return f.Write([]byte(s))
}

// Exit ends the program immediately with the given status code; deferred
// functions do not run.
func Exit(code int) {
	sysExit(code)
}
