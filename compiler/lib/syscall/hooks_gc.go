//go:build !refgo

package syscall

import (
	gs "syscall"
	"unsafe"
)

func rawSyscall(trap, a1, a2, a3, a4, a5 uintptr) (r, errno uintptr) {
	r1, _, e := gs.Syscall6(trap, a1, a2, a3, a4, a5, 0)
	if e != 0 {
		return ^uintptr(0), uintptr(e)
	}
	return r1, 0
}

func forkExec(path *byte, argv, envv **byte, dir *byte, fds *[3]int) (pid int, errno uintptr) {
	cstr := func(p *byte) string {
		var b []byte
		for ; *p != 0; p = (*byte)(unsafe.Pointer(uintptr(unsafe.Pointer(p)) + 1)) {
			b = append(b, *p)
		}
		return string(b)
	}
	list := func(pp **byte) []string {
		var out []string
		for ; *pp != nil; pp = (**byte)(unsafe.Pointer(uintptr(unsafe.Pointer(pp)) + 8)) {
			out = append(out, cstr(*pp))
		}
		return out
	}
	var files []uintptr
	for _, fd := range fds {
		if fd < 0 {
			break
		}
		files = append(files, uintptr(fd))
	}
	attr := &gs.ProcAttr{Env: list(envv), Files: files}
	if dir != nil {
		attr.Dir = cstr(dir)
	}
	p, err := gs.ForkExec(cstr(path), list(argv), attr)
	if err != nil {
		return 0, uintptr(err.(gs.Errno))
	}
	return p, 0
}
