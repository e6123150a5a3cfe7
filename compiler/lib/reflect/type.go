//go:build refgo

// Package reflect is refgo's run-time reflection, read from the type descriptors the
// compiler emits (compiler/reflectdata.py; the runtime's `struct type`):
//
//	t := reflect.TypeOf(T{})        // the descriptor type.main.T
//	t.Field(0).Tag.Get("json")      // from type.main.T.fields
//	reflect.ValueOf(&x).Elem().SetInt(3)
//
// Types are pointers to descriptors, so == on Types is type identity. Types made at run
// time (PointerTo, SliceOf, ArrayOf, MapOf) are the program's own descriptors where it
// has them (makeof.go); StructOf's never are; FuncOf and ChanOf do not exist.
package reflect

import (
	"strconv"
	"unsafe"
)

// rtype mirrors the runtime's struct type (compiler/runtime/runtime.c); change both.
type rtype struct {
	size       uintptr
	ptrdata    uintptr
	hash       uint32
	tflag      uint8
	align      uint8
	fieldAlign uint8
	kind       uint8
	eqkind     uintptr
	name       *byte
	namelen    int
	methods    unsafe.Pointer
	nmethods   int
	elem       *rtype
	eqfields   unsafe.Pointer
	neqfields  int
	key        *rtype
	len        int
	fields     unsafe.Pointer
	nfields    int
	pkgpath    *byte
	pkgpathlen int
	ptrToThis  *rtype
}

// method mirrors struct method: key is "Name(params) results".
type method struct {
	key    *byte
	keylen int
	fn     unsafe.Pointer
	mtyp   *rtype
	etyp   *rtype
	efn    unsafe.Pointer
}

// field mirrors struct field; a func type's parameters and results use only typ.
type field struct {
	name     *byte
	namelen  int
	typ      *rtype
	off      uintptr
	tag      *byte
	taglen   int
	embedded uintptr
}

const (
	tflagDirect     = 1
	tflagVariadic   = 2
	tflagNamed      = 4
	eqNotComparable = 4
	methodSize      = 48
	fieldSize       = 56
)

// A Kind is the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

var kindNames = []string{
	"invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
	"uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "array",
	"chan", "func", "interface", "map", "ptr", "slice", "string", "struct", "unsafe.Pointer",
}

// String returns the name of k.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	MethodByName(string) (Method, bool)
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	FieldByName(name string) (StructField, bool)
	In(i int) Type
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	common() *rtype
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type  // the method expression's func type (receiver first); interfaces: none
	Func    Value // the method expression (not for interface types)
	Index   int
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string, and whether the key
// is present, by the conventional `key:"value" key2:"value2"` format.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			value, err := strconv.Unquote(qvalue)
			if err != nil {
				break
			}
			return value, true
		}
	}
	return "", false
}

func str(p *byte, n int) string {
	if n == 0 {
		return ""
	}
	var s string
	h := (*StringHeader)(unsafe.Pointer(&s))
	h.Data = uintptr(unsafe.Pointer(p))
	h.Len = n
	return s
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) methodAt(i int) *method {
	return (*method)(unsafe.Pointer(uintptr(t.methods) + uintptr(i)*methodSize))
}

func (t *rtype) fieldAt(i int) *field {
	return (*field)(unsafe.Pointer(uintptr(t.fields) + uintptr(i)*fieldSize))
}

func (t *rtype) String() string { return str(t.name, t.namelen) }

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) Align() int { return int(t.align) }

func (t *rtype) FieldAlign() int { return int(t.fieldAlign) }

func (t *rtype) Kind() Kind { return Kind(t.kind) }

func (t *rtype) Comparable() bool { return t.eqkind != eqNotComparable }

func (t *rtype) Name() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	s := t.String()
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}

func (t *rtype) PkgPath() string {
	if t.tflag&tflagNamed == 0 {
		return ""
	}
	return str(t.pkgpath, t.pkgpathlen)
}

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.size) * 8
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	return ChanDir(t.len)
}

