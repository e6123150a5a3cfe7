package exec

import (
	"syscall"
	"time"
	"unsafe"
)

const (
	sysFcntl   = 72
	sysWaitid  = 247
	fSetfl     = 4
	pPid       = 1
	wNohang    = 1
	wExited    = 4
	wNowait    = 0x1000000
	pollPeriod = time.Millisecond
)

// killIfDone kills the command once its context is done.
func (c *Cmd) killIfDone() {
	select {
	case <-c.ctx.Done():
		if c.Process != nil {
			c.Process.Kill()
		}
	default:
	}
}

// pollCopy copies r's pipe to its writer without blocking the program: the pipe is
// made non-blocking and an empty read sleeps a poll period, checking the context.
func (c *Cmd) pollCopy(r reader) error {
	fd := int(r.r.Fd())
	syscall.Syscall(sysFcntl, uintptr(fd), fSetfl, uintptr(syscall.O_NONBLOCK))
	buf := make([]byte, 32*1024)
	for {
		n, err := syscall.Read(fd, buf)
		if n > 0 {
			if _, werr := r.w.Write(buf[:n]); werr != nil {
				return werr
			}
			continue
		}
		if err == syscall.EAGAIN || err == syscall.EINTR {
			c.killIfDone()
			time.Sleep(pollPeriod)
			continue
		}
		if err != nil {
			return err
		}
		return nil
	}
}

// pollExit waits, a poll period at a time, until the command has exited (without
// reaping it: Process.Wait does), killing it if the context is done first.
func (c *Cmd) pollExit() {
	var info [128]byte // siginfo_t; si_pid is at offset 16
	for {
		for i := range info {
			info[i] = 0
		}
		_, _, e := syscall.Syscall6(sysWaitid, pPid, uintptr(c.Process.Pid),
			uintptr(unsafe.Pointer(&info[0])), wExited|wNohang|wNowait, 0, 0)
		if e != 0 && e != syscall.EINTR {
			return
		}
		if e == 0 && *(*int32)(unsafe.Pointer(&info[16])) != 0 {
			return
		}
		c.killIfDone()
		time.Sleep(pollPeriod)
	}
}
