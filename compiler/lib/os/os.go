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
)

// File is an open file descriptor. Only the three standard streams exist.
type File struct {
	fd   int
	name string
}

var (
	Stdin  = &File{0, "/dev/stdin"}
	Stdout = &File{1, "/dev/stdout"}
	Stderr = &File{2, "/dev/stderr"}
)

// Args holds the command-line arguments, starting with the program name.
var Args []string = sysArgs()

// ErrClosed is returned by operations on a nil *File.
var ErrClosed = errors.New("file already closed")

// ErrInvalid is returned when an operation is given an invalid argument.
var ErrInvalid = errors.New("invalid argument")

// errInvalidArgument is EINVAL's text.
var errInvalidArgument = errors.New("invalid argument")

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *PathError) Unwrap() error { return e.Err }

// Name returns the name of the file, e.g. "/dev/stdout".
func (f *File) Name() string { return f.name }

// Fd returns the file descriptor number.
func (f *File) Fd() uintptr { return uintptr(f.fd) }

// Write writes all of p to f and returns the number of bytes written; a short
// write or a system error is reported as a *PathError.
func (f *File) Write(p []byte) (int, error) {
	if f == nil {
		return 0, ErrInvalid
	}
	done := 0
	for done < len(p) {
		n := sysWrite(f.fd, p[done:])
		if n <= 0 {
			return done, &PathError{"write", f.name, errors.New("write error")}
		}
		done += n
	}
	return done, nil
}

// Read reads up to len(p) bytes from f: io.EOF at end of file, a *PathError
// for a system error.
func (f *File) Read(p []byte) (int, error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if len(p) == 0 {
		return 0, nil
	}
	n := sysRead(f.fd, p)
	if n < 0 {
		return 0, &PathError{"read", f.name, errors.New("read error")}
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
