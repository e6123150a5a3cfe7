//go:build refgo

package reflect

import "unsafe"

// The hooks below are provided by refgo's runtime (compiler/runtime/reflect.c and
// asm.s); compiler/lib/README.md states their contracts.

// typelinks returns the program's own descriptors of unnamed array, slice and map
// types (the table the compiler writes when reflect is linked).
func typelinks() []*rtype

// unsafe_New returns zeroed heap memory for a value of type t.
func unsafe_New(t *rtype) unsafe.Pointer

// typedmemmove copies a value of type t from src to dst.
func typedmemmove(t *rtype, dst, src unsafe.Pointer)

// memmove copies n bytes from src to dst (the areas may overlap).
func memmove(dst, src unsafe.Pointer, n uintptr)

// makeslice returns a zeroed backing array of c elements of type et (len <= c).
func makeslice(et *rtype, n, c int) unsafe.Pointer

// makemap returns a new empty map of map type t.
func makemap(t *rtype) unsafe.Pointer

// mapaccess returns the address of m[*key]'s element, or nil if the key is absent.
func mapaccess(m, key unsafe.Pointer) unsafe.Pointer

// mapassign stores *val (of t's element type) as m[*key].
func mapassign(t *rtype, m, key, val unsafe.Pointer)

// mapdelete removes *key from m.
func mapdelete(m, key unsafe.Pointer)

// mapiterinit starts iterating m (insertion order) with the 4-word iterator it and
// returns the first entry's key and element addresses, or nils for an empty map.
func mapiterinit(m unsafe.Pointer, it *[4]unsafe.Pointer) (key, elem unsafe.Pointer)

// mapiternext returns the next entry's key and element addresses, or nils at the end.
func mapiternext(m unsafe.Pointer, it *[4]unsafe.Pointer) (key, elem unsafe.Pointer)

// itabFor returns the itab of concrete type t for interface type inter, nil if t lacks
// one of inter's methods.
func itabFor(inter, t *rtype) unsafe.Pointer

// call calls Go code with context register ctx (a closure, or nil) on a copy of the
// size-byte argument area frame, and copies the area, results included, back.
func call(code, ctx, frame unsafe.Pointer, size uintptr)

// methodValueCall is the code of the closures Value.Method(i).Interface() makes:
// {methodValueCall, method code, receiver word, size of the arguments and results}.
// Called as a func value, it calls the method with the receiver word prepended to its
// arguments and copies the results back (compiler/runtime/asm.s).
func methodValueCall()

// makeFuncStub is the code of the functions MakeFunc makes, closures
// {makeFuncStub, callReflect, ...} (%rdx): it calls callReflect(closure, the address
// of its caller's argument area) (compiler/runtime/reflect.c).
func makeFuncStub()
