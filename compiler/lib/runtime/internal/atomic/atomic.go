// Package atomic is the part of gc's runtime/internal/atomic that code outside the
// runtime refers to: loads, stores and compare-and-swaps of pointers and integers.
// refgo runs Go code on one thread and never preempts inside these bodies, so plain
// loads and stores are atomic; they are ordinary Go functions, and escape analysis
// reads what they do with their pointers from their bodies (gc special-cases the
// assembly ones: StorepNoWB and Casp1 store their new value to the heap).
package atomic

import "unsafe"

// Loadp returns the pointer stored at ptr.
//
//go:noinline
func Loadp(ptr unsafe.Pointer) unsafe.Pointer { return *(*unsafe.Pointer)(ptr) }

// StorepNoWB stores val at ptr (gc: without a write barrier; refgo has none).
//
//go:noinline
func StorepNoWB(ptr unsafe.Pointer, val unsafe.Pointer) { *(*unsafe.Pointer)(ptr) = val }

// Casp1 stores new at *ptr if *ptr is old, and reports whether it did.
//
//go:noinline
func Casp1(ptr *unsafe.Pointer, old, new unsafe.Pointer) bool {
	if *ptr != old {
		return false
	}
	*ptr = new
	return true
}

// Load returns *ptr.
func Load(ptr *uint32) uint32 { return *ptr }

// Load64 returns *ptr.
func Load64(ptr *uint64) uint64 { return *ptr }

// Store stores val at ptr.
func Store(ptr *uint32, val uint32) { *ptr = val }

// Store64 stores val at ptr.
func Store64(ptr *uint64, val uint64) { *ptr = val }

// Xadd adds delta to *ptr and returns the new value.
func Xadd(ptr *uint32, delta int32) uint32 {
	*ptr += uint32(delta)
	return *ptr
}

// Xadd64 adds delta to *ptr and returns the new value.
func Xadd64(ptr *uint64, delta int64) uint64 {
	*ptr += uint64(delta)
	return *ptr
}

// Cas stores new at *ptr if *ptr is old, and reports whether it did.
func Cas(ptr *uint32, old, new uint32) bool {
	if *ptr != old {
		return false
	}
	*ptr = new
	return true
}

// Cas64 stores new at *ptr if *ptr is old, and reports whether it did.
func Cas64(ptr *uint64, old, new uint64) bool {
	if *ptr != old {
		return false
	}
	*ptr = new
	return true
}
