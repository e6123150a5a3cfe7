//go:build refgo

package fmt

// The value-walking hooks below give fmt what gc's fmt gets from reflect. Every
// hook takes the value boxed in an empty interface; "kind" numbers are
// reflect.Kind's (kindBool = 1 ... kindUnsafePointer = 26, see print.go). A value
// produced by a hook that has interface type is returned as its dynamic value (nil
// for a nil interface). All are provided by refgo's runtime from its type descriptors.

// typeString returns the dynamic type of e spelled as gc's reflect.Type.String()
// does: "int", "main.T", "*main.T", "[]string", "map[string]int", "[3]uint8",
// "struct { A int; b string }", "func(int) string", "interface {}". e is non-nil.
func typeString(e any) string

// valueInfo describes e's dynamic value: its kind (0 if e is nil); for an array,
// slice, pointer, map or chan type, the kind of its element type (the value type
// for a map), else 0; and its length: len() for array, slice, string, map and
// chan, the number of fields for a struct, 0 otherwise.
func valueInfo(e any) (kind, elemKind, length int)

// elemOf returns, boxed, element i of an array or slice, field i (declaration
// order, embedded fields included) of a struct, or the value a non-nil pointer
// points to (i == 0). Anything else is a runtime panic.
func elemOf(e any, i int) any

// fieldName returns the name of field i of struct e (the type name for an
// embedded field).
func fieldName(e any, i int) string

// mapEntries returns the keys and the values of map e, boxed, in any order
// (keys[j] maps to vals[j]); both empty for a nil map.
func mapEntries(e any) (keys, vals []any)

// underlying returns e's value converted to the predeclared type of its kind when
// that kind is a boolean, numeric or string kind (e.g. a main.Celsius holding 1.5
// gives float64(1.5); byte and uint8 are the same type); otherwise e unchanged.
func underlying(e any) any

// elemType returns the static type, spelled as typeString does, of field i of
// struct e, of the elements of array or slice e (i ignored), or of the values
// (i >= 0) or keys (i == -1) of map e. fmt needs it only for %#v of a nil
// interface inside a composite ("error(nil)").
func elemType(e any, i int) string

// pointerOf returns the machine address held by a pointer, map, chan, func,
// unsafe.Pointer or slice (its data pointer; do NOT return 0 for a non-nil empty
// slice) value, and 0 for any other kind.
func pointerOf(e any) uintptr

// reflectValue returns the value the reflect.Value e holds, boxed (its dynamic value
// when it holds an interface), and state 1, or state 2 when the Value was read through
// an unexported field; state 0 for the zero Value. Only fmt's operands that are
// reflect.Values reach it.
func reflectValue(e any) (v any, state int)
