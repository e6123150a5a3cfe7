// Package oserror holds the portable errors that io/fs and os export and that
// syscall.Errno values match with errors.Is (ENOENT is ErrNotExist, ...).
package oserror

import "errors"

var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)
