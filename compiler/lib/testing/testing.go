// Package testing runs Go tests and benchmarks and prints what gc's testing
// package prints, so that `refgo test` output reads like `go test`'s.
//
// `refgo test` compiles the package's _test.go files with a generated main:
//
//	func main() {
//		os.Exit(testing.MainStart("example.com/pkg",
//			[]testing.InternalTest{{Name: "TestAdd", F: TestAdd}},
//			[]testing.InternalBenchmark{{Name: "BenchmarkAdd", F: BenchmarkAdd}}))
//	}
//
// and the binary accepts gc's test flags (-test.v, -test.run, -test.bench,
// -test.benchtime, -test.count, -test.short; also without the "test." prefix):
//
//	=== RUN   TestAdd
//	    add_test.go:12: got 3, want 4
//	--- FAIL: TestAdd (0.00s)
//	FAIL
//
// Every test runs in its own goroutine (tRunner), as gc's do: FailNow and SkipNow
// end it with runtime.Goexit; t.Run waits for the subtest to finish or to call
// t.Parallel; a parallel test waits for its parent's function to return, then
// runs alongside its parallel siblings, at most -test.parallel at a time.
package testing

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
)

// InternalTest is one test function of the generated main.
type InternalTest struct {
	Name string
	F    func(*T)
}

// InternalBenchmark is one benchmark function of the generated main.
type InternalBenchmark struct {
	Name string
	F    func(*B)
}

// TB is the interface common to T and B.
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
}

// chatty prints -test.v output: it announces "=== CONT  name" when a test
// prints after another test printed.
type chatty struct {
	mu       sync.Mutex
	lastName string
}

// updatef prints a line about test name (its name is in the text: no CONT header).
func (c *chatty) updatef(name, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lastName = name
	os.Stdout.WriteString(text)
}

// printf prints log output of name, first announcing it if another test printed last.
func (c *chatty) printf(name, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lastName == "" {
		c.lastName = name
	} else if c.lastName != name {
		os.Stdout.WriteString("=== CONT  " + name + "\n")
		c.lastName = name
	}
	os.Stdout.WriteString(text)
}

// common holds the state shared by T and B. output is the buffered log of a
// non-chatty test (and the indented reports of its subtests); runner is the
// function that calls the test function ("tRunner"), without package prefix;
// creator is the stack of the t.Run call that started a subtest, up to the
// parent's runner. signal carries the test's end (true) or pause to the goroutine
// waiting in Run; barrier is closed when the test's function has returned, to
// release its parallel subtests (sub).
type common struct {
	mu       sync.Mutex // guards output, failed, skipped, finished, done, ran, cleanups
	name     string
	parent   *common
	level    int
	failed   bool
	skipped  bool
	finished bool // the test function returned or called FailNow/SkipNow
	done     bool // the test and its subtests are over
	ran      bool // the test, or one of its subtests, ran to the end
	hasSub   bool
	output   []byte
	helpers  map[string]bool
	chatty   *chatty
	runner   string
	creator  []frame
	start    int64
	duration int64
	cleanups []func()
	bench    bool
	subNames map[string]int
	signal   chan bool
	barrier  chan bool
	sub      []*T
}

// T is the state of one test.
type T struct {
	common
	isParallel bool
	context    *testContext
}

// testContext limits how many parallel tests run at once (-test.parallel); the
// sequential test counts as one.
type testContext struct {
	mu            sync.Mutex
	startParallel chan bool
	running       int
	numWaiting    int
	maxParallel   int
}

func newTestContext(maxParallel int) *testContext {
	return &testContext{startParallel: make(chan bool), running: 1, maxParallel: maxParallel}
}

// waitParallel takes a running slot, waiting for one if all are taken.
func (c *testContext) waitParallel() {
	c.mu.Lock()
	if c.running < c.maxParallel {
		c.running++
		c.mu.Unlock()
		return
	}
	c.numWaiting++
	c.mu.Unlock()
	<-c.startParallel
}

// release gives a running slot back, or hands it to a waiting test.
func (c *testContext) release() {
	c.mu.Lock()
	if c.numWaiting == 0 {
		c.running--
		c.mu.Unlock()
		return
	}
	c.numWaiting--
	c.mu.Unlock()
	c.startParallel <- true
}

