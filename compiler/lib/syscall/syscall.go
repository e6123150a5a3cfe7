// Package syscall is refgo's interface to the Linux/amd64 system calls that os,
// os/exec and programs use, all made through one runtime hook:
//
//	fd, err := syscall.Open("/etc/hosts", syscall.O_RDONLY, 0)
//	n, err := syscall.Read(fd, buf)
//
// Errors are Errno values whose text is gc's ("no such file or directory").
package syscall

import (
	"internal/oserror"
	"unsafe"
)

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

func (e Errno) Error() string {
	if int(e) < len(errors) && errors[e] != "" {
		return errors[e]
	}
	return "errno " + itoa(int(e))
}

// Is reports whether e matches one of the portable errors of io/fs (ENOENT is
// fs.ErrNotExist, EEXIST and ENOTEMPTY fs.ErrExist, EACCES and EPERM fs.ErrPermission).
func (e Errno) Is(target error) bool {
	switch target {
	case oserror.ErrPermission:
		return e == EACCES || e == EPERM
	case oserror.ErrExist:
		return e == EEXIST || e == ENOTEMPTY
	case oserror.ErrNotExist:
		return e == ENOENT
	}
	return false
}

// Temporary and Timeout report the error's nature, as gc's.
func (e Errno) Temporary() bool { return e == EINTR || e == EMFILE || e == ENFILE || e.Timeout() }

func (e Errno) Timeout() bool { return e == EAGAIN || e == ETIMEDOUT }

const (
	EPERM        Errno = 1
	ENOENT       Errno = 2
	ESRCH        Errno = 3
	EINTR        Errno = 4
	EIO          Errno = 5
	ENXIO        Errno = 6
	E2BIG        Errno = 7
	ENOEXEC      Errno = 8
	EBADF        Errno = 9
	ECHILD       Errno = 10
	EAGAIN       Errno = 11
	ENOMEM       Errno = 12
	EACCES       Errno = 13
	EFAULT       Errno = 14
	EBUSY        Errno = 16
	EEXIST       Errno = 17
	EXDEV        Errno = 18
	ENODEV       Errno = 19
	ENOTDIR      Errno = 20
	EISDIR       Errno = 21
	EINVAL       Errno = 22
	ENFILE       Errno = 23
	EMFILE       Errno = 24
	ENOTTY       Errno = 25
	EFBIG        Errno = 27
	ENOSPC       Errno = 28
	ESPIPE       Errno = 29
	EROFS        Errno = 30
	EMLINK       Errno = 31
	EPIPE        Errno = 32
	ERANGE       Errno = 34
	ENAMETOOLONG Errno = 36
	ENOSYS       Errno = 38
	ENOTEMPTY    Errno = 39
	ELOOP        Errno = 40
	ETIMEDOUT    Errno = 110
)

var errors = [...]string{
	1: "operation not permitted", 2: "no such file or directory", 3: "no such process",
	4: "interrupted system call", 5: "input/output error", 6: "no such device or address",
	7: "argument list too long", 8: "exec format error", 9: "bad file descriptor",
	10: "no child processes", 11: "resource temporarily unavailable",
	12: "cannot allocate memory", 13: "permission denied", 14: "bad address",
	16: "device or resource busy", 17: "file exists", 18: "invalid cross-device link",
	19: "no such device", 20: "not a directory", 21: "is a directory",
	22: "invalid argument", 23: "too many open files in system", 24: "too many open files",
	25: "inappropriate ioctl for device", 27: "file too large", 28: "no space left on device",
	29: "illegal seek", 30: "read-only file system", 31: "too many links", 32: "broken pipe",
	34: "numerical result out of range", 36: "file name too long",
	38: "function not implemented", 39: "directory not empty",
	40: "too many levels of symbolic links", 110: "connection timed out",
}

// System call numbers (Linux amd64).
const (
	SYS_READ       = 0
	SYS_WRITE      = 1
	SYS_CLOSE      = 3
	SYS_LSEEK      = 8
	SYS_MMAP       = 9
	SYS_MPROTECT   = 10
	SYS_MUNMAP     = 11
	SYS_PIPE2      = 293
	SYS_DUP2       = 33
	SYS_GETPID     = 39
	SYS_KILL       = 62
	SYS_WAIT4      = 61
	SYS_FSYNC      = 74
	SYS_FTRUNCATE  = 77
	SYS_GETDENTS64 = 217
	SYS_GETCWD     = 79
	SYS_CHDIR      = 80
	SYS_RENAMEAT   = 264
	SYS_MKDIRAT    = 258
	SYS_OPENAT     = 257
	SYS_NEWFSTATAT = 262
	SYS_UNLINKAT   = 263
	SYS_SYMLINKAT  = 266
	SYS_READLINKAT = 267
	SYS_FCHMODAT   = 268
	SYS_FSTAT      = 5
)