func (t *rtype) IsVariadic() bool {
	if t.Kind() != Func {
		panic("reflect: IsVariadic of non-func type " + t.String())
	}
	return t.tflag&tflagVariadic != 0
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return toType(t.key)
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return t.len
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return t.nfields
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	if i < 0 || i >= t.nfields {
		panic("reflect: Field index out of bounds")
	}
	f := t.fieldAt(i)
	sf := StructField{Name: str(f.name, f.namelen), Type: toType(f.typ),
		Tag: StructTag(str(f.tag, f.taglen)), Offset: f.off, Index: []int{i},
		Anonymous: f.embedded != 0}
	if !isExported(sf.Name) {
		sf.PkgPath = str(t.pkgpath, t.pkgpathlen)
		if sf.PkgPath == "" {
			sf.PkgPath = "main"
		}
	}
	return sf
}

// FieldByName returns the struct field with the given name, searching embedded structs
// breadth first; a name found twice at the shallowest depth is not found.
func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	type scan struct {
		t     *rtype
		index []int
	}
	cur := []scan{{t, nil}}
	visited := map[*rtype]bool{}
	for len(cur) > 0 {
		var next []scan
		var found StructField
		count := 0
		for _, s := range cur {
			if visited[s.t] {
				continue
			}
			visited[s.t] = true
			for i := 0; i < s.t.nfields; i++ {
				f := s.t.Field(i)
				index := append(append([]int(nil), s.index...), i)
				if f.Name == name {
					count++
					if count == 1 {
						found = f
						found.Index = index
					}
					continue
				}
				if f.Anonymous {
					ft := f.Type.common()
					if ft.Kind() == Pointer {
						ft = ft.elem
					}
					if ft.Kind() == Struct {
						next = append(next, scan{ft, index})
					}
				}
			}
		}
		if count == 1 {
			return found, true
		}
		if count > 1 {
			return StructField{}, false
		}
		cur = next
	}
	return StructField{}, false
}

func (t *rtype) NumIn() int {
	if t.Kind() != Func {
		panic("reflect: NumIn of non-func type " + t.String())
	}
	return t.len
}

func (t *rtype) NumOut() int {
	if t.Kind() != Func {
		panic("reflect: NumOut of non-func type " + t.String())
	}
	return t.nfields - t.len
}

func (t *rtype) In(i int) Type {
	if t.Kind() != Func {
		panic("reflect: In of non-func type " + t.String())
	}
	if i < 0 || i >= t.len {
		panic("reflect: Function index out of bounds")
	}
	return toType(t.fieldAt(i).typ)
}

func (t *rtype) Out(i int) Type {
	if t.Kind() != Func {
		panic("reflect: Out of non-func type " + t.String())
	}
	if i < 0 || i >= t.nfields-t.len {
		panic("reflect: Function index out of bounds")
	}
	return toType(t.fieldAt(t.len + i).typ)
}

func isExported(name string) bool { return name != "" && name[0] >= 'A' && name[0] <= 'Z' }

// methodName splits a method key "Name(...)..." or "name pkgpath(...)..." into its name.
func methodName(m *method) string {
	k := str(m.key, m.keylen)
	for i := 0; i < len(k); i++ {
		if k[i] == '(' || k[i] == ' ' {
			return k[:i]
		}
	}
	return k
}

// methodPkg is the package path of a non-exported method's key ("" for an exported one).
func methodPkg(m *method) string {
	k := str(m.key, m.keylen)
	for i := 0; i < len(k) && k[i] != '('; i++ {
		if k[i] == ' ' {
			for j := i + 1; j < len(k); j++ {
				if k[j] == '(' {
					return k[i+1 : j]
				}
			}
		}
	}
	return ""
}

// exportedMethod returns the table index of t's i-th method as reflect counts them
// (all of an interface's, only the exported ones of a concrete type), or -1.
func (t *rtype) exportedMethod(i int) int {
	n := 0
	for j := 0; j < t.nmethods; j++ {
		if t.Kind() == Interface || isExported(methodName(t.methodAt(j))) {
			if n == i {
				return j
			}
			n++
		}
	}
	return -1
}

func (t *rtype) NumMethod() int {
	n := 0
	for j := 0; j < t.nmethods; j++ {
		if t.Kind() == Interface || isExported(methodName(t.methodAt(j))) {
			n++
		}
	}
	return n
}

// methodReached is called by Value.Method and MethodByName (inlined or not) and where
// a program calls an interface's Method or MethodByName returning a reflect.Method
// (reflect.Type's, compiler/walk/call.py): reached, it keeps every
// exported method of the types the program reaches (compiler/linkweak.py), as gc's
// linker does for a function the compiler marks ReflectMethod.
//
//go:noinline
func methodReached() {}