// Parallel pauses the test until its parent's function has returned, then lets
// it run alongside the parent's other parallel subtests. Time spent paused is
// not part of its duration.
func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	t.isParallel = true
	t.duration += nanotime() - t.start
	t.parent.sub = append(t.parent.sub, t)
	if t.chatty != nil {
		t.chatty.updatef(t.name, "=== PAUSE "+t.name+"\n")
	}
	t.signal <- true   // Run in the parent returns
	<-t.parent.barrier // the parent's function has returned
	t.context.waitParallel()
	if t.chatty != nil {
		t.chatty.updatef(t.name, "=== CONT  "+t.name+"\n")
	}
	t.start = nanotime()
}

// Name returns the test's name, "TestX/sub" for subtests.
func (c *common) Name() string { return c.name }

// Fail marks the test and its ancestors failed and lets it continue.
func (c *common) Fail() {
	if c.parent != nil {
		c.parent.Fail()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic("Fail in goroutine after " + c.name + " has completed")
	}
	c.failed = true
}

// Failed reports whether the test has failed.
func (c *common) Failed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.failed
}

// FailNow marks the test failed and ends its goroutine (runtime.Goexit); deferred
// calls run. It must be called from the test's own goroutine.
func (c *common) FailNow() {
	c.Fail()
	c.mu.Lock()
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Skipped reports whether the test was skipped.
func (c *common) Skipped() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.skipped
}

// SkipNow marks the test skipped and ends its goroutine, like FailNow.
func (c *common) SkipNow() {
	c.mu.Lock()
	c.skipped = true
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// setRan records that a test ran, in it and every ancestor.
func (c *common) setRan() {
	if c.parent != nil {
		c.parent.setRan()
	}
	c.mu.Lock()
	c.ran = true
	c.mu.Unlock()
}

// Helper marks the calling function as a helper: log lines name its caller.
func (c *common) Helper() {
	fn, _, _ := callerFrame(1)
	if c.helpers == nil {
		c.helpers = map[string]bool{}
	}
	c.helpers[fn] = true
}

// Cleanup registers f to run (last registered first) when the test finishes.
func (c *common) Cleanup(f func()) {
	c.mu.Lock()
	c.cleanups = append(c.cleanups, f)
	c.mu.Unlock()
}

// Log records its operands, formatted as by fmt.Sprintln, in the test's log.
func (c *common) Log(args ...any) { c.log(fmt.Sprintln(args...)) }

// Logf records its operands, formatted as by fmt.Sprintf, in the test's log.
func (c *common) Logf(format string, args ...any) { c.log(fmt.Sprintf(format, args...)) }

// Error is Log then Fail.
func (c *common) Error(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.Fail()
}

// Errorf is Logf then Fail.
func (c *common) Errorf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.Fail()
}

// Fatal is Log then FailNow.
func (c *common) Fatal(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.FailNow()
}

// Fatalf is Logf then FailNow.
func (c *common) Fatalf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.FailNow()
}

// Skip is Log then SkipNow.
func (c *common) Skip(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.SkipNow()
}

// Skipf is Logf then SkipNow.
func (c *common) Skipf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.SkipNow()
}

// log decorates s with the caller's file:line and prints or buffers it.
func (c *common) log(s string) {
	text := c.decorate(s)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		// A goroutine of a finished test: the log goes to the nearest
		// unfinished ancestor.
		for p := c.parent; p != nil; p = p.parent {
			p.mu.Lock()
			if !p.done {
				p.output = append(p.output, text...)
				p.mu.Unlock()
				return
			}
			p.mu.Unlock()
		}
		panic("Log in goroutine after " + c.name + " has completed: " + s)
	}
	if c.chatty != nil {
		if c.bench {
			os.Stdout.WriteString(text)
		} else {
			c.chatty.printf(c.name, text)
		}
		return
	}
	c.output = append(c.output, text...)
}