const (
	O_RDONLY    = 0x0
	O_WRONLY    = 0x1
	O_RDWR      = 0x2
	O_APPEND    = 0x400
	O_CREAT     = 0x40
	O_EXCL      = 0x80
	O_SYNC      = 0x101000
	O_TRUNC     = 0x200
	O_CLOEXEC   = 0x80000
	O_DIRECTORY = 0x10000
	O_NOFOLLOW  = 0x20000
	O_NONBLOCK  = 0x800

	AT_FDCWD            = -0x64
	AT_REMOVEDIR        = 0x200
	AT_SYMLINK_NOFOLLOW = 0x100

	S_IFMT   = 0xf000
	S_IFBLK  = 0x6000
	S_IFCHR  = 0x2000
	S_IFDIR  = 0x4000
	S_IFIFO  = 0x1000
	S_IFLNK  = 0xa000
	S_IFREG  = 0x8000
	S_IFSOCK = 0xc000
	S_ISGID  = 0x400
	S_ISUID  = 0x800
	S_ISVTX  = 0x200

	PROT_NONE     = 0x0
	PROT_READ     = 0x1
	PROT_WRITE    = 0x2
	PROT_EXEC     = 0x4
	MAP_SHARED    = 0x1
	MAP_PRIVATE   = 0x2
	MAP_ANON      = 0x20
	MAP_ANONYMOUS = 0x20
)

// A Signal is a Linux signal number.
type Signal int

const (
	SIGINT  Signal = 2
	SIGKILL Signal = 9
	SIGPIPE Signal = 13
	SIGTERM Signal = 15
	SIGCHLD Signal = 17
)

func (s Signal) Signal() {}

func (s Signal) String() string {
	switch s {
	case SIGINT:
		return "interrupt"
	case SIGKILL:
		return "killed"
	case SIGPIPE:
		return "broken pipe"
	case SIGTERM:
		return "terminated"
	case SIGCHLD:
		return "child exited"
	}
	return "signal " + itoa(int(s))
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func errnoErr(e uintptr) error {
	if e == 0 {
		return nil
	}
	return Errno(e)
}

// Syscall makes system call trap with three arguments (r2 is always 0). A pointer
// converted to uintptr in the call's arguments stays alive until it returns.
//
//go:uintptrkeepalive
//go:nosplit
func Syscall(trap, a1, a2, a3 uintptr) (r1, r2 uintptr, err Errno) {
	r, e := rawSyscall(trap, a1, a2, a3, 0, 0)
	return r, 0, Errno(e)
}

// Syscall6 makes system call trap with up to five arguments (refgo's hook takes no
// sixth: a6 must be 0); its pointer arguments stay alive as Syscall's.
//
//go:uintptrkeepalive
//go:nosplit
func Syscall6(trap, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2 uintptr, err Errno) {
	if a6 != 0 {
		return ^uintptr(0), 0, ENOSYS
	}
	r, e := rawSyscall(trap, a1, a2, a3, a4, a5)
	return r, 0, Errno(e)
}

// ByteSliceFromString returns s as a NUL-terminated byte slice; EINVAL if s holds NUL.
func ByteSliceFromString(s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return nil, EINVAL
		}
	}
	b := make([]byte, len(s)+1)
	copy(b, s)
	return b, nil
}

// BytePtrFromString returns a pointer to s's NUL-terminated bytes.
func BytePtrFromString(s string) (*byte, error) {
	b, err := ByteSliceFromString(s)
	if err != nil {
		return nil, err
	}
	return &b[0], nil
}

func ptr(p *byte) uintptr { return uintptr(unsafe.Pointer(p)) }

func bufptr(b []byte) uintptr {
	if len(b) == 0 {
		return 0
	}
	return uintptr(unsafe.Pointer(&b[0]))
}

func Open(path string, mode int, perm uint32) (fd int, err error) {
	p, err := BytePtrFromString(path)
	if err != nil {
		return -1, err
	}
	r, e := rawSyscall(SYS_OPENAT, atFdcwd, ptr(p), uintptr(mode|O_CLOEXEC), uintptr(perm), 0)
	return int(r), errnoErr(e)
}

func Close(fd int) error {
	_, e := rawSyscall(SYS_CLOSE, uintptr(fd), 0, 0, 0, 0)
	return errnoErr(e)
}

func Read(fd int, p []byte) (n int, err error) {
	for {
		r, e := rawSyscall(SYS_READ, uintptr(fd), bufptr(p), uintptr(len(p)), 0, 0)
		if Errno(e) == EINTR {
			continue
		}
		return int(r), errnoErr(e)
	}
}

