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
