// The runtime's entry points as compiled Go code sees them: the single source of truth
// for their signatures. `refgo mkbuiltin` parses this file with refgo's own front end and
// serializes it into compiler/builtin/runtimedata.py (format: docs/export-format.md);
// the compiler learns runtime signatures only from that data.
//
// NOTE: after editing this file, run `refgo mkbuiltin` and review the golden diff
// (`pytest -m golden`; accept with `pytest -m golden --snapshot-update`).
//
// Calling convention (compiler/runtime/runtime.c): every Go word of an argument is one
// SysV integer argument (a string is ptr, len; a slice ptr, len, cap; an interface
// type-or-itab, data; a float64 goes in an SSE register); a result of one word comes
// back in %rax (%xmm0 for floats), a result of two words in %rax:%rdx.
//
// `any` is a placeholder for "any type", as in gc's builtin/runtime.go: the compiler
// substitutes the actual type at each call site. A type descriptor or itab is *byte.

package runtime

import "unsafe"

// program start and exit
func exit(code int64)

// print and println
func printlock()
func printunlock()
func printsp()
func printnl()
func printbool(v bool)
func printint(v int64)
func printuint(v uint64)
func printhex(v uint64)
func printfloat(v float64)
func printcomplex(v complex128)
func printstring(s string)
func printpointer(p unsafe.Pointer)
func printslice(s []byte)
func printeface(e any)

// panics and runtime errors
func gopanic(e any)
func panicdivide()
// missinghook is what a library hook the runtime lacks calls instead (a weak symbol
// emitted by the compiler): a fatal error naming the hook, not a link failure.
func missinghook(name *byte)
func panicshift()
func panicIndex(x int, y int)
func panicIndexU(x int, y int)
func panicSliceAlen(x int, y int)
func panicSliceAlenU(x int, y int)
func panicSliceAcap(x int, y int)
func panicSliceAcapU(x int, y int)
func panicSlice3Alen(x int, y int)
func panicSlice3AlenU(x int, y int)
func panicSlice3Acap(x int, y int)
func panicSlice3AcapU(x int, y int)
func panicSlice3B(x int, y int)
func panicSlice3BU(x int, y int)
func panicSlice3C(x int, y int)
func panicSlice3CU(x int, y int)
func panicSliceB(x int, y int)
func panicSliceBU(x int, y int)
func panicSliceConvert(x int, y int)
func panicdottype(have, want, iface *byte)

// defer and recover (refgo's own: a deferred call is a closure run by deferreturn;
// open-coded defers need no call)
func deferproc(fn unsafe.Pointer, rbp uintptr, rsp uintptr, pc uintptr)
func deferprocStack(fn unsafe.Pointer, rbp uintptr, rsp uintptr, pc uintptr, d unsafe.Pointer)
func deferreturn(rbp uintptr)
func gorecover() interface{}
func gorecoverfp(argp uintptr) interface{}
func recoverfp() uintptr

// memory
func mallocgc(size uintptr) unsafe.Pointer
func newobject(typ *byte) *any
func memmove(to, frm unsafe.Pointer, length uintptr)
func memequal(x, y *any, size uintptr) bool

// strings
func concatstring2(a, b string) string
func concatstrings(buf *[32]byte, a []string) string
func cmpstring(a, b string) int
func intstring(v int64) string
func decoderune(s string, k int) (r rune, pos int)
func slicebytetostring(ptr *byte, n int) string
func stringtoslicebyte(s string) *byte
func slicerunetostring(ptr *rune, n int) string
func stringtoslicerune(s string) (ptr *rune, n int)

// slices
func makeslice(typ *byte, len int, cap int) unsafe.Pointer
func unsafeslice(elemsize uintptr, ptr unsafe.Pointer, len int64)
func growslice(typ *byte, old unsafe.Pointer, oldlen int, oldcap int, newlen int) (ary unsafe.Pointer, newcap int)

// interface conversions
func convT(typ *byte, elem *any) unsafe.Pointer
func convTnoptr(typ *byte, elem *any) unsafe.Pointer
func convT16(val uint16) unsafe.Pointer
func convT32(val uint32) unsafe.Pointer
func convT64(val uint64) unsafe.Pointer
func convTstring(val string) unsafe.Pointer
func convTslice(val []uint8) unsafe.Pointer
func convI2I(inter *byte, typ *byte) (tab *byte)

// interface type assertions x.(T)
func assertE2I(inter *byte, typ *byte, src *byte) (tab *byte)
func assertE2I2(inter *byte, typ *byte) (tab *byte)

// equality
func efaceeq(typ *byte, x, y unsafe.Pointer) bool
func typedeq(typ *byte, x, y unsafe.Pointer) bool

// maps
func makemap(keyType *byte, elemsize uintptr, h unsafe.Pointer) (hmap unsafe.Pointer)
func fastrand() uint32
func mapaccess1(hmap unsafe.Pointer, key *any) (val *any)
func mapaccess2(hmap unsafe.Pointer, key *any) (val *any, pres bool)
func mapassign(hmap unsafe.Pointer, key *any) (val *any)
func mapdelete(hmap unsafe.Pointer, key *any)
func mapaccess1_faststr(hmap unsafe.Pointer, key string) (val *any)
func mapaccess2_faststr(hmap unsafe.Pointer, key string) (val *any, pres bool)
func mapassign_faststr(hmap unsafe.Pointer, key string) (val *any)
func mapdelete_faststr(hmap unsafe.Pointer, key string)
func mapiterinit(hmap unsafe.Pointer, hiter unsafe.Pointer) (key *any, val *any)
func mapiternext(hmap unsafe.Pointer, hiter unsafe.Pointer) (key *any, val *any)

// goroutines (compiler/runtime/sched.c): fn is a func() closure; `go f(a, b)` passes a
// closure that captured a, b at the go statement and calls f(a, b)
func newproc(fn *byte)
func block()

// channels (compiler/runtime/chan.c): a channel is a pointer to the runtime's hchan,
// whose first two words are len and cap
func makechan(elemType *byte, size int) (hchan chan any)
func chansend1(hchan chan<- any, elem *any)
func chanrecv1(hchan <-chan any, elem *any)
func chanrecv2(hchan <-chan any, elem *any) (received bool)
func closechan(hchan any)

// select: cas0 is [ncases]struct{c *hchan; elem unsafe.Pointer}, sends first; order0
// is [2*ncases]uint16 scratch; pc0 is nil
func selectnbsend(hchan chan<- any, elem *any) (selected bool)
func selectnbrecv(elem *any, hchan <-chan any) (selected bool, received bool)
func selectgo(cas0 *byte, order0 *byte, pc0 *uintptr, nsends int, nrecvs int, block bool) (int, bool)

// arithmetic
func complex128div(num complex128, den complex128) (quo complex128)