func Write(fd int, p []byte) (n int, err error) {
	r, e := rawSyscall(SYS_WRITE, uintptr(fd), bufptr(p), uintptr(len(p)), 0, 0)
	return int(r), errnoErr(e)
}

func Seek(fd int, offset int64, whence int) (off int64, err error) {
	r, e := rawSyscall(SYS_LSEEK, uintptr(fd), uintptr(offset), uintptr(whence), 0, 0)
	return int64(r), errnoErr(e)
}

func Ftruncate(fd int, length int64) error {
	_, e := rawSyscall(SYS_FTRUNCATE, uintptr(fd), uintptr(length), 0, 0, 0)
	return errnoErr(e)
}

func Fsync(fd int) error {
	_, e := rawSyscall(SYS_FSYNC, uintptr(fd), 0, 0, 0, 0)
	return errnoErr(e)
}

func pathCall(trap uintptr, path string, a2, a3 uintptr) error {
	p, err := BytePtrFromString(path)
	if err != nil {
		return err
	}
	_, e := rawSyscall(trap, atFdcwd, ptr(p), a2, a3, 0)
	return errnoErr(e)
}

func Mkdir(path string, mode uint32) error { return pathCall(SYS_MKDIRAT, path, uintptr(mode), 0) }

func Unlink(path string) error { return pathCall(SYS_UNLINKAT, path, 0, 0) }

func Rmdir(path string) error { return pathCall(SYS_UNLINKAT, path, AT_REMOVEDIR, 0) }

func Chmod(path string, mode uint32) error { return pathCall(SYS_FCHMODAT, path, uintptr(mode), 0) }

func Rename(from, to string) error {
	p, err := BytePtrFromString(from)
	if err != nil {
		return err
	}
	q, err := BytePtrFromString(to)
	if err != nil {
		return err
	}
	_, e := rawSyscall(SYS_RENAMEAT, atFdcwd, ptr(p), atFdcwd, ptr(q), 0)
	return errnoErr(e)
}

func Symlink(oldname, newname string) error {
	p, err := BytePtrFromString(oldname)
	if err != nil {
		return err
	}
	q, err := BytePtrFromString(newname)
	if err != nil {
		return err
	}
	_, e := rawSyscall(SYS_SYMLINKAT, ptr(p), atFdcwd, ptr(q), 0, 0)
	return errnoErr(e)
}

func Readlink(path string, buf []byte) (n int, err error) {
	p, err := BytePtrFromString(path)
	if err != nil {
		return 0, err
	}
	r, e := rawSyscall(SYS_READLINKAT, atFdcwd, ptr(p), bufptr(buf), uintptr(len(buf)), 0)
	return int(r), errnoErr(e)
}

func Chdir(path string) error {
	p, err := BytePtrFromString(path)
	if err != nil {
		return err
	}
	_, e := rawSyscall(SYS_CHDIR, ptr(p), 0, 0, 0, 0)
	return errnoErr(e)
}

func Getcwd(buf []byte) (n int, err error) {
	r, e := rawSyscall(SYS_GETCWD, bufptr(buf), uintptr(len(buf)), 0, 0, 0)
	return int(r), errnoErr(e)
}

// Stat_t is Linux amd64's struct stat.
type Stat_t struct {
	Dev       uint64
	Ino       uint64
	Nlink     uint64
	Mode      uint32
	Uid       uint32
	Gid       uint32
	X__pad0   int32
	Rdev      uint64
	Size      int64
	Blksize   int64
	Blocks    int64
	Atim      Timespec
	Mtim      Timespec
	Ctim      Timespec
	X__unused [3]int64
}

// Timespec is a time in seconds and nanoseconds.
type Timespec struct {
	Sec  int64
	Nsec int64
}

func Stat(path string, st *Stat_t) error {
	return pathCall(SYS_NEWFSTATAT, path, uintptr(unsafe.Pointer(st)), 0)
}

func Lstat(path string, st *Stat_t) error {
	return pathCall(SYS_NEWFSTATAT, path, uintptr(unsafe.Pointer(st)), AT_SYMLINK_NOFOLLOW)
}

func Fstat(fd int, st *Stat_t) error {
	_, e := rawSyscall(SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(st)), 0, 0, 0)
	return errnoErr(e)
}

func Getdents(fd int, buf []byte) (n int, err error) {
	r, e := rawSyscall(SYS_GETDENTS64, uintptr(fd), bufptr(buf), uintptr(len(buf)), 0, 0)
	return int(r), errnoErr(e)
}

func Pipe2(p []int, flags int) error {
	if len(p) != 2 {
		return EINVAL
	}
	var fds [2]int32
	_, e := rawSyscall(SYS_PIPE2, uintptr(unsafe.Pointer(&fds)), uintptr(flags), 0, 0, 0)
	p[0], p[1] = int(fds[0]), int(fds[1])
	return errnoErr(e)
}

