//go:build refgo

package os

// sysWrite writes p to file descriptor fd (one write(2) call) and returns the
// number of bytes written, or a negative value on error. Provided by refgo's runtime.
func sysWrite(fd int, p []byte) int

// sysRead reads up to len(p) bytes from file descriptor fd (one read(2) call,
// retried on EINTR) and returns the count, 0 at end of file, or a negative value
// on error. Provided by refgo's runtime.
func sysRead(fd int, p []byte) int

// sysExit terminates the process with the given status (exit_group(2)); it does
// not return. Provided by refgo's runtime.
func sysExit(code int)

// sysArgs returns a fresh slice of the command-line arguments (argv[0] first).
// Provided by refgo's runtime.
func sysArgs() []string

// sysEnviron returns a fresh slice of the environment strings ("KEY=value", from
// envp, in order). Provided by refgo's runtime.
func sysEnviron() []string
