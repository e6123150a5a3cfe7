//go:build refgo

package reflect

import "unsafe"

// Call calls the function v with the input arguments in and returns its results.
func (v Value) Call(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.Call")
	return v.call("Call", in, false)
}

// CallSlice calls the variadic function v, its last argument in[len(in)-1] being the
// slice for the variadic parameter.
func (v Value) CallSlice(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.CallSlice")
	return v.call("CallSlice", in, true)
}

func align8(n uintptr) uintptr { return (n + 7) &^ 7 }

// call lays out the Go-ABI argument area (receiver word first for a method, each
// parameter then each result at the next 8-aligned offset) and calls through
// reflect.call.
func (v Value) call(op string, in []Value, isSlice bool) []Value {
	var ft *rtype
	var code, ctx, recv unsafe.Pointer
	hasRecv := false
	switch {
	case v.flag&flagMethod != 0:
		code, recv, ft = v.methodTarget()
		hasRecv = true
	default:
		ft = v.typ
		ctx = *(*unsafe.Pointer)(v.ptr)
		if ctx == nil {
			panic("reflect: call of nil function")
		}
		code = *(*unsafe.Pointer)(ctx)
	}
	if ft == nil {
		panic("reflect: method type not recorded")
	}
	nin := ft.len
	variadic := ft.tflag&tflagVariadic != 0
	if isSlice {
		if !variadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < nin {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > nin {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if variadic {
			nin--
		}
		if len(in) < nin {
			panic("reflect: Call with too few input arguments")
		}
		if !variadic && len(in) > nin {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	args := make([]Value, 0, ft.len)
	for i := 0; i < nin; i++ {
		pt := ft.fieldAt(i).typ
		if xt := in[i].typ; !assignable(pt, xt) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + pt.String())
		}
		args = append(args, in[i].assignTo("reflect.Value.Call", pt))
	}
	if variadic && !isSlice {
		st := ft.fieldAt(nin).typ
		extra := MakeSlice(st, len(in)-nin, len(in)-nin)
		for i := nin; i < len(in); i++ {
			if xt := in[i].typ; !assignable(st.elem, xt) {
				panic("reflect: cannot use " + xt.String() + " as type " + st.elem.String() + " in " + op)
			}
			extra.Index(i - nin).Set(in[i])
		}
		args = append(args, extra)
	}
	var off uintptr
	if hasRecv {
		off = 8
	}
	offs := make([]uintptr, ft.nfields)
	for i := 0; i < ft.nfields; i++ {
		if i == ft.len {
			off = align8(off)
		}
		off = align8(off)
		offs[i] = off
		off += ft.fieldAt(i).typ.size
	}
	size := align8(off)
	frame := make([]unsafe.Pointer, size/8+1)
	fp := unsafe.Pointer(&frame[0])
	if hasRecv {
		frame[0] = recv
	}
	for i, a := range args {
		typedmemmove(ft.fieldAt(i).typ, add(fp, offs[i]), a.ptr)
	}
	call(code, ctx, fp, size)
	out := make([]Value, ft.nfields-ft.len)
	for i := range out {
		rt := ft.fieldAt(ft.len + i).typ
		p := unsafe_New(rt)
		typedmemmove(rt, p, add(fp, offs[ft.len+i]))
		out[i] = Value{rt, p, 0}
	}
	return out
}

// methodTarget returns the code, receiver word and func type (receiver left out) of
// the method value v: the dynamic type's method for an interface.
func (v Value) methodTarget() (code, recv unsafe.Pointer, ft *rtype) {
	m := v.methodEntry()
	if v.typ.Kind() == Interface {
		e := v.ifaceEface()
		key := str(m.key, m.keylen)
		for j := 0; j < e.typ.nmethods; j++ {
			if c := e.typ.methodAt(j); str(c.key, c.keylen) == key {
				code = c.fn
			}
		}
		if code == nil {
			panic("reflect: call of method " + key + " the linker dropped")
		}
		return code, e.word, m.mtyp
	}
	recv = v.ptr
	if v.typ.tflag&tflagDirect != 0 {
		recv = *(*unsafe.Pointer)(v.ptr)
	} else if v.flag&flagAddr != 0 {
		recv = unsafe_New(v.typ)
		typedmemmove(v.typ, recv, v.ptr)
	}
	if m.fn == nil {
		panic("reflect: call of method " + str(m.key, m.keylen) + " the linker dropped")
	}
	return m.fn, recv, m.mtyp
}
