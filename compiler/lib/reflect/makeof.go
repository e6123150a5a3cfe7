//go:build refgo

package reflect

import (
	"strconv"
	"unsafe"
)

// Types made at run time (SliceOf, ArrayOf, MapOf, StructOf) are the program's own
// descriptor of the type when it has one (typelinks: arrays, slices and maps, as gc
// finds them), so a type assertion to that type accepts their values; else a descriptor
// laid out as the compiler's, made once per spelling: asking twice gives the same Type.
// A struct type is always made (never the program's own).
var madeTypes = map[string]*rtype{}

// eqfield mirrors struct eqfield: the runtime compares and hashes a FIELDWISE value
// leaf by leaf through these.
type eqfield struct {
	off uintptr
	typ *rtype
}

const (
	eqMemory    = 0
	eqFieldwise = 5
)

// linked returns the program's descriptor of the unnamed type of kind k with element
// elem, key key (maps) and length n (arrays), or nil.
func linked(k Kind, elem, key *rtype, n int) *rtype {
	for _, t := range typelinks() {
		if Kind(t.kind) == k && t.elem == elem && t.key == key && t.len == n &&
			t.tflag&tflagNamed == 0 {
			return t
		}
	}
	return nil
}

func made(name string, t *rtype) *rtype {
	if old, ok := madeTypes[name]; ok {
		return old
	}
	t.name, t.namelen = *(**byte)(unsafe.Pointer(&name)), len(name)
	t.hash = fnv32(name)
	madeTypes[name] = t
	return t
}

// directIface reports whether values of t are pointer-shaped (stored in an interface's
// data word), the compiler's is_direct_iface.
func directIface(t *rtype) bool {
	switch t.Kind() {
	case Pointer, Map, Chan, Func, UnsafePointer:
		return true
	case Array:
		return t.len == 1 && directIface(t.elem)
	case Struct:
		return t.nfields == 1 && directIface(t.fieldAt(0).typ)
	}
	return false
}

func (t *rtype) setDirect() {
	if directIface(t) {
		t.tflag |= tflagDirect
	}
}

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type {
	e := t.common()
	if l := linked(Slice, e, nil, 0); l != nil {
		return l
	}
	return made("[]"+e.String(), &rtype{size: 24, ptrdata: 8, align: 8, fieldAlign: 8,
		kind: uint8(Slice), eqkind: eqNotComparable, elem: e})
}

// ArrayOf returns the array type with the given length and element type.
func ArrayOf(length int, elem Type) Type {
	e := elem.common()
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	if e.size > 0 && uintptr(length) > ^uintptr(0)/e.size {
		panic("reflect.ArrayOf: array size would exceed virtual address space")
	}
	if l := linked(Array, e, nil, length); l != nil {
		return l
	}
	name := "[" + strconv.Itoa(length) + "]" + e.String()
	if old, ok := madeTypes[name]; ok {
		return old
	}
	t := &rtype{size: uintptr(length) * e.size, align: e.align, fieldAlign: e.fieldAlign,
		kind: uint8(Array), elem: e, len: length}
	if e.ptrdata != 0 && length > 0 {
		t.ptrdata = uintptr(length-1)*e.size + e.ptrdata
	}
	switch {
	case e.eqkind == eqNotComparable:
		t.eqkind = eqNotComparable
	case e.eqkind == eqMemory || length == 0:
		t.eqkind = eqMemory
	default:
		eqs := make([]eqfield, length)
		for i := range eqs {
			eqs[i] = eqfield{uintptr(i) * e.size, e}
		}
		t.eqkind, t.eqfields, t.neqfields = eqFieldwise, unsafe.Pointer(&eqs[0]), length
	}
	t.setDirect()
	return made(name, t)
}

// MapOf returns the map type with the given key and element types.
func MapOf(key, elem Type) Type {
	k, e := key.common(), elem.common()
	if k.eqkind == eqNotComparable {
		panic("reflect.MapOf: invalid key type " + k.String())
	}
	if l := linked(Map, e, k, 0); l != nil {
		return l
	}
	return made("map["+k.String()+"]"+e.String(), &rtype{size: 8, ptrdata: 8, align: 8,
		fieldAlign: 8, kind: uint8(Map), tflag: tflagDirect, eqkind: eqNotComparable,
		key: k, elem: e})
}

// StructOf returns the struct type containing fields, laid out as the compiler lays
// out a struct (each field at its alignment; the size rounded up to the largest).
func StructOf(fields []StructField) Type {
	fs := make([]field, len(fields))
	var eqs []eqfield
	t := &rtype{kind: uint8(Struct), align: 1, fieldAlign: 1, eqkind: eqFieldwise}
	name := "struct {"
	seen := map[string]bool{}
	off := uintptr(0)
	for i, f := range fields {
		if f.Name == "" {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has no name")
		}
		if !isIdent(f.Name) {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has invalid name")
		}
		if f.Type == nil {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has no type")
		}
		if f.Name[0] >= 'a' && f.Name[0] <= 'z' || f.Name[0] == '_' {
			if f.PkgPath == "" {
				panic("reflect.StructOf: field \"" + f.Name + "\" is unexported but missing PkgPath")
			}
		}
		if f.Name != "_" && seen[f.Name] {
			panic("reflect.StructOf: duplicate field " + f.Name)
		}
		seen[f.Name] = true
		ft := f.Type.common()
		a := uintptr(ft.align)
		off = (off + a - 1) &^ (a - 1)
		if ft.align > t.align {
			t.align, t.fieldAlign = ft.align, ft.align
		}
		if ft.ptrdata != 0 {
			t.ptrdata = off + ft.ptrdata
		}
		fname, tag := f.Name, string(f.Tag)
		fs[i] = field{typ: ft, off: off}
		fs[i].name, fs[i].namelen = *(**byte)(unsafe.Pointer(&fname)), len(fname)
		fs[i].tag, fs[i].taglen = *(**byte)(unsafe.Pointer(&tag)), len(tag)
		if f.Anonymous {
			fs[i].embedded = 1
		}
		switch {
		case ft.eqkind == eqNotComparable:
			t.eqkind = eqNotComparable
		case f.Name != "_":
			eqs = append(eqs, eqfield{off, ft})
		}
		if i > 0 {
			name += ";"
		}
		if f.Anonymous {
			name += " " + ft.String()
		} else {
			name += " " + f.Name + " " + ft.String()
		}
		if tag != "" {
			name += " " + strconv.Quote(tag)
		}
		off += ft.size
	}
	if len(fields) > 0 {
		name += " "
	}
	name += "}"
	if old, ok := madeTypes[name]; ok {
		return old
	}
	a := uintptr(t.align)
	t.size = (off + a - 1) &^ (a - 1)
	if len(fields) > 0 && off > 0 && t.size == off && fields[len(fields)-1].Type.Size() == 0 {
		t.size += a // a final zero-size field must not point past the object
	}
	if len(fs) > 0 {
		t.fields, t.nfields = unsafe.Pointer(&fs[0]), len(fs)
	}
	if t.eqkind == eqFieldwise && len(eqs) > 0 {
		t.eqfields, t.neqfields = unsafe.Pointer(&eqs[0]), len(eqs)
	}
	t.setDirect()
	return made(name, t)
}

func isIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 ||
			i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return false
	}
	return s != ""
}