// decorate formats one log entry: "    file.go:12: first line\n        next line\n".
func (c *common) decorate(s string) string {
	file, line := c.logPos()
	if i := strings.LastIndex(file, "/"); i >= 0 {
		file = file[i+1:]
	}
	if file == "" {
		file = "???"
	}
	if line == 0 {
		line = 1
	}
	var b strings.Builder
	b.WriteString("    ")
	fmt.Fprintf(&b, "%s:%d: ", file, line)
	lines := strings.Split(s, "\n")
	if n := len(lines); n > 1 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n        ")
		}
		b.WriteString(l)
	}
	b.WriteByte('\n')
	return b.String()
}

// pkgPrefix is this package's symbol prefix ("testing."), found from a frame.
var pkgPrefix string

// thisPackage reports whether fn is a function of package testing.
func thisPackage(fn string) bool {
	if pkgPrefix == "" {
		self, _, _ := callerFrame(0)
		slash := strings.LastIndex(self, "/")
		pkgPrefix = self[:slash+1+strings.Index(self[slash+1:], ".")+1]
	}
	return strings.HasPrefix(fn, pkgPrefix)
}

// frame is one call-stack entry, as callerFrame reports it.
type frame struct {
	fn   string
	file string
	line int
}

// stackFrames returns the frames above its caller's caller (skip more levels
// up), outermost last, ending with the first frame of function stopAt.
func stackFrames(skip int, stopAt string) []frame {
	var frames []frame
	for i := skip + 2; ; i++ {
		fn, file, line := callerFrame(i)
		if fn == "" {
			return frames
		}
		frames = append(frames, frame{fn, file, line})
		if fn == stopAt {
			return frames
		}
	}
}

// logPos returns the position a log entry names: the first caller outside this
// package and outside functions marked by Helper. At the test runner of a
// subtest, the search goes on from its t.Run call with the parent's helpers; at
// a top-level runner, it names the last frame before it.
func (c *common) logPos() (string, int) {
	thisPackage("")
	frames := stackFrames(0, pkgPrefix+c.runner)
	for len(frames) > 1 && thisPackage(frames[0].fn) && frames[0].fn != pkgPrefix+c.runner {
		frames = frames[1:]
	}
	if len(frames) == 0 {
		return "", 0
	}
	first, prev := frames[0], frame{}
	for cur := c; ; {
		for _, f := range frames {
			if f.fn == pkgPrefix+cur.runner {
				if cur.level > 1 && cur.parent != nil {
					frames = cur.creator
					cur = cur.parent
					break
				}
				return prev.file, prev.line
			}
			if !cur.helpers[f.fn] {
				return f.file, f.line
			}
			prev = f
			frames = frames[1:]
		}
		if len(frames) == 0 {
			return first.file, first.line
		}
	}
}

// fmtDuration formats nanoseconds as gc's test reports do: "0.01s".
func fmtDuration(ns int64) string {
	return fmt.Sprintf("%.2fs", float64(ns)/1e9)
}

// flushToParent sends this test's report line and its buffered output to the
// parent: to stdout for a top-level test (through chatty with -test.v, so that
// the block is not split by "=== CONT" lines), indented into the parent's buffer
// for a subtest.
func (c *common) flushToParent(text string) {
	p := c.parent
	p.mu.Lock()
	defer p.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	text += string(c.output)
	c.output = nil
	switch {
	case p.level > 0:
		p.writeIndented(text)
	case c.chatty != nil:
		c.chatty.updatef(c.name, text)
	default:
		os.Stdout.WriteString(text)
	}
}

// writeIndented appends text to the buffer with every line indented four spaces.
func (c *common) writeIndented(text string) {
	for text != "" {
		end := strings.IndexByte(text, '\n') + 1
		if end == 0 {
			end = len(text)
		}
		c.output = append(c.output, "    "...)
		c.output = append(c.output, text[:end]...)
		text = text[end:]
	}
}

// report prints "--- FAIL: name (0.00s)" (PASS and SKIP only with -test.v).
func (t *T) report() {
	if t.parent == nil {
		return
	}
	format := "--- %s: %s (%s)\n"
	dur := fmtDuration(t.duration)
	switch {
	case t.Failed():
		t.flushToParent(fmt.Sprintf(format, "FAIL", t.name, dur))
	case t.chatty == nil:
	case t.Skipped():
		t.flushToParent(fmt.Sprintf(format, "SKIP", t.name, dur))
	default:
		t.flushToParent(fmt.Sprintf(format, "PASS", t.name, dur))
	}
}

