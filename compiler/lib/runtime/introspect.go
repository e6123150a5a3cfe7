//go:build refgo

package runtime

// What a program can learn about itself: its call stack (Caller, Callers,
// CallersFrames, FuncForPC, Stack) from the compiler's pc tables, and the heap's
// statistics (ReadMemStats). refgo's frames are the compiled functions on the %rbp
// chain: the runtime package is never inlined, so skip counts agree with gc's.

// MemProfileRate controls the fraction of allocations recorded in the memory profile:
// on average one sample per MemProfileRate bytes allocated (1: every allocation, 0:
// none). The collector reads it at each allocation (compiler/runtime/mprof.c).
var MemProfileRate int = 512 * 1024

// A MemProfileRecord describes the live objects allocated by one call stack, as
// sampled: the bytes and objects allocated and freed, and the stack (Stack0's first
// zero ends it) as the return addresses Callers would give.
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64
	AllocObjects, FreeObjects int64
	Stack0                    [32]uintptr
}

// InUseBytes returns the number of bytes in use (AllocBytes - FreeBytes).
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects returns the number of objects in use (AllocObjects - FreeObjects).
func (r *MemProfileRecord) InUseObjects() int64 {
	return r.AllocObjects - r.FreeObjects
}

// Stack returns the stack trace associated with the record, a prefix of r.Stack0.
func (r *MemProfileRecord) Stack() []uintptr {
	for i, v := range r.Stack0 {
		if v == 0 {
			return r.Stack0[0:i]
		}
	}
	return r.Stack0[0:]
}

// MemProfile returns the memory profile as of the last completed collection (before
// the first, everything sampled so far): n records, one per allocating stack and
// size with memory in use (all of them if inuseZero). If len(p) >= n it copies them
// into p and returns n, true; else it copies nothing and returns n, false.
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) {
	z := int64(0)
	if inuseZero {
		z = 1
	}
	n = memProfile(p, z)
	return n, n <= len(p)
}

// memProfile writes the profile's records to p if they fit and returns their number
// (inuseZero 1: all records). Provided by refgo's runtime (mprof.c).
func memProfile(p []MemProfileRecord, inuseZero int64) int

// callers stores the return addresses of the compiled frames above the hook's caller
// (pcs[0] returns into the function that called callers), skipping the first skip,
// and returns how many it stored.
func callers(skip int, pcs []uintptr) int

// callSite returns the function, file and line of the call whose return address is
// pc; fn is "" if pc is not one.
func callSite(pc uintptr) (fn string, file string, line int)

// callSiteInl is callSite k inlining levels out: the inlined function's caller at
// the inlined call's line, and so on; fn "" past the outermost.
func callSiteInl(pc uintptr, k int) (fn string, file string, line int)

// funcInfo returns the compiled function whose code holds pc: its entry, name, file
// and declaration line; entry is 0 if there is none.
func funcInfo(pc uintptr) (entry uintptr, name string, file string, line int)

// funcParams reports whether the compiled function holding pc takes parameters.
func funcParams(pc uintptr) bool

// goid returns the calling goroutine's number.
func goid() int

// initLocked reports whether the caller is goroutine 1 running the package
// initialisers, which gc's runtime.main locks to the main thread meanwhile.
func initLocked() bool

// inlineFramePC returns, for the return address pc of a compiled call, the pc that
// stands for its k-th frame outwards (0: the function holding the call) when that is
// a function inlined there, else 0.
func inlineFramePC(pc uintptr, k int) uintptr

// Caller reports the file and line of the call skip frames above its caller (0: the
// function that calls Caller), counting the frames of inlined functions as gc does;
// pc is that call's return address minus one, or for an inlined function's frame a pc
// FuncForPC and FileLine know it by.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var pcs [1]uintptr
	for i := 1; callers(i, pcs[:]) == 1; i++ {
		for k := 0; ; k++ {
			fn, file, line := callSiteInl(pcs[0], k)
			if fn == "" {
				break
			}
			if skip == 0 {
				if p := inlineFramePC(pcs[0], k); p != 0 {
					return p, file, line, true
				}
				return pcs[0] - 1, file, line, true
			}
			skip--
		}
	}
	return 0, "", 0, false
}

// Callers fills pc with the return addresses of the calling goroutine's frames,
// skipping skip of them (0: Callers itself, 1: its caller), and returns how many.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, pc)
}

// Func describes a compiled function.
type Func struct {
	entry uintptr
	name  string
	file  string
	line  int
}

// FuncForPC returns the function whose code holds pc, or nil.
func FuncForPC(pc uintptr) *Func {
	entry, name, file, line := funcInfo(pc)
	if entry == 0 {
		return nil
	}
	return &Func{entry, name, file, line}
}

// Name returns the function's name ("main.(*T).M"); "" for a nil *Func.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the function's entry address.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine returns the file and line of pc in f: the call whose return address is pc
// or pc+1 (as Callers and Caller give them), in the compiled function when functions
// are inlined there, else f's declaration.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	for _, p := range [2]uintptr{pc + 1, pc} {
		if fn, file, line := callSite(p); fn != "" {
			for k := 1; ; k++ {
				outer, ofile, oline := callSiteInl(p, k)
				if outer == "" {
					return file, line
				}
				file, line = ofile, oline
			}
		}
	}
	return f.file, f.line
}

// Frame is the information CallersFrames returns for each call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// Frames iterates over the frames of a Callers result: each return address gives the
// frames of the functions inlined at its call, innermost first, then its compiled
// function's, as gc's.
type Frames struct {
	pcs []uintptr
	inl int // the inlining level of pcs[0] Next returns next
}

