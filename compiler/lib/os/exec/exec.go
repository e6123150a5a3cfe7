// Package exec runs external commands:
//
//	out, err := exec.Command("go", "version").CombinedOutput()
//	if e, ok := err.(*exec.ExitError); ok { ... e.ExitCode() ... }
//
// refgo runs Go code on one thread, so while the program reads a command's output or
// waits for it, nothing else runs; input that is not a file is written to the
// command's pipe before its output is read (at most a pipe's capacity, 64 KiB).
package exec

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotFound is the error from a PATH lookup that found no executable file.
var ErrNotFound = errors.New("executable file not found in $PATH")

// Error is returned by LookPath when it fails to classify a file as an executable.
type Error struct {
	Name string
	Err  error
}

func (e *Error) Error() string { return "exec: " + strconvQuote(e.Name) + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

func strconvQuote(s string) string { return `"` + s + `"` }

// An ExitError reports an unsuccessful exit by a command.
type ExitError struct {
	*os.ProcessState
	Stderr []byte // the command's standard error when Output collected it
}

func (e *ExitError) Error() string { return e.ProcessState.String() }

// Cmd represents an external command being prepared or run.
type Cmd struct {
	Path         string
	Args         []string
	Env          []string
	Dir          string
	Stdin        io.Reader
	Stdout       io.Writer
	Stderr       io.Writer
	Process      *os.Process
	ProcessState *os.ProcessState
	Err          error // LookPath's error, reported by Start

	closeAfter []*os.File     // the child's ends, closed once it started
	copies     []func() error // writers of piped input, run after the start
	readers    []reader       // piped output, drained in Wait
	outFile    *os.File       // the child's stdout, shared with stderr when the writers are one
	finished   bool
	ctx        context.Context // CommandContext's: Wait polls and kills when it is done
}

// Command returns the Cmd to run name with the given arguments; a name without a
// slash is looked up in $PATH.
func Command(name string, arg ...string) *Cmd {
	cmd := &Cmd{Path: name, Args: append([]string{name}, arg...)}
	if !strings.Contains(name, "/") {
		lp, err := LookPath(name)
		if lp != "" {
			cmd.Path = lp
		}
		cmd.Err = err
	}
	return cmd
}

// CommandContext is like Command but includes a context: the command is killed if
// ctx is done before it completes on its own (Wait then polls its output and its
// exit every millisecond instead of blocking, so that ctx's timers can fire).
func CommandContext(ctx context.Context, name string, arg ...string) *Cmd {
	if ctx == nil {
		panic("nil Context")
	}
	cmd := Command(name, arg...)
	cmd.ctx = ctx
	return cmd
}

// String returns a human-readable description of c.
func (c *Cmd) String() string {
	b := c.Path
	for _, a := range c.Args[1:] {
		b += " " + a
	}
	return b
}

// LookPath searches the directories of $PATH for an executable file named file.
func LookPath(file string) (string, error) {
	if strings.Contains(file, "/") {
		if err := findExecutable(file); err != nil {
			return "", &Error{file, err}
		}
		return file, nil
	}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, file)
		if findExecutable(p) == nil {
			return p, nil
		}
	}
	return "", &Error{file, ErrNotFound}
}

func findExecutable(file string) error {
	d, err := os.Stat(file)
	if err != nil {
		return err
	}
	if m := d.Mode(); !m.IsDir() && m&0111 != 0 {
		return nil
	}
	return os.ErrPermission
}

// Run starts the command and waits for it to complete.
func (c *Cmd) Run() error {
	if err := c.Start(); err != nil {
		return err
	}
	return c.Wait()
}

