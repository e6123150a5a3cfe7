// Package atomic provides atomic memory primitives: the Add, Load, Store, Swap and
// CompareAndSwap functions for int32, uint32, int64, uint64, uintptr and
// unsafe.Pointer, Value, and the typed Int32, Int64, Uint32, Uint64, Uintptr, Bool and
// Pointer[T].
//
//	var n atomic.Int64
//	n.Add(2) // 2, whichever goroutines add concurrently
package atomic