// CallersFrames takes a slice of return addresses from Callers and prepares to return
// function/file/line information.
func CallersFrames(callers []uintptr) *Frames { return &Frames{pcs: callers} }

// Next returns the next frame and whether more follow.
func (ci *Frames) Next() (frame Frame, more bool) {
	if len(ci.pcs) == 0 {
		return Frame{}, false
	}
	pc := ci.pcs[0]
	f := FuncForPC(pc - 1)
	fn, file, line := callSiteInl(pc, ci.inl)
	if outer, _, _ := callSiteInl(pc, ci.inl+1); fn != "" && outer != "" {
		frame = Frame{PC: pc - 1, Function: fn, File: file, Line: line} // inlined there
		ci.inl++
	} else {
		frame = Frame{PC: pc - 1, Func: f, Function: fn, File: file, Line: line}
		if fn == "" {
			frame.Function = f.Name()
		}
		ci.pcs, ci.inl = ci.pcs[1:], 0
	}
	if f != nil {
		frame.Entry = f.entry
	}
	return frame, len(ci.pcs) > 0
}

// Stack formats a trace of the calling goroutine into buf ("goroutine 1 [running]:",
// `[running, locked to thread]` during package initialisation, as gc's, then each
// function and its file:line) and returns the bytes written; all is
// ignored (only the caller's goroutine is listed). As gc's, a compiled function
// without parameters is `f()` and an inlined one `f(...)`, a compiled frame's line is
// followed by its pc's offset in the function (` +0x1d`), and runtime.gopanic is
// `panic`; refgo does not print argument words, so a compiled function with
// parameters is `f(...)` too. Method value wrappers (`T.M-fm`) are left out, as gc
// leaves out wrappers, and so are the runtime's unexported functions but gopanic
// (runtime.main, runtime.goexit, sigpanic), as gc leaves out runtime frames.
func Stack(buf []byte, all bool) int {
	pcs := make([]uintptr, 64)
	n := callers(1, pcs)
	state := " [running]:\n"
	if initLocked() {
		state = " [running, locked to thread]:\n"
	}
	s := "goroutine " + utoa(uint64(goid()), 10) + state
	for _, pc := range pcs[:n] {
		entry, _, _, _ := funcInfo(pc - 1)
		for k := 0; ; k++ {
			fn, file, line := callSiteInl(pc, k)
			if fn == "" {
				break
			}
			if hiddenFrame(fn) {
				continue
			}
			outer, _, _ := callSiteInl(pc, k+1)
			args := "(...)"
			if fn == "runtime.gopanic" {
				fn = "panic"
			} else if outer == "" && !funcParams(pc-1) {
				args = "()"
			}
			s += fn + args + "\n\t" + file + ":" + utoa(uint64(line), 10)
			if outer == "" && entry != 0 && pc > entry {
				s += " +0x" + utoa(uint64(pc-entry), 16)
			}
			s += "\n"
		}
	}
	return copy(buf, s)
}

// hiddenFrame reports whether gc's tracebacks leave function fn out: a method value
// wrapper, or an unexported function of the runtime but runtime.gopanic.
func hiddenFrame(fn string) bool {
	if len(fn) > 3 && fn[len(fn)-3:] == "-fm" {
		return true
	}
	const rt = "runtime."
	return len(fn) > len(rt) && fn[:len(rt)] == rt && fn != "runtime.gopanic" &&
		!('A' <= fn[len(rt)] && fn[len(rt)] <= 'Z')
}

// utoa returns v's digits in base (at most 16), lower-case.
func utoa(v uint64, base uint64) string {
	const digits = "0123456789abcdef"
	var b [64]byte
	i := len(b)
	for {
		i--
		b[i] = digits[v%base]
		v /= base
		if v == 0 {
			return string(b[i:])
		}
	}
}

// MemStats records statistics about the memory allocator (the fields refgo keeps).
type MemStats struct {
	Alloc        uint64 // bytes of allocated heap objects
	TotalAlloc   uint64 // cumulative bytes allocated
	Sys          uint64 // bytes of heap obtained from the OS
	Mallocs      uint64 // cumulative objects allocated
	Frees        uint64 // cumulative objects freed
	HeapAlloc    uint64 // same as Alloc
	HeapSys      uint64
	HeapInuse    uint64
	HeapObjects  uint64 // Mallocs - Frees
	NumGC        uint32 // completed collections
	PauseTotalNs uint64 // not measured: 0
}

func readMemStats() (alloc, totalAlloc, mallocs, frees, numGC, sys uint64)

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats) {
	alloc, total, mallocs, frees, numGC, sys := readMemStats()
	*m = MemStats{Alloc: alloc, TotalAlloc: total, Sys: sys, Mallocs: mallocs, Frees: frees,
		HeapAlloc: alloc, HeapSys: sys, HeapInuse: alloc, HeapObjects: mallocs - frees,
		NumGC: uint32(numGC)}
}

// SetFinalizer sets the finalizer of the object obj points to: after a collection
// finds the object unreachable, finalizer(obj) runs on a goroutine of its own, once.
// A nil finalizer clears it. Provided by refgo's runtime (compiler/runtime/finalizer.c).
func SetFinalizer(obj any, finalizer any)

// runNextFinalizer runs the oldest finalizer that is ready and reports whether there
// was one (false ends the finalizer goroutine).
func runNextFinalizer() bool

// finalizerLoop is the func value the runtime starts its finalizer goroutine with.
var finalizerLoop = runFinalizers

func runFinalizers() {
	for runNextFinalizer() {
	}
}
