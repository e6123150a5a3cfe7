// errorcheck -0 -m -l

// A reflect.SliceHeader's or StringHeader's Data word, read through a header pointer
// and converted back to unsafe.Pointer, is the pointer the header holds; one stored
// into it escapes (gc's IsReflectHeaderDataField).

package p

import (
	"reflect"
	"unsafe"
)

func data(b []byte) unsafe.Pointer { // ERROR "leaking param: b to result ~r0 level=0$"
	h := (*reflect.SliceHeader)(unsafe.Pointer(&b))
	return unsafe.Pointer(h.Data + 1)
}

func strData(s *string) unsafe.Pointer { // ERROR "leaking param: s to result ~r0 level=1$"
	return unsafe.Pointer((*reflect.StringHeader)(unsafe.Pointer(s)).Data)
}

func length(b []byte) int { // ERROR "b does not escape"
	h := (*reflect.SliceHeader)(unsafe.Pointer(&b))
	return h.Len
}

func setData(b *[]byte, p *byte) { // ERROR "b does not escape" "leaking param: p$"
	(*reflect.SliceHeader)(unsafe.Pointer(b)).Data = uintptr(unsafe.Pointer(p))
}
