//go:build refgo

// Package runtime is the part of gc's runtime package refgo programs can call:
// the garbage collector's entry points, implemented by compiler/runtime/malloc.c.
package runtime

// GC runs a full stop-the-world garbage collection. Provided by refgo's runtime.
func GC()

// HeapInUse returns the bytes held by allocated heap objects: those that survived the
// last collection plus those allocated since (refgo's own; gc has no such function).
// Provided by refgo's runtime.
func HeapInUse() int

// Gosched yields the processor, allowing other goroutines to run. Provided by refgo's
// runtime (compiler/runtime/sched.c).
func Gosched()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// Goexit runs all deferred calls of the calling goroutine and then terminates it.
// Calling it from the main goroutine ends that goroutine without main returning; the
// program continues with the other goroutines, and crashes if none are left.
func Goexit()

// GOMAXPROCS sets the maximum number of CPUs that can execute Go code simultaneously
// and returns the previous setting; n < 1 only reports it. refgo runs Go code on one
// thread whatever the setting; it starts as $GOMAXPROCS or the number of CPUs.
func GOMAXPROCS(n int) int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// KeepAlive marks x as in use up to the call: x stays reachable, so the collector does
// not free it (nor run what its freeing would trigger) before this point. The call is
// kept (never inlined) and its argument is live across it; the body does nothing.
//
//go:noinline
func KeepAlive(x interface{}) {}

// Compiler is the name of the compiler that built the running binary.
const Compiler = "refgo"

// Version returns the Go language and library version the binary was built for.
func Version() string { return "go1.19" }

// GOROOT returns the root of the Go tree: $GOROOT when set (in the environment the
// program started with), else the root of the Go installation the program was linked
// against. Provided by refgo's runtime (runtime.c; the default written by
// compiler/link.py).
func GOROOT() string

// Breakpoint executes a breakpoint trap (int3): a debugger stops there; without one
// the program dies of SIGTRAP. Provided by refgo's runtime (introspect.c).
func Breakpoint()
