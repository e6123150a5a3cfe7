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
