//go:build refgo

package reflect

import (
	"math"
	"unsafe"
)

type flag uintptr

const (
	flagAddr        flag = 1 // ptr is the variable itself: settable unless flagRO
	flagRO          flag = 2 // reached through an unexported field
	flagMethod      flag = 4 // v.Method(i): typ and ptr are the receiver's
	flagMethodShift      = 8 // the method's index in typ's table, above the bits
)

// Value is the reflection interface to a Go value. ptr always addresses the value's
// memory (for a value taken out of an interface, the interface's own copy, or a fresh
// word for a pointer-shaped one).
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	flag flag
}

// A ValueError occurs when a Value method is invoked on a Value that does not support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

// StringHeader is the runtime representation of a string.
type StringHeader struct {
	Data uintptr
	Len  int
}

// SliceHeader is the runtime representation of a slice.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

func add(p unsafe.Pointer, off uintptr) unsafe.Pointer {
	return unsafe.Pointer(uintptr(p) + off)
}

// ValueOf returns a new Value holding the concrete value in i; ValueOf(nil) is the
// zero Value.
func ValueOf(i any) Value {
	e := (*eface)(unsafe.Pointer(&i))
	t := e.typ
	if t == nil {
		return Value{}
	}
	if t.tflag&tflagDirect == 0 {
		// the interface's copy, which nothing writes: the Value is not addressable
		return Value{t, e.word, 0}
	}
	p := unsafe_New(t)
	*(*unsafe.Pointer)(p) = e.word
	return Value{t, p, 0}
}

func (v Value) kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	if v.flag&flagMethod != 0 {
		return Func
	}
	return Kind(v.typ.kind)
}

// Kind returns v's Kind; Invalid for the zero Value.
func (v Value) Kind() Kind { return v.kind() }

// IsValid reports whether v represents a value.
func (v Value) IsValid() bool { return v.typ != nil }

func (v Value) mustBe(k Kind, name string) {
	if v.kind() != k {
		panic(&ValueError{name, v.kind()})
	}
}