func (t *rtype) Method(i int) Method {
	j := t.exportedMethod(i)
	if i < 0 || j < 0 {
		panic("reflect: Method index out of range")
	}
	m := t.methodAt(j)
	out := Method{Name: methodName(m), PkgPath: methodPkg(m), Index: i}
	if t.Kind() == Interface {
		out.Type = m.mtyp
		return out
	}
	if m.efn == nil {
		panic("reflect: method " + out.Name + " the linker dropped")
	}
	out.Type = m.etyp
	clo := new(unsafe.Pointer)
	*clo = m.efn
	fp := new(unsafe.Pointer)
	*fp = unsafe.Pointer(clo)
	out.Func = Value{m.etyp, unsafe.Pointer(fp), 0}
	return out
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	for i := 0; ; i++ {
		j := t.exportedMethod(i)
		if j < 0 {
			return Method{}, false
		}
		if methodName(t.methodAt(j)) == name {
			return t.Method(i), true
		}
	}
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

// implements reports whether T's method set holds every method of interface type iface.
// Both method tables are in gc's order (by name, then a non-exported name's package by
// height), which the keys do not show: one forward scan finds each, as gc's does.
func implements(iface, t *rtype) bool {
	j := 0
	for i := 0; i < iface.nmethods; i++ {
		want := iface.methodAt(i)
		wk := str(want.key, want.keylen)
		for j < t.nmethods && str(t.methodAt(j).key, t.methodAt(j).keylen) != wk {
			j++
		}
		if j >= t.nmethods {
			return false
		}
	}
	return true
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	return assignable(u.common(), t)
}

// assignable reports whether a value of type v can be assigned to type t.
func assignable(t, v *rtype) bool {
	if t == v {
		return true
	}
	if t.Kind() == Interface {
		return implements(t, v)
	}
	if t.tflag&tflagNamed != 0 && v.tflag&tflagNamed != 0 || t.Kind() != v.Kind() {
		return false
	}
	if t.Kind() == Struct {
		return identicalFields(t, v)
	}
	// one of them unnamed, same kind: identical underlying types (spelled alike)
	return underString(t) == underString(v) && (t.Kind() != Chan || v.len == BothDir.int())
}

// identicalFields reports whether struct types t and v have identical fields: names,
// types, tags and embedding alike, and non-exported names of one package.
func identicalFields(t, v *rtype) bool {
	if t.nfields != v.nfields {
		return false
	}
	unexported := false
	for i := 0; i < t.nfields; i++ {
		a, b := t.fieldAt(i), v.fieldAt(i)
		name := str(a.name, a.namelen)
		if name != str(b.name, b.namelen) || a.typ != b.typ || a.embedded != b.embedded ||
			str(a.tag, a.taglen) != str(b.tag, b.taglen) {
			return false
		}
		unexported = unexported || !isExported(name)
	}
	return !unexported || str(t.pkgpath, t.pkgpathlen) == str(v.pkgpath, v.pkgpathlen)
}

func (d ChanDir) int() int { return int(d) }

// underString spells t's underlying type when it is unnamed, else t's name; enough to
// compare the composite types assignability asks about.
func underString(t *rtype) string {
	if t.tflag&tflagNamed == 0 {
		return t.String()
	}
	switch t.Kind() {
	case Pointer:
		return "*" + t.elem.String()
	case Slice:
		return "[]" + t.elem.String()
	case Array:
		return "[" + strconv.Itoa(t.len) + "]" + t.elem.String()
	case Map:
		return "map[" + t.key.String() + "]" + t.elem.String()
	}
	if t.Kind() < Array || t.Kind() == String || t.Kind() == UnsafePointer {
		return kindNames[t.kind]
	}
	return t.String()
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), t) != 0
}

func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// eface is the layout of an interface{} value.
type eface struct {
	typ  *rtype
	word unsafe.Pointer
}

// itab mirrors the runtime's struct itab.
type itab struct {
	inter *rtype
	typ   *rtype
	hash  uint32
	pad   uint32
}

// TypeOf returns the dynamic type of i, nil for a nil interface.
func TypeOf(i any) Type {
	e := (*eface)(unsafe.Pointer(&i))
	return toType(e.typ)
}
