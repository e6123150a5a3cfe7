//go:build refgo

package reflect

import (
	"runtime"
	"unsafe"
)

// makeFuncImpl is the closure MakeFunc returns: code is makeFuncStub (asm in
// compiler/runtime/reflect.c), which calls call(impl, its caller's argument area).
// do NOT reorder code and call: the stub reads them at offsets 0 and 8.
type makeFuncImpl struct {
	code unsafe.Pointer
	call func(impl *makeFuncImpl, frame unsafe.Pointer)
	ftyp *rtype
	fn   func([]Value) []Value
}

// MakeFunc returns a new function of the given Type that wraps the function fn.
// When called, that new function converts its arguments to Values, calls fn, and
// stores fn's results, which must have the Type's result types, as its own.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	stub := makeFuncStub
	impl := &makeFuncImpl{code: **(**unsafe.Pointer)(unsafe.Pointer(&stub)), call: callReflect, ftyp: t, fn: fn}
	p := unsafe_New(t)
	*(*unsafe.Pointer)(p) = unsafe.Pointer(impl)
	return Value{t, p, 0}
}

// frameOffsets returns the offset of each parameter then each result of func type ft
// in its argument area (each 8-aligned, as Value.call lays them out) and the area's
// size.
func frameOffsets(ft *rtype) ([]uintptr, uintptr) {
	offs := make([]uintptr, ft.nfields)
	var off uintptr
	for i := 0; i < ft.nfields; i++ {
		off = align8(off)
		offs[i] = off
		off += ft.fieldAt(i).typ.size
	}
	return offs, align8(off)
}

// callReflect runs a MakeFunc function: frame is its caller's argument area.
func callReflect(impl *makeFuncImpl, frame unsafe.Pointer) {
	ft := impl.ftyp
	offs, _ := frameOffsets(ft)
	in := make([]Value, ft.len)
	for i := range in {
		t := ft.fieldAt(i).typ
		p := unsafe_New(t)
		typedmemmove(t, p, add(frame, offs[i]))
		in[i] = Value{t, p, 0}
	}
	out := impl.fn(in)
	if len(out) != ft.nfields-ft.len {
		panic("reflect: wrong return count from function created by MakeFunc")
	}
	for i, v := range out {
		rt := ft.fieldAt(ft.len + i).typ
		if v.typ == nil {
			panic("reflect: function created by MakeFunc using " + funcName(impl.fn) + " returned zero Value")
		}
		if v.flag&flagRO != 0 {
			panic("reflect: function created by MakeFunc using " + funcName(impl.fn) + " returned value obtained from unexported field")
		}
		v = v.assignTo("reflect.MakeFunc", rt)
		typedmemmove(rt, add(frame, offs[ft.len+i]), v.ptr)
	}
}

// funcName names f in panic messages as gc does: FuncForPC of the func value's word,
// which is a closure's address, not code, so always "closure".
func funcName(f func([]Value) []Value) string {
	word := *(*uintptr)(unsafe.Pointer(&f))
	if fn := runtime.FuncForPC(word); fn != nil {
		return fn.Name()
	}
	return "closure"
}