func (v Value) mustBeAssignable(name string) {
	if v.typ == nil {
		panic(&ValueError{name, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + name + " using value obtained using unexported field")
	}
	if v.flag&flagAddr == 0 {
		panic("reflect: " + name + " using unaddressable value")
	}
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	if v.flag&flagMethod != 0 {
		m := v.methodEntry()
		if m.mtyp == nil {
			panic("reflect: method type not recorded")
		}
		return m.mtyp
	}
	return v.typ
}

func (v Value) methodEntry() *method {
	i := int(v.flag >> flagMethodShift)
	if v.typ.Kind() == Interface && v.flag&flagMethod != 0 {
		return v.typ.methodAt(i)
	}
	return v.typ.methodAt(i)
}

func (v Value) Bool() bool {
	v.mustBe(Bool, "reflect.Value.Bool")
	return *(*bool)(v.ptr)
}

func (v Value) Int() int64 {
	p := v.ptr
	switch v.kind() {
	case Int:
		return int64(*(*int)(p))
	case Int8:
		return int64(*(*int8)(p))
	case Int16:
		return int64(*(*int16)(p))
	case Int32:
		return int64(*(*int32)(p))
	case Int64:
		return *(*int64)(p)
	}
	panic(&ValueError{"reflect.Value.Int", v.kind()})
}

func (v Value) Uint() uint64 {
	p := v.ptr
	switch v.kind() {
	case Uint:
		return uint64(*(*uint)(p))
	case Uint8:
		return uint64(*(*uint8)(p))
	case Uint16:
		return uint64(*(*uint16)(p))
	case Uint32:
		return uint64(*(*uint32)(p))
	case Uint64:
		return *(*uint64)(p)
	case Uintptr:
		return uint64(*(*uintptr)(p))
	}
	panic(&ValueError{"reflect.Value.Uint", v.kind()})
}

func (v Value) Float() float64 {
	switch v.kind() {
	case Float32:
		return float64(*(*float32)(v.ptr))
	case Float64:
		return *(*float64)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Float", v.kind()})
}

func (v Value) Complex() complex128 {
	switch v.kind() {
	case Complex64:
		return complex128(*(*complex64)(v.ptr))
	case Complex128:
		return *(*complex128)(v.ptr)
	}
	panic(&ValueError{"reflect.Value.Complex", v.kind()})
}

// String returns v's value as a string if v is a string, else "<T Value>".
func (v Value) String() string {
	switch v.kind() {
	case Invalid:
		return "<invalid Value>"
	case String:
		return *(*string)(v.ptr)
	}
	return "<" + v.Type().String() + " Value>"
}

func (v Value) Bytes() []byte {
	switch v.kind() {
	case Slice:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.ptr)
	case Array:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if v.flag&flagAddr == 0 {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		var b []byte
		h := (*sliceHeader)(unsafe.Pointer(&b))
		h.data, h.len, h.cap = v.ptr, v.typ.len, v.typ.len
		return b
	}
	panic(&ValueError{"reflect.Value.Bytes", v.kind()})
}

// Pointer returns v's value as a uintptr (pointer, map, chan, func, unsafe.Pointer,
// slice data).
func (v Value) Pointer() uintptr {
	switch v.kind() {
	case Pointer, Map, Chan, UnsafePointer:
		return uintptr(*(*unsafe.Pointer)(v.ptr))
	case Func:
		// the code address, as gc's: word 0 of the closure
		if v.flag&flagMethod != 0 {
			return uintptr(v.methodEntry().fn)
		}
		clo := *(*unsafe.Pointer)(v.ptr)
		if clo == nil {
			return 0
		}
		return uintptr(*(*unsafe.Pointer)(clo))
	case Slice:
		return uintptr((*sliceHeader)(v.ptr).data)
	}
	panic(&ValueError{"reflect.Value.Pointer", v.kind()})
}

func (v Value) UnsafePointer() unsafe.Pointer { return unsafe.Pointer(v.Pointer()) }

func (v Value) Len() int {
	switch v.kind() {
	case Array:
		return v.typ.len
	case Slice:
		return (*sliceHeader)(v.ptr).len
	case String:
		return len(*(*string)(v.ptr))
	case Map, Chan:
		m := *(*unsafe.Pointer)(v.ptr)
		if m == nil {
			return 0
		}
		return *(*int)(m)
	}
	panic(&ValueError{"reflect.Value.Len", v.kind()})
}

func (v Value) Cap() int {
	switch v.kind() {
	case Array:
		return v.typ.len
	case Slice:
		return (*sliceHeader)(v.ptr).cap
	case Chan:
		m := *(*unsafe.Pointer)(v.ptr)
		if m == nil {
			return 0
		}
		return *(*int)(add(m, 8))
	}
	panic(&ValueError{"reflect.Value.Cap", v.kind()})
}

func (v Value) Index(i int) Value {
	switch v.kind() {
	case Array:
		if uint(i) >= uint(v.typ.len) {
			panic("reflect: array index out of range")
		}
		et := v.typ.elem
		return Value{et, add(v.ptr, uintptr(i)*et.size), v.flag & (flagAddr | flagRO)}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.len) {
			panic("reflect: slice index out of range")
		}
		et := v.typ.elem
		return Value{et, add(s.data, uintptr(i)*et.size), flagAddr | v.flag&flagRO}
	case String:
		s := *(*string)(v.ptr)
		if uint(i) >= uint(len(s)) {
			panic("reflect: string index out of range")
		}
		p := new(uint8)
		*p = s[i]
		return Value{uint8Type, unsafe.Pointer(p), v.flag & flagRO}
	}
	panic(&ValueError{"reflect.Value.Index", v.kind()})
}

var uint8Type = TypeOf(uint8(0)).common()

func (v Value) Slice(i, j int) Value {
	switch v.kind() {
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if i < 0 || j < i || j > s.cap {
			panic("reflect.Value.Slice: slice index out of bounds")
		}
		p := unsafe_New(v.typ)
		n := (*sliceHeader)(p)
		n.data, n.len, n.cap = add(s.data, uintptr(i)*v.typ.elem.size), j-i, s.cap-i
		return Value{v.typ, p, v.flag & flagRO}
	case String:
		s := *(*string)(v.ptr)
		if i < 0 || j < i || j > len(s) {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		p := unsafe_New(v.typ)
		*(*string)(p) = s[i:j]
		return Value{v.typ, p, v.flag & flagRO}
	}
	panic(&ValueError{"reflect.Value.Slice", v.kind()})
}

func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return v.typ.nfields
}

func (v Value) Field(i int) Value {
	v.mustBe(Struct, "reflect.Value.Field")
	if uint(i) >= uint(v.typ.nfields) {
		panic("reflect: Field index out of range")
	}
	f := v.typ.fieldAt(i)
	fl := v.flag & (flagAddr | flagRO)
	if !isExported(str(f.name, f.namelen)) {
		fl |= flagRO
	}
	return Value{f.typ, add(v.ptr, f.off), fl}
}

func (v Value) FieldByName(name string) Value {
	v.mustBe(Struct, "reflect.Value.FieldByName")
	if f, ok := v.typ.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

func (v Value) FieldByIndex(index []int) Value {
	for i, x := range index {
		if i > 0 && v.kind() == Pointer && v.typ.elem.Kind() == Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// Elem returns the value the interface v contains or the pointer v points to.
func (v Value) Elem() Value {
	switch v.kind() {
	case Interface:
		e := v.ifaceEface()
		if e.typ == nil {
			return Value{}
		}
		x := ValueOf(packEface(e.typ, e.word))
		x.flag |= v.flag & flagRO
		return x
	case Pointer:
		p := *(*unsafe.Pointer)(v.ptr)
		if p == nil {
			return Value{}
		}
		return Value{v.typ.elem, p, flagAddr | v.flag&flagRO}
	}
	panic(&ValueError{"reflect.Value.Elem", v.kind()})
}

// ifaceEface reads the interface value at v.ptr as an empty interface's two words.
func (v Value) ifaceEface() eface {
	e := *(*eface)(v.ptr)
	if e.typ != nil && v.typ.nmethods > 0 {
		e.typ = (*itab)(unsafe.Pointer(e.typ)).typ
	}
	return e
}

// methodClosure returns a func value (a closure, see methodValueCall) that calls the
// method v stands for on v's receiver.
func (v Value) methodClosure() unsafe.Pointer {
	code, recv, ft := v.methodTarget()
	var size uintptr
	for i := 0; i < ft.nfields; i++ {
		size = align8(size) + ft.fieldAt(i).typ.size
	}
	stub := methodValueCall
	clo := make([]unsafe.Pointer, 4)
	clo[0] = **(**unsafe.Pointer)(unsafe.Pointer(&stub))
	clo[1] = code
	clo[2] = recv
	*(*uintptr)(unsafe.Pointer(&clo[3])) = align8(size)
	return unsafe.Pointer(&clo[0])
}

func packEface(t *rtype, word unsafe.Pointer) any {
	var i any
	e := (*eface)(unsafe.Pointer(&i))
	e.typ = t
	e.word = word
	return i
}

func (v Value) IsNil() bool {
	switch v.kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		if v.flag&flagMethod != 0 {
			return false
		}
		return *(*unsafe.Pointer)(v.ptr) == nil
	case Interface:
		return (*eface)(v.ptr).typ == nil
	case Slice:
		return (*sliceHeader)(v.ptr).data == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.kind()})
}

func (v Value) IsZero() bool {
	switch v.kind() {
	case Invalid:
		panic(&ValueError{"reflect.Value.IsZero", Invalid})
	case Float32, Float64:
		return math.Float64bits(v.Float()) == 0
	case Complex64, Complex128:
		c := v.Complex()
		return math.Float64bits(real(c)) == 0 && math.Float64bits(imag(c)) == 0
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	case String:
		return v.Len() == 0
	case Interface:
		return v.IsNil()
	}
	for i := uintptr(0); i < v.typ.size; i++ {
		if *(*byte)(add(v.ptr, i)) != 0 {
			return false
		}
	}
	return true
}

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

func (v Value) CanInterface() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

// Interface returns v's current value as an interface{}.
func (v Value) Interface() any {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	return valueInterface(v)
}

func valueInterface(v Value) any {
	if v.flag&flagMethod != 0 {
		return packEface(v.Type().common(), v.methodClosure())
	}
	t := v.typ
	if t.Kind() == Interface {
		e := v.ifaceEface()
		return packEface(e.typ, e.word)
	}
	if t.tflag&tflagDirect != 0 {
		return packEface(t, *(*unsafe.Pointer)(v.ptr))
	}
	if v.flag&flagAddr != 0 {
		p := unsafe_New(t)
		typedmemmove(t, p, v.ptr)
		return packEface(t, p)
	}
	return packEface(t, v.ptr)
}

// Set assigns x to v, which must be settable and x's type assignable to v's.
func (v Value) Set(x Value) {
	v.mustBeAssignable("reflect.Set")
	if x.typ == nil {
		panic(&ValueError{"reflect.Set", Invalid})
	}
	if x.flag&flagRO != 0 {
		panic("reflect: reflect.Set using value obtained using unexported field")
	}
	x = x.assignTo("reflect.Set", v.typ)
	typedmemmove(v.typ, v.ptr, x.ptr)
}

// assignTo returns x as a value of type t (converted to interface type t if needed).
func (x Value) assignTo(context string, t *rtype) Value {
	if x.flag&flagMethod != 0 {
		x = ValueOf(valueInterface(x))
	}
	if x.typ == t {
		return x
	}
	if !assignable(t, x.typ) {
		panic(context + ": value of type " + x.typ.String() + " is not assignable to type " + t.String())
	}
	if t.Kind() != Interface {
		return Value{t, x.ptr, 0}
	}
	p := unsafe_New(t)
	e := eface{}
	if x.typ.Kind() == Interface {
		e = x.ifaceEface()
	} else {
		ie := (*eface)(unsafe.Pointer(&[]any{valueInterface(x)}[0]))
		e = *ie
	}
	if e.typ != nil && t.nmethods > 0 {
		e.typ = (*rtype)(itabFor(t, e.typ))
	}
	*(*eface)(p) = e
	return Value{t, p, 0}
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable("reflect.Value.SetBool")
	v.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable("reflect.Value.SetInt")
	switch v.kind() {
	case Int:
		*(*int)(v.ptr) = int(x)
	case Int8:
		*(*int8)(v.ptr) = int8(x)
	case Int16:
		*(*int16)(v.ptr) = int16(x)
	case Int32:
		*(*int32)(v.ptr) = int32(x)
	case Int64:
		*(*int64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetInt", v.kind()})
	}
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("reflect.Value.SetUint")
	switch v.kind() {
	case Uint:
		*(*uint)(v.ptr) = uint(x)
	case Uint8:
		*(*uint8)(v.ptr) = uint8(x)
	case Uint16:
		*(*uint16)(v.ptr) = uint16(x)
	case Uint32:
		*(*uint32)(v.ptr) = uint32(x)
	case Uint64:
		*(*uint64)(v.ptr) = x
	case Uintptr:
		*(*uintptr)(v.ptr) = uintptr(x)
	default:
		panic(&ValueError{"reflect.Value.SetUint", v.kind()})
	}
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("reflect.Value.SetFloat")
	switch v.kind() {
	case Float32:
		*(*float32)(v.ptr) = float32(x)
	case Float64:
		*(*float64)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetFloat", v.kind()})
	}
}

func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("reflect.Value.SetComplex")
	switch v.kind() {
	case Complex64:
		*(*complex64)(v.ptr) = complex64(x)
	case Complex128:
		*(*complex128)(v.ptr) = x
	default:
		panic(&ValueError{"reflect.Value.SetComplex", v.kind()})
	}
}

func (v Value) SetString(x string) {
	v.mustBeAssignable("reflect.Value.SetString")
	v.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("reflect.Value.SetBytes")
	v.mustBe(Slice, "reflect.Value.SetBytes")
	if v.typ.elem.Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.ptr) = x
}

func (v Value) SetLen(n int) {
	v.mustBeAssignable("reflect.Value.SetLen")
	v.mustBe(Slice, "reflect.Value.SetLen")
	s := (*sliceHeader)(v.ptr)
	if uint(n) > uint(s.cap) {
		panic("reflect: slice length out of range in SetLen")
	}
	s.len = n
}

func (v Value) OverflowInt(x int64) bool {
	switch v.kind() {
	case Int, Int8, Int16, Int32, Int64:
		bits := v.typ.size * 8
		trunc := (x << (64 - bits)) >> (64 - bits)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowInt", v.kind()})
}

func (v Value) OverflowUint(x uint64) bool {
	switch v.kind() {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bits := v.typ.size * 8
		trunc := (x << (64 - bits)) >> (64 - bits)
		return x != trunc
	}
	panic(&ValueError{"reflect.Value.OverflowUint", v.kind()})
}

// Addr returns a pointer value to v's variable.
func (v Value) Addr() Value {
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.Addr of unaddressable value")
	}
	pt := ptrTo(v.typ)
	p := unsafe_New(pt)
	*(*unsafe.Pointer)(p) = v.ptr
	return Value{pt, p, v.flag & flagRO}
}

// UnsafeAddr returns the address of v's variable, for a v that is addressable.
func (v Value) UnsafeAddr() uintptr {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if v.flag&flagAddr == 0 {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

// ptrTo returns *t's descriptor: the compiler's when the program has one (every
// defined or predeclared T's, in a program importing reflect), else one made here
// once per t, which no other descriptor of *t can contradict.
func ptrTo(t *rtype) *rtype {
	if t.ptrToThis != nil {
		return t.ptrToThis
	}
	if p, ok := madePtrs[t]; ok {
		return p
	}
	name := "*" + t.String()
	p := &rtype{size: 8, ptrdata: 8, hash: fnv32(name), tflag: tflagDirect, align: 8,
		fieldAlign: 8, kind: uint8(Pointer), elem: t}
	p.name, p.namelen = *(**byte)(unsafe.Pointer(&name)), len(name)
	madePtrs[t] = p
	return p
}

var madePtrs = map[*rtype]*rtype{}

// fnv32 is FNV-1a of s, the hash the compiler gives a descriptor (of its name).
func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// PointerTo returns the pointer type with element t.
func PointerTo(t Type) Type { return toType(ptrTo(t.common())) }

// PtrTo returns the pointer type with element t (the old name of PointerTo).
func PtrTo(t Type) Type { return PointerTo(t) }

// New returns a Value representing a pointer to a new zero value of type t.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	pt := ptrTo(t)
	p := unsafe_New(pt)
	*(*unsafe.Pointer)(p) = unsafe_New(t)
	return Value{pt, p, 0}
}

// Zero returns a Value representing the zero value for the specified type.
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	return Value{typ.common(), unsafe_New(typ.common()), 0}
}

// Indirect returns the value that v points to (v itself if it is not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// MakeSlice creates a new zero-initialized slice value for the slice type typ.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	t := typ.common()
	p := unsafe_New(t)
	s := (*sliceHeader)(p)
	s.data, s.len, s.cap = makeslice(t.elem, len, cap), len, cap
	return Value{t, p, 0}
}

