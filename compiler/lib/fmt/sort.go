package fmt

// sortEntries sorts map keys (and their values alongside) in the order gc's fmt
// prints them: numbers by value, strings lexically, false before true, NaN
// first among floats, pointers and channels by address, structs and arrays
// element by element, nil before anything else. Keys of different dynamic types
// (interface-keyed maps) are ordered by type name, then value (gc orders them by
// type descriptor address, which is not stable across compilers).
func sortEntries(keys, vals []any) {
	for i := 1; i < len(keys); i++ {
		k, v := keys[i], vals[i]
		j := i
		for j > 0 && compareKeys(keys[j-1], k) > 0 {
			keys[j] = keys[j-1]
			vals[j] = vals[j-1]
			j--
		}
		keys[j] = k
		vals[j] = v
	}
}

// compareKeys returns -1, 0 or +1 as a sorts before, with or after b.
func compareKeys(a, b any) int {
	if a == nil || b == nil {
		switch {
		case a == nil && b == nil:
			return 0
		case a == nil:
			return -1
		}
		return 1
	}
	ka, _, na := valueInfo(a)
	kb, _, _ := valueInfo(b)
	if ka != kb || typeString(a) != typeString(b) {
		return compareStrings(typeString(a), typeString(b))
	}
	switch ka {
	case kindBool:
		x, y := underlying(a).(bool), underlying(b).(bool)
		switch {
		case x == y:
			return 0
		case !x:
			return -1
		}
		return 1
	case kindInt, kindInt8, kindInt16, kindInt32, kindInt64:
		x, _ := intBits(underlying(a))
		y, _ := intBits(underlying(b))
		return compareInts(int64(x), int64(y))
	case kindUint, kindUint8, kindUint16, kindUint32, kindUint64, kindUintptr:
		x, _ := intBits(underlying(a))
		y, _ := intBits(underlying(b))
		return compareUints(x, y)
	case kindFloat32, kindFloat64:
		return compareFloats(floatOf(a), floatOf(b))
	case kindComplex64, kindComplex128:
		x, y := complexOf(a), complexOf(b)
		if c := compareFloats(real(x), real(y)); c != 0 {
			return c
		}
		return compareFloats(imag(x), imag(y))
	case kindString:
		return compareStrings(underlying(a).(string), underlying(b).(string))
	case kindPointer, kindChan, kindUnsafePointer:
		return compareUints(uint64(pointerOf(a)), uint64(pointerOf(b)))
	case kindStruct, kindArray:
		for i := 0; i < na; i++ {
			if c := compareKeys(elemOf(a, i), elemOf(b, i)); c != 0 {
				return c
			}
		}
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

func floatOf(v any) float64 {
	switch x := underlying(v).(type) {
	case float32:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

func complexOf(v any) complex128 {
	switch x := underlying(v).(type) {
	case complex64:
		return complex128(x)
	case complex128:
		return x
	}
	return 0
}
