//go:build !refgo

package runtime

import gr "runtime"

func GC() { gr.GC() }

func HeapInUse() int {
	var m gr.MemStats
	gr.ReadMemStats(&m)
	return int(m.HeapAlloc)
}
