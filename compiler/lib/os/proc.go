package os

import "syscall"

// Process is a process started by StartProcess (or os/exec).
type Process struct {
	Pid  int
	done bool
}

// ProcAttr holds the attributes of a process StartProcess starts: directory,
// environment (nil: the program's), and files 0, 1, 2 (nil: /dev/null).
type ProcAttr struct {
	Dir   string
	Env   []string
	Files []*File
	Sys   *syscall.SysProcAttr
}

// Signal represents an operating system signal.
type Signal interface {
	String() string
	Signal()
}

var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
)

// StartProcess starts the program name with arguments argv.
func StartProcess(name string, argv []string, attr *ProcAttr) (*Process, error) {
	env := attr.Env
	if env == nil {
		env = Environ()
	}
	sa := &syscall.ProcAttr{Dir: attr.Dir, Env: env}
	for _, f := range attr.Files {
		fd := uintptr(^uint(0))
		if f != nil {
			fd = uintptr(f.fd)
		}
		sa.Files = append(sa.Files, fd)
	}
	pid, err := syscall.ForkExec(name, argv, sa)
	if err != nil {
		return nil, &PathError{Op: "fork/exec", Path: name, Err: err}
	}
	return &Process{Pid: pid}, nil
}

// Wait waits for the process to exit and returns its state.
func (p *Process) Wait() (*ProcessState, error) {
	if p.done {
		return nil, NewSyscallError("wait", syscall.ECHILD)
	}
	var st syscall.WaitStatus
	pid, err := syscall.Wait4(p.Pid, &st, 0, nil)
	if err != nil {
		return nil, NewSyscallError("wait", err)
	}
	p.done = true
	return &ProcessState{pid, st}, nil
}

// Kill causes the process to exit immediately.
func (p *Process) Kill() error { return p.Signal(Kill) }

// Signal sends a signal to the process.
func (p *Process) Signal(sig Signal) error {
	s, ok := sig.(syscall.Signal)
	if !ok {
		return errorString("os: unsupported signal type")
	}
	if p.done {
		return errorString("os: process already finished")
	}
	return syscall.Kill(p.Pid, s)
}

// Release releases the process's resources (nothing to do on Linux).
func (p *Process) Release() error { return nil }

type errorString string

func (e errorString) Error() string { return string(e) }

// ProcessState describes an exited process.
type ProcessState struct {
	pid    int
	status syscall.WaitStatus
}

// Pid returns the process id of the exited process.
func (p *ProcessState) Pid() int { return p.pid }

// Exited reports whether the program has exited (rather than being signalled).
func (p *ProcessState) Exited() bool { return p.status.Exited() }

// Success reports whether the program exited successfully.
func (p *ProcessState) Success() bool { return p.status.ExitStatus() == 0 }

// ExitCode returns the exit code, or -1 if the process was killed by a signal.
func (p *ProcessState) ExitCode() int {
	if p == nil {
		return -1
	}
	return p.status.ExitStatus()
}

// Sys returns the syscall.WaitStatus.
func (p *ProcessState) Sys() any { return p.status }

func (p *ProcessState) String() string {
	if p == nil {
		return "<nil>"
	}
	switch {
	case p.status.Exited():
		return "exit status " + itoa(p.status.ExitStatus())
	case p.status.Signaled():
		return "signal: " + p.status.Signal().String()
	}
	return "status " + itoa(int(p.status))
}

// Pipe returns a connected pair of Files; reads from r return bytes written to w.
func Pipe() (r *File, w *File, err error) {
	var p [2]int
	if e := syscall.Pipe2(p[:], syscall.O_CLOEXEC); e != nil {
		return nil, nil, NewSyscallError("pipe2", e)
	}
	return &File{fd: p[0], name: "|0"}, &File{fd: p[1], name: "|1"}, nil
}
