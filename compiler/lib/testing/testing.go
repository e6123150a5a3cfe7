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
// There are no goroutines: FailNow and SkipNow end the test by panicking with a
// private value that the runner recovers (gc uses runtime.Goexit), so a test that
// recovers every panic itself can swallow them. Parallel tests run serially.
package testing

import (
	"fmt"
	"os"
	"strings"
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

// stop is the panic value FailNow and SkipNow use to end a test.
type stop struct{}

// chatty prints -test.v output: it announces "=== CONT  name" when a test
// prints after another test printed.
type chatty struct {
	lastName string
}

// event is one piece of output held back while a paused (parallel) test runs:
// a stream update or log line of test name (chatty), or the paused test's own
// report bound for its parent (toParent, delivered by deliver).
type event struct {
	update   bool
	toParent *common
	name     string
	text     string
}

// held collects output while a test that called t.Parallel runs (its own
// list); nil when output goes straight out.
var held *[]event

// updatef prints a line that belongs to name without a CONT header.
func (c *chatty) updatef(name, text string) {
	if held != nil {
		*held = append(*held, event{update: true, name: name, text: text})
		return
	}
	c.lastName = name
	os.Stdout.WriteString(text)
}

// printf prints log output of name, first announcing it if another test printed last.
func (c *chatty) printf(name, text string) {
	if held != nil {
		*held = append(*held, event{name: name, text: text})
		return
	}
	if c.lastName == "" {
		c.lastName = name
	} else if c.lastName != name {
		os.Stdout.WriteString("=== CONT  " + name + "\n")
		c.lastName = name
	}
	os.Stdout.WriteString(text)
}

// replay delivers the held output of the paused test t as it resumes.
func replay(t *T) {
	if t.chatty != nil {
		t.chatty.updatef(t.name, "=== CONT  "+t.name+"\n")
	}
	for _, e := range t.held {
		switch {
		case e.toParent != nil:
			deliver(e.toParent, t.chatty, e.name, e.text)
		case e.update:
			t.chatty.updatef(e.name, e.text)
		default:
			t.chatty.printf(e.name, e.text)
		}
	}
	t.held = nil
}

// common holds the state shared by T and B. output is the buffered log of a
// non-chatty test (and the indented reports of its subtests); runner is the
// method that calls the test function ("(*T).callTest"), without package prefix;
// creator is the stack of the t.Run call that started a subtest, up to the
// parent's runner.
type common struct {
	name     string
	parent   *common
	level    int
	failed   bool
	skipped  bool
	finished bool
	output   []byte
	helpers  map[string]bool
	chatty   *chatty
	runner   string
	creator  []frame
	holding  *[]event
	start    int64
	duration int64
	cleanups []func()
	bench    bool
	subNames map[string]int
}

// T is the state of one test. A test that called t.Parallel is paused: like
// gc's, it is reported after its parent's function returns (top-level tests:
// after the sequential tests), announced by "=== PAUSE" and "=== CONT". It still
// runs at once, to completion; only its output is held back (in held; output it
// writes to os.Stdout itself is not), and pausedSubs waits for replay.
type T struct {
	common
	isParallel  bool
	failedEarly bool
	held        []event
	heldBefore  *[]event
	pausedSubs  []*T
}

// Parallel marks the test parallel and pauses its reporting (see T).
func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	t.isParallel = true
	t.failedEarly = t.failed
	if t.chatty != nil {
		t.chatty.updatef(t.name, "=== PAUSE "+t.name+"\n")
	}
	t.heldBefore = held
	held = &t.held
	t.holding = held
}

// Name returns the test's name, "TestX/sub" for subtests.
func (c *common) Name() string { return c.name }

// Fail marks the test failed and lets it continue.
func (c *common) Fail() {
	if c.parent != nil && c.finished {
		panic("Fail in goroutine after " + c.name + " has completed")
	}
	c.failed = true
}

// Failed reports whether the test has failed.
func (c *common) Failed() bool { return c.failed }

// FailNow marks the test failed and ends it; deferred calls run.
func (c *common) FailNow() {
	c.Fail()
	c.finished = true
	panic(stop{})
}

// Skipped reports whether the test was skipped.
func (c *common) Skipped() bool { return c.skipped }

// SkipNow marks the test skipped and ends it.
func (c *common) SkipNow() {
	c.skipped = true
	c.finished = true
	panic(stop{})
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
	c.cleanups = append(c.cleanups, f)
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
// parent: straight to stdout for a top-level test, indented into the parent's
// buffer for a subtest.
func (c *common) flushToParent(text string) {
	text += string(c.output)
	c.output = nil
	if c.holding != nil && held == c.holding {
		*held = append(*held, event{toParent: c.parent, name: c.name, text: text})
		return
	}
	deliver(c.parent, c.chatty, c.name, text)
}

// deliver hands a finished test's report text to its parent p.
func deliver(p *common, ch *chatty, name, text string) {
	if p.level > 0 {
		p.writeIndented(text)
		return
	}
	if ch != nil {
		ch.updatef(name, text)
		return
	}
	os.Stdout.WriteString(text)
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
	format := "--- %s: %s (%s)\n"
	dur := fmtDuration(t.duration)
	switch {
	case t.failed:
		t.flushToParent(fmt.Sprintf(format, "FAIL", t.name, dur))
	case t.chatty == nil:
	case t.skipped:
		t.flushToParent(fmt.Sprintf(format, "SKIP", t.name, dur))
	default:
		t.flushToParent(fmt.Sprintf(format, "PASS", t.name, dur))
	}
}

// callTest is the runner frame: it calls the test function and recovers the
// panic of FailNow/SkipNow. Log positions stop here. A real panic is re-raised
// after the failure has been reported.
func (t *T) callTest(f func(*T)) {
	t.runner = "(*T).callTest"
	defer t.finish()
	f(t)
}

// finish ends the test whose function returned or panicked: runs cleanups,
// records the duration, reports, and re-raises a real panic (each enclosing
// test's finish then reports that test as failed, outermost last).
func (t *T) finish() {
	r := recover()
	if _, ok := r.(stop); ok {
		r = nil
	}
	for _, sub := range t.pausedSubs {
		replay(sub)
	}
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
	t.duration = nanotime() - t.start
	t.finished = true
	if r != nil {
		t.failed = true
	}
	t.report()
	if t.failed && t.parent != nil {
		t.parent.failed = true
	}
	if t.isParallel {
		held = t.heldBefore
	}
	if r != nil {
		panic(r)
	}
}

// Run runs f as a subtest named name and reports whether it succeeded (or was
// filtered out by -test.run).
func (t *T) Run(name string, f func(t *T)) bool {
	full, ok, _ := matchName(&t.common, name)
	if !ok {
		return true
	}
	thisPackage("")
	sub := &T{common: common{name: full, parent: &t.common, level: t.level + 1,
		chatty: t.chatty, creator: stackFrames(0, pkgPrefix+t.runner)}}
	if sub.chatty != nil {
		sub.chatty.updatef(sub.name, "=== RUN   "+sub.name+"\n")
	}
	sub.start = nanotime()
	sub.callTest(f)
	if sub.isParallel {
		t.pausedSubs = append(t.pausedSubs, sub)
		return !sub.failedEarly
	}
	return !sub.failed
}

// Short reports whether -test.short was given.
func Short() bool { return flagShort }

// Verbose reports whether -test.v was given.
func Verbose() bool { return flagVerbose }