// MakeMap creates a new map with the specified type.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map with the specified type (n is a hint).
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	p := unsafe_New(t)
	*(*unsafe.Pointer)(p) = makemap(t)
	return Value{t, p, 0}
}

// Append appends the values x to a slice s and returns the resulting slice.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice, "reflect.Append")
	n := s.Len()
	s = s.grow(len(x))
	for i, v := range x {
		s.Index(n + i).Set(v)
	}
	return s
}

// AppendSlice appends a slice t to a slice s and returns the resulting slice.
func AppendSlice(s, t Value) Value {
	s.mustBe(Slice, "reflect.AppendSlice")
	t.mustBe(Slice, "reflect.AppendSlice")
	n := s.Len()
	s = s.grow(t.Len())
	Copy(s.Slice(n, s.Len()), t)
	return s
}

// grow returns a copy of slice s, settable, with n more elements (zero or beyond the
// old length), reallocated when the capacity does not suffice.
func (s Value) grow(n int) Value {
	old := *(*sliceHeader)(s.ptr)
	t := s.typ
	p := unsafe_New(t)
	h := (*sliceHeader)(p)
	*h = old
	if old.len+n > old.cap {
		c := old.cap * 2
		if c < old.len+n {
			c = old.len + n
		}
		h.data = makeslice(t.elem, old.len+n, c)
		h.cap = c
		memmove(h.data, old.data, uintptr(old.len)*t.elem.size)
	}
	h.len = old.len + n
	return Value{t, p, flagAddr}
}