// runCleanup runs the registered cleanups, last first; all of them run even if
// one panics (the first panic goes on after the rest have run).
func (c *common) runCleanup() {
	defer func() {
		c.mu.Lock()
		more := len(c.cleanups) > 0
		c.mu.Unlock()
		if more {
			c.runCleanup()
		}
	}()
	for {
		c.mu.Lock()
		n := len(c.cleanups)
		if n == 0 {
			c.mu.Unlock()
			return
		}
		f := c.cleanups[n-1]
		c.cleanups = c.cleanups[:n-1]
		c.mu.Unlock()
		f()
	}
}

// errNilPanicOrGoexit is the failure of a test whose goroutine ended without
// its function returning or FailNow/SkipNow (a panic(nil) or a stray Goexit).
var errNilPanicOrGoexit = errors.New("test executed panic(nil) or runtime.Goexit")

// tRunner runs test function fn in the test's own goroutine and is the runner
// frame log positions stop at. When fn returns (or FailNow/SkipNow end the
// goroutine) its deferred part releases the parallel subtests and waits for
// them, runs cleanups, reports, and signals Run. A real panic is re-raised
// after the report lines of the test and each enclosing test are printed.
func tRunner(t *T, fn func(t *T)) {
	t.runner = "tRunner"
	defer func() {
		err := recover()
		signal := true
		t.mu.Lock()
		finished := t.finished
		t.mu.Unlock()
		if !finished && err == nil {
			err = errNilPanicOrGoexit
			for p := t.parent; p != nil; p = p.parent {
				p.mu.Lock()
				finished = p.finished
				p.mu.Unlock()
				if finished {
					t.Errorf("%v: subtest may have called FailNow on a parent test", err)
					err = nil
					signal = false
					break
				}
			}
		}
		if err != nil {
			t.Fail()
			t.runCleanup()
			for c := &t.common; c.parent != nil; c = c.parent {
				c.duration += nanotime() - c.start
				c.flushToParent(fmt.Sprintf("--- FAIL: %s (%s)\n", c.name, fmtDuration(c.duration)))
			}
			panic(err)
		}
		t.duration += nanotime() - t.start
		if len(t.sub) > 0 {
			t.context.release()
			close(t.barrier)
			for _, sub := range t.sub {
				<-sub.signal
			}
			cleanupStart := nanotime()
			t.runCleanup()
			t.duration += nanotime() - cleanupStart
			if !t.isParallel {
				t.context.waitParallel()
			}
		} else if t.isParallel {
			t.context.release()
		}
		t.report()
		t.mu.Lock()
		t.done = true
		t.mu.Unlock()
		if t.parent != nil && !t.hasSub {
			t.setRan()
		}
		t.signal <- signal
	}()
	defer func() {
		if len(t.sub) == 0 {
			t.runCleanup()
		}
	}()
	t.start = nanotime()
	fn(t)
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
}

// Run runs f as a subtest named name in its own goroutine and waits until it
// ends or calls t.Parallel. It reports whether f succeeded (or did not fail
// before calling t.Parallel); true for a subtest -test.run filters out.
func (t *T) Run(name string, f func(t *T)) bool {
	t.hasSub = true
	full, ok, _ := matchName(&t.common, name)
	if !ok {
		return true
	}
	thisPackage("")
	sub := &T{common: common{name: full, parent: &t.common, level: t.level + 1,
		chatty: t.chatty, creator: stackFrames(0, pkgPrefix+t.runner),
		signal: make(chan bool, 1), barrier: make(chan bool)}, context: t.context}
	if sub.chatty != nil {
		sub.chatty.updatef(sub.name, "=== RUN   "+sub.name+"\n")
	}
	go tRunner(sub, f)
	if !<-sub.signal {
		// A subtest ended its parent with FailNow: end this goroutine too.
		runtime.Goexit()
	}
	return !sub.Failed()
}

// Short reports whether -test.short was given.
func Short() bool { return flagShort }

// Verbose reports whether -test.v was given.
func Verbose() bool { return flagVerbose }
