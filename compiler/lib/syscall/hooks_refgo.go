//go:build refgo

package syscall

// rawSyscall makes Linux system call trap with up to five arguments and returns its
// result, with errno 0 on success or the error number (result -1). Blocking calls
// block the whole program. Provided by refgo's runtime (compiler/runtime/syscall.c).
func rawSyscall(trap, a1, a2, a3, a4, a5 uintptr) (r, errno uintptr)

// forkExec starts the program at path (NUL-terminated) with the NULL-terminated argv
// and envv arrays, in directory dir (nil: the current one), its descriptors 0, 1, 2
// being fds[0..2], and returns its pid, or errno if it could not be started (the
// exec's own failure included). Provided by refgo's runtime.
func forkExec(path *byte, argv, envv **byte, dir *byte, fds *[3]int) (pid int, errno uintptr)