// Copy copies the contents of src into dst until either is exhausted; returns the
// number of elements copied.
func Copy(dst, src Value) int {
	dk := dst.kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array && dst.flag&flagAddr == 0 {
		panic("reflect.Copy: unaddressable array value")
	}
	sk := src.kind()
	n := dst.Len()
	if src.Len() < n {
		n = src.Len()
	}
	et := dst.typ.elem
	var dp, sp unsafe.Pointer
	if dk == Array {
		dp = dst.ptr
	} else {
		dp = (*sliceHeader)(dst.ptr).data
	}
	switch sk {
	case Array:
		sp = src.ptr
	case Slice:
		sp = (*sliceHeader)(src.ptr).data
	case String:
		s := *(*string)(src.ptr)
		sp = unsafe.Pointer((*StringHeader)(unsafe.Pointer(&s)).Data)
	default:
		panic(&ValueError{"reflect.Copy", sk})
	}
	memmove(dp, sp, uintptr(n)*et.size)
	return n
}

// MapIndex returns the value associated with key in the map v, or the zero Value.
func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "reflect.Value.MapIndex")
	key = key.assignTo("reflect.Value.MapIndex", v.typ.key)
	m := *(*unsafe.Pointer)(v.ptr)
	if m == nil {
		return Value{}
	}
	e := mapaccess(m, key.ptr)
	if e == nil {
		return Value{}
	}
	p := unsafe_New(v.typ.elem)
	typedmemmove(v.typ.elem, p, e)
	return Value{v.typ.elem, p, v.flag & flagRO}
}

