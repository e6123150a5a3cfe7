//go:build !refgo

package runtime

import gr "runtime"

func GC() { gr.GC() }

func HeapInUse() int {
	var m gr.MemStats
	gr.ReadMemStats(&m)
	return int(m.HeapAlloc)
}

func Gosched() { gr.Gosched() }

func NumGoroutine() int { return gr.NumGoroutine() }

func Goexit() { gr.Goexit() }

func GOMAXPROCS(n int) int { return gr.GOMAXPROCS(n) }

func NumCPU() int { return gr.NumCPU() }

func KeepAlive(x interface{}) { gr.KeepAlive(x) }

const Compiler = gr.Compiler

func Version() string { return gr.Version() }

func GOROOT() string { return gr.GOROOT() }

var MemProfileRate int = 512 * 1024

type MemProfileRecord = gr.MemProfileRecord

func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) {
	return gr.MemProfile(p, inuseZero)
}

func Caller(skip int) (pc uintptr, file string, line int, ok bool) { return gr.Caller(skip + 1) }

func Callers(skip int, pc []uintptr) int { return gr.Callers(skip+1, pc) }

type Func = gr.Func

func FuncForPC(pc uintptr) *Func { return gr.FuncForPC(pc) }

type Frame = gr.Frame

type Frames = gr.Frames

func CallersFrames(callers []uintptr) *Frames { return gr.CallersFrames(callers) }

func Stack(buf []byte, all bool) int { return gr.Stack(buf, all) }

type MemStats = gr.MemStats

func ReadMemStats(m *MemStats) { gr.ReadMemStats(m) }

func SetFinalizer(obj any, finalizer any) { gr.SetFinalizer(obj, finalizer) }

func Breakpoint() { gr.Breakpoint() }
