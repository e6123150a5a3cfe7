package fmt

import "reflect"

// sortedEntries returns the keys and values of map m in the order gc's fmt prints
// them (internal/fmtsort): numbers by value, strings lexically, false before true,
// NaN first among floats, pointers and channels by address, structs and arrays
// element by element, nil interfaces first. Keys of an interface-keyed map whose
// dynamic types differ are ordered by type name, then value (gc orders them by type
// descriptor address, which is not stable across compilers).
//
//	sortedEntries(reflect.ValueOf(map[string]int{"b": 2, "a": 1}))  // [a b], [1 2]
func sortedEntries(m reflect.Value) (keys, vals []reflect.Value) {
	n := m.Len()
	keys = make([]reflect.Value, 0, n)
	vals = make([]reflect.Value, 0, n)
	it := m.MapRange()
	for it.Next() {
		keys = append(keys, it.Key())
		vals = append(vals, it.Value())
	}
	tk := make([]reflect.Value, len(keys))
	tv := make([]reflect.Value, len(keys))
	for w := 1; w < len(keys); w *= 2 {
		for lo := 0; lo < len(keys); lo += 2 * w {
			mid, hi := min(lo+w, len(keys)), min(lo+2*w, len(keys))
			i, j := lo, mid
			for k := lo; k < hi; k++ {
				if j >= hi || i < mid && compareKeys(keys[i], keys[j]) <= 0 {
					tk[k], tv[k] = keys[i], vals[i]
					i++
				} else {
					tk[k], tv[k] = keys[j], vals[j]
					j++
				}
			}
		}
		keys, tk = tk, keys
		vals, tv = tv, vals
	}
	return keys, vals
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// compareKeys returns -1, 0 or +1 as map key a sorts before, with or after b (both
// of one type).
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Bool:
		x, y := a.Bool(), b.Bool()
		switch {
		case x == y:
			return 0
		case !x:
			return -1
		}
		return 1
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return compareInts(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Uintptr:
		return compareUints(a.Uint(), b.Uint())
	case reflect.Float32, reflect.Float64:
		return compareFloats(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		x, y := a.Complex(), b.Complex()
		if c := compareFloats(real(x), real(y)); c != 0 {
			return c
		}
		return compareFloats(imag(x), imag(y))
	case reflect.String:
		return compareStrings(a.String(), b.String())
	case reflect.Pointer, reflect.Chan, reflect.UnsafePointer:
		return compareUints(uint64(a.Pointer()), uint64(b.Pointer()))
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compareKeys(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compareKeys(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
	case reflect.Interface:
		x, y := a.Elem(), b.Elem()
		switch {
		case !x.IsValid() || !y.IsValid():
			return compareInts(boolInt(x.IsValid()), boolInt(y.IsValid()))
		case x.Type() != y.Type():
			return compareStrings(x.Type().String(), y.Type().String())
		}
		return compareKeys(x, y)
	}
	return 0
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func compareInts(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func compareUints(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func compareStrings(x, y string) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// compareFloats orders floats numerically with NaN before every number.
func compareFloats(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	case x == y:
		return 0
	case x != x && y == y:
		return -1
	case x == x && y != y:
		return 1
	}
	return 0
}