// MapKeys returns a slice containing all the keys present in the map, in unspecified
// order.
func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	var out []Value
	it := v.MapRange()
	for it.Next() {
		out = append(out, it.Key())
	}
	return out
}

// SetMapIndex sets the element associated with key in the map v to elem; a zero elem
// deletes the key.
func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "reflect.Value.SetMapIndex")
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value.SetMapIndex using value obtained using unexported field")
	}
	key = key.assignTo("reflect.Value.SetMapIndex", v.typ.key)
	m := *(*unsafe.Pointer)(v.ptr)
	if elem.typ == nil {
		if m != nil {
			mapdelete(m, key.ptr)
		}
		return
	}
	if m == nil {
		panic("assignment to entry in nil map")
	}
	elem = elem.assignTo("reflect.Value.SetMapIndex", v.typ.elem)
	mapassign(v.typ, m, key.ptr, elem.ptr)
}

// A MapIter is an iterator for ranging over a map.
type MapIter struct {
	m       Value
	it      [4]unsafe.Pointer
	key     unsafe.Pointer
	elem    unsafe.Pointer
	started bool
}

// MapRange returns a range iterator for a map.
func (v Value) MapRange() *MapIter {
	v.mustBe(Map, "reflect.Value.MapRange")
	return &MapIter{m: v}
}