func Pipe(p []int) error { return Pipe2(p, 0) }

func Dup2(oldfd, newfd int) error {
	_, e := rawSyscall(SYS_DUP2, uintptr(oldfd), uintptr(newfd), 0, 0, 0)
	return errnoErr(e)
}

func Getpid() int {
	r, _ := rawSyscall(SYS_GETPID, 0, 0, 0, 0, 0)
	return int(r)
}

func Kill(pid int, sig Signal) error {
	_, e := rawSyscall(SYS_KILL, uintptr(pid), uintptr(sig), 0, 0, 0)
	return errnoErr(e)
}

// WaitStatus is a wait4 status word.
type WaitStatus uint32

func (w WaitStatus) Exited() bool { return w&0x7f == 0 }
func (w WaitStatus) ExitStatus() int {
	if !w.Exited() {
		return -1
	}
	return int(w>>8) & 0xff
}
func (w WaitStatus) Signaled() bool { return w&0x7f != 0x7f && w&0x7f != 0 }
func (w WaitStatus) Signal() Signal {
	if !w.Signaled() {
		return -1
	}
	return Signal(w & 0x7f)
}

// Rusage is not filled in by refgo's Wait4 (rusage must be nil).
type Rusage struct{}

func Wait4(pid int, wstatus *WaitStatus, options int, rusage *Rusage) (wpid int, err error) {
	var st int32
	for {
		r, e := rawSyscall(SYS_WAIT4, uintptr(pid), uintptr(unsafe.Pointer(&st)), uintptr(options), 0, 0)
		if Errno(e) == EINTR {
			continue
		}
		if wstatus != nil {
			*wstatus = WaitStatus(st)
		}
		return int(r), errnoErr(e)
	}
}

// ProcAttr holds the attributes of a process ForkExec starts: its directory ("" for
// the current one), environment, and descriptors 0, 1, 2 (more are not passed).
type ProcAttr struct {
	Dir   string
	Env   []string
	Files []uintptr
	Sys   *SysProcAttr
}

// SysProcAttr holds Linux-specific attributes; refgo honours none.
type SysProcAttr struct{}

// ForkExec starts argv0 with arguments argv and returns its pid.
func ForkExec(argv0 string, argv []string, attr *ProcAttr) (pid int, err error) {
	if attr == nil {
		attr = &ProcAttr{}
	}
	if len(attr.Files) > 3 {
		return 0, EINVAL
	}
	fds := [3]int{-1, -1, -1}
	for i, f := range attr.Files {
		fds[i] = int(f)
	}
	path, err := BytePtrFromString(argv0)
	if err != nil {
		return 0, err
	}
	av, err := cstrings(argv)
	if err != nil {
		return 0, err
	}
	ev, err := cstrings(attr.Env)
	if err != nil {
		return 0, err
	}
	var d *byte
	if attr.Dir != "" {
		if d, err = BytePtrFromString(attr.Dir); err != nil {
			return 0, err
		}
	}
	p, e := forkExec(path, &av[0], &ev[0], d, &fds)
	return p, errnoErr(e)
}

func cstrings(ss []string) ([]*byte, error) {
	out := make([]*byte, len(ss)+1)
	for i, s := range ss {
		p, err := BytePtrFromString(s)
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

func Getpagesize() int { return 4096 }

// Mmap maps length bytes of fd at offset (MAP_ANON: fd -1) and returns them.
func Mmap(fd int, offset int64, length int, prot int, flags int) (data []byte, err error) {
	r, e := rawSyscall(SYS_MMAP, 0, uintptr(length), uintptr(prot), uintptr(flags), uintptr(fd))
	if e != 0 {
		return nil, Errno(e)
	}
	if offset != 0 {
		rawSyscall(SYS_MUNMAP, r, uintptr(length), 0, 0, 0)
		return nil, EINVAL
	}
	var b []byte
	h := (*[3]uintptr)(unsafe.Pointer(&b))
	h[0], h[1], h[2] = r, uintptr(length), uintptr(length)
	return b, nil
}

func Munmap(b []byte) error {
	_, e := rawSyscall(SYS_MUNMAP, bufptr(b), uintptr(len(b)), 0, 0, 0)
	return errnoErr(e)
}

func Mprotect(b []byte, prot int) error {
	_, e := rawSyscall(SYS_MPROTECT, bufptr(b), uintptr(len(b)), uintptr(prot), 0, 0)
	return errnoErr(e)
}

// Exit terminates the process with status code.
func Exit(code int) {
	rawSyscall(231, uintptr(code), 0, 0, 0, 0)
}

// atFdcwd is AT_FDCWD as a system call argument word.
var atFdcwd = uintptr(^uint(99))