// fd returns the file the child gets as its standard stream i: the File itself,
// /dev/null for nil, else a pipe whose other end Start fills (input) or Wait drains
// (output).
func (c *Cmd) fd(i int) (*os.File, error) {
	switch i {
	case 0:
		if c.Stdin == nil {
			f, err := os.Open(os.DevNull)
			c.closeAfter = append(c.closeAfter, f)
			return f, err
		}
		if f, ok := c.Stdin.(*os.File); ok {
			return f, nil
		}
		r, w, err := os.Pipe()
		if err != nil {
			return nil, err
		}
		c.closeAfter = append(c.closeAfter, r)
		in := c.Stdin
		c.copies = append(c.copies, func() error {
			_, err := io.Copy(w, in)
			w.Close()
			return err
		})
		return r, nil
	}
	out := c.Stdout
	if i == 2 {
		out = c.Stderr
		if c.Stderr != nil && c.Stderr == c.Stdout {
			return c.outFile, nil
		}
	}
	if out == nil {
		f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		c.closeAfter = append(c.closeAfter, f)
		return f, err
	}
	if f, ok := out.(*os.File); ok {
		return f, nil
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.closeAfter = append(c.closeAfter, w)
	c.readers = append(c.readers, reader{r, out})
	return w, nil
}

type reader struct {
	r *os.File
	w io.Writer
}

// Start starts the command without waiting for it.
func (c *Cmd) Start() error {
	if c.Err != nil {
		return c.Err
	}
	if c.Process != nil {
		return errors.New("exec: already started")
	}
	if c.ctx != nil {
		select {
		case <-c.ctx.Done():
			return c.ctx.Err()
		default:
		}
	}
	var files [3]*os.File
	for i := range files {
		f, err := c.fd(i)
		if err != nil {
			c.closeAll()
			return err
		}
		files[i] = f
		if i == 1 {
			c.outFile = f
		}
	}
	p, err := os.StartProcess(c.Path, c.Args, &os.ProcAttr{Dir: c.Dir, Env: dedupEnv(c.Env), Files: files[:]})
	if err != nil {
		c.closeAll()
		return err
	}
	c.Process = p
	for _, f := range c.closeAfter {
		if f != nil {
			f.Close()
		}
	}
	c.closeAfter = nil
	for _, cp := range c.copies {
		cp()
	}
	return nil
}

// dedupEnv returns env with each key once, as gc's Start passes it: the last
// "KEY=value" of a key stays, in its own place; an entry without "=" stays as it is,
// an empty one is dropped (nil stays nil: the parent's environment).
func dedupEnv(env []string) []string {
	if env == nil {
		return nil
	}
	keep := make([]bool, len(env))
	saw := make(map[string]bool, len(env))
	n := 0
	for i := len(env) - 1; i >= 0; i-- {
		kv := env[i]
		eq := strings.Index(kv, "=")
		if eq == 0 { // a key of Windows' that starts with "="
			eq = strings.Index(kv[1:], "=") + 1
		}
		if eq < 0 {
			keep[i] = kv != ""
		} else if !saw[kv[:eq]] {
			saw[kv[:eq]] = true
			keep[i] = true
		}
		if keep[i] {
			n++
		}
	}
	out := make([]string, 0, n)
	for i, kv := range env {
		if keep[i] {
			out = append(out, kv)
		}
	}
	return out
}

func (c *Cmd) closeAll() {
	for _, f := range c.closeAfter {
		if f != nil {
			f.Close()
		}
	}
	for _, r := range c.readers {
		r.r.Close()
	}
}

// Wait copies the command's output to its writers, waits for it to exit and releases
// its resources; an unsuccessful exit is an *ExitError.
func (c *Cmd) Wait() error {
	if c.Process == nil {
		return errors.New("exec: not started")
	}
	if c.finished {
		return errors.New("exec: Wait was already called")
	}
	c.finished = true
	var copyErr error
	for _, r := range c.readers {
		var err error
		if c.ctx != nil {
			err = c.pollCopy(r)
		} else {
			_, err = io.Copy(r.w, r.r)
		}
		if err != nil && copyErr == nil {
			copyErr = err
		}
		r.r.Close()
	}
	if c.ctx != nil {
		c.pollExit()
	}
	state, err := c.Process.Wait()
	c.ProcessState = state
	if err != nil {
		return err
	}
	if !state.Success() {
		return &ExitError{ProcessState: state}
	}
	return copyErr
}

// Output runs the command and returns its standard output; an *ExitError carries
// its standard error.
func (c *Cmd) Output() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	var stdout, stderr bytes.Buffer
	c.Stdout = &stdout
	captureErr := c.Stderr == nil
	if captureErr {
		c.Stderr = &stderr
	}
	err := c.Run()
	if ee, ok := err.(*ExitError); ok && captureErr {
		ee.Stderr = stderr.Bytes()
	}
	return stdout.Bytes(), err
}

// CombinedOutput runs the command and returns its standard output and standard error
// interleaved.
func (c *Cmd) CombinedOutput() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	if c.Stderr != nil {
		return nil, errors.New("exec: Stderr already set")
	}
	var b bytes.Buffer
	c.Stdout = &b
	c.Stderr = &b
	err := c.Run()
	return b.Bytes(), err
}