// Next advances the map iterator and reports whether there is another entry.
func (it *MapIter) Next() bool {
	m := *(*unsafe.Pointer)(it.m.ptr)
	if m == nil {
		return false
	}
	if !it.started {
		it.started = true
		it.key, it.elem = mapiterinit(m, &it.it)
	} else if it.key != nil {
		it.key, it.elem = mapiternext(m, &it.it)
	}
	return it.key != nil
}

func (it *MapIter) copyOut(t *rtype, p unsafe.Pointer) Value {
	if p == nil {
		panic("MapIter.Key called before Next")
	}
	q := unsafe_New(t)
	typedmemmove(t, q, p)
	return Value{t, q, it.m.flag & flagRO}
}

// Key returns the key of the iterator's current map entry.
func (it *MapIter) Key() Value { return it.copyOut(it.m.typ.key, it.key) }

// Value returns the value of the iterator's current map entry.
func (it *MapIter) Value() Value { return it.copyOut(it.m.typ.elem, it.elem) }

// Convert returns the value v converted to type t (numeric, string and identical
// underlying types, and to interfaces).
func (v Value) Convert(t Type) Value {
	ct := t.common()
	op := convertOp(ct, v.typ)
	if op == 0 {
		panic("reflect.Value.Convert: value of type " + v.typ.String() + " cannot be converted to type " + t.String())
	}
	p := unsafe_New(ct)
	out := Value{ct, p, v.flag & flagRO}
	switch op {
	case convSame:
		typedmemmove(ct, p, v.ptr)
	case convIface:
		return v.assignTo("reflect.Value.Convert", ct)
	case convNum:
		out.flag = flagAddr
		k := v.kind()
		switch {
		case k >= Int && k <= Int64:
			out.setNum(float64(v.Int()), v.Int(), uint64(v.Int()))
		case k >= Uint && k <= Uintptr:
			out.setNum(float64(v.Uint()), int64(v.Uint()), v.Uint())
		default:
			f := v.Float()
			out.setNum(f, int64(f), uint64(f))
		}
		out.flag = v.flag & flagRO
	case convString:
		out.flag = flagAddr
		switch k := v.kind(); {
		case k == Slice && v.typ.elem.Kind() == Uint8:
			out.SetString(string(*(*[]byte)(v.ptr)))
		case k == Slice:
			out.SetString(string(*(*[]rune)(v.ptr)))
		case k >= Int && k <= Int64:
			out.SetString(string(rune(v.Int())))
		default:
			out.SetString(string(rune(v.Uint())))
		}
		out.flag = v.flag & flagRO
	case convBytes:
		if ct.elem.Kind() == Uint8 {
			*(*[]byte)(p) = []byte(*(*string)(v.ptr))
		} else {
			*(*[]rune)(p) = []rune(*(*string)(v.ptr))
		}
	}
	return out
}

