//go:build !refgo

package fmt

import (
	"reflect"
	"unsafe"
)

func typeString(e any) string { return reflect.TypeOf(e).String() }

func valueInfo(e any) (kind, elemKind, length int) {
	if e == nil {
		return 0, 0, 0
	}
	v := reflect.ValueOf(e)
	switch v.Kind() {
	case reflect.Array, reflect.Slice, reflect.Map, reflect.Chan, reflect.String:
		length = v.Len()
	case reflect.Struct:
		length = v.NumField()
	}
	switch v.Kind() {
	case reflect.Array, reflect.Slice, reflect.Map, reflect.Chan, reflect.Pointer:
		elemKind = int(v.Type().Elem().Kind())
	}
	return int(v.Kind()), elemKind, length
}

// boxed returns v's value as an interface (the dynamic value for an interface),
// reading unexported fields too; v is addressable or exported.
func boxed(v reflect.Value) any {
	if !v.CanInterface() {
		v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	return v.Interface()
}

func elemOf(e any, i int) any {
	v := reflect.ValueOf(e)
	switch v.Kind() {
	case reflect.Pointer:
		return boxed(v.Elem())
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		return boxed(c.Field(i))
	}
	if v.Kind() == reflect.Array {
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		v = c
	}
	return boxed(v.Index(i))
}

func fieldName(e any, i int) string { return reflect.TypeOf(e).Field(i).Name }

func mapEntries(e any) (keys, vals []any) {
	it := reflect.ValueOf(e).MapRange()
	for it.Next() {
		keys = append(keys, boxed(it.Key()))
		vals = append(vals, boxed(it.Value()))
	}
	return keys, vals
}

func underlying(e any) any {
	v := reflect.ValueOf(e)
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int:
		return int(v.Int())
	case reflect.Int8:
		return int8(v.Int())
	case reflect.Int16:
		return int16(v.Int())
	case reflect.Int32:
		return int32(v.Int())
	case reflect.Int64:
		return v.Int()
	case reflect.Uint:
		return uint(v.Uint())
	case reflect.Uint8:
		return uint8(v.Uint())
	case reflect.Uint16:
		return uint16(v.Uint())
	case reflect.Uint32:
		return uint32(v.Uint())
	case reflect.Uint64:
		return v.Uint()
	case reflect.Uintptr:
		return uintptr(v.Uint())
	case reflect.Float32:
		return float32(v.Float())
	case reflect.Float64:
		return v.Float()
	case reflect.Complex64:
		return complex64(v.Complex())
	case reflect.Complex128:
		return v.Complex()
	case reflect.String:
		return v.String()
	}
	return e
}

func elemType(e any, i int) string {
	t := reflect.TypeOf(e)
	switch t.Kind() {
	case reflect.Struct:
		return t.Field(i).Type.String()
	case reflect.Map:
		if i < 0 {
			return t.Key().String()
		}
	}
	return t.Elem().String()
}

func pointerOf(e any) uintptr {
	v := reflect.ValueOf(e)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer,
		reflect.Slice:
		return v.Pointer()
	}
	return 0
}

func reflectValue(e any) (any, int) {
	v := e.(reflect.Value)
	switch {
	case !v.IsValid():
		return nil, 0
	case v.CanInterface():
		if v.Kind() == reflect.Interface && v.IsNil() {
			return nil, 1
		}
		return boxed(v), 1
	case v.CanAddr():
		return boxed(v), 2
	}
	return nil, 2
}