func (v Value) setNum(f float64, i int64, u uint64) {
	switch k := v.kind(); {
	case k >= Int && k <= Int64:
		v.SetInt(i)
	case k >= Uint && k <= Uintptr:
		v.SetUint(u)
	default:
		v.SetFloat(f)
	}
}

const (
	convSame = 1 + iota
	convIface
	convNum
	convString
	convBytes
)

// convertOp returns how a value of type v converts to type t, 0 if it cannot.
func convertOp(t, v *rtype) int {
	tk, vk := t.Kind(), v.Kind()
	num := func(k Kind) bool { return k >= Int && k <= Float64 }
	switch {
	case num(tk) && num(vk):
		return convNum
	case tk == Complex64 || tk == Complex128:
		if vk == Complex64 || vk == Complex128 {
			return convSame
		}
	case tk == String && (vk >= Int && vk <= Uintptr):
		return convString
	case tk == String && vk == Slice && (v.elem.Kind() == Uint8 || v.elem.Kind() == Int32) &&
		v.elem.tflag&tflagNamed != 0:
		return convString
	case tk == Slice && vk == String && (t.elem.Kind() == Uint8 || t.elem.Kind() == Int32):
		return convBytes
	}
	if tk == Interface && implements(t, v) {
		return convIface
	}
	if t == v || tk == vk && underString(t) == underString(v) && tk != Interface {
		if tk == Complex64 || tk == Complex128 || tk == Struct && t.String() != v.String() {
			return 0
		}
		return convSame
	}
	return 0
}

// NumMethod returns the number of methods in v's method set (exported ones only for a
// concrete type).
func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return v.typ.NumMethod()
}

// Method returns a function value corresponding to v's i'th method.
func (v Value) Method(i int) Value {
	methodReached()
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	j := v.typ.exportedMethod(i)
	if j < 0 {
		panic("reflect: Method index out of range")
	}
	if v.typ.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	return Value{v.typ, v.ptr, v.flag&flagRO | flagMethod | flag(j)<<flagMethodShift}
}

// MethodByName returns a function value corresponding to v's method of that name.
func (v Value) MethodByName(name string) Value {
	methodReached()
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if m, ok := v.typ.MethodByName(name); ok {
		return v.Method(m.Index)
	}
	return Value{}
}

func (v Value) Comparable() bool { return v.typ != nil && v.typ.Comparable() }
