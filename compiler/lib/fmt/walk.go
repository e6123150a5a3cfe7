package fmt

import "reflect"

// printValue prints v through reflect, as gc's fmt does: below the operand
// (depth > 0) a value that can be an interface first gets its formatting methods
// (handleMethods; skipped, with the copy Interface makes, when v's type has no
// exported method); values read through unexported fields never do. Interfaces
// inside composites print their dynamic value, pointers at depth 0 to arrays,
// slices, structs and maps print as &{...}, and map keys sorted (sortKeys).
//
//	type T struct{ A int; b []string; m map[string]int }
//	Printf("%+v", &T{1, []string{"x"}, map[string]int{"z": 2, "y": 1}})
//	// &{A:1 b:[x] m:map[y:1 z:2]}
func (p *pp) printValue(v reflect.Value, verb rune, depth int) {
	if depth > 0 && v.IsValid() && v.CanInterface() &&
		(v.Kind() == reflect.Interface || v.NumMethod() > 0) {
		p.arg = v.Interface()
		if p.handleMethods(verb) {
			return
		}
	}
	p.arg = nil
	p.value = v
	switch v.Kind() {
	case reflect.Invalid:
		switch {
		case depth == 0:
			p.buf = append(p.buf, "<invalid reflect.Value>"...)
		case verb == 'v':
			p.buf = append(p.buf, "<nil>"...)
		default:
			p.badVerb(verb)
		}
	case reflect.Bool:
		p.fmtBool(v.Bool(), verb)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.fmtInteger(uint64(v.Int()), true, verb)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Uintptr:
		p.fmtInteger(v.Uint(), false, verb)
	case reflect.Float32:
		p.fmtFloat(v.Float(), 32, verb)
	case reflect.Float64:
		p.fmtFloat(v.Float(), 64, verb)
	case reflect.Complex64:
		p.fmtComplex(v.Complex(), 64, verb)
	case reflect.Complex128:
		p.fmtComplex(v.Complex(), 128, verb)
	case reflect.String:
		p.fmtString(v.String(), verb)
	case reflect.Map:
		p.printMap(v, verb, depth)
	case reflect.Struct:
		p.printStruct(v, verb, depth)
	case reflect.Interface:
		e := v.Elem()
		switch {
		case e.IsValid():
			p.printValue(e, verb, depth+1)
		case p.f.sharpV:
			p.buf = append(p.buf, v.Type().String()...)
			p.buf = append(p.buf, "(nil)"...)
		default:
			p.buf = append(p.buf, "<nil>"...)
		}
	case reflect.Array, reflect.Slice:
		p.printList(v, verb, depth)
	case reflect.Pointer:
		if depth == 0 && v.Pointer() != 0 {
			switch e := v.Elem(); e.Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				p.buf = append(p.buf, '&')
				p.printValue(e, verb, depth+1)
				return
			}
		}
		p.fmtPointer(v, verb)
	default:
		p.fmtPointer(v, verb)
	}
}

// sep appends the separator between elements of a composite: ", " under %#v,
// else a space.
func (p *pp) sep() {
	if p.f.sharpV {
		p.buf = append(p.buf, ", "...)
	} else {
		p.buf = append(p.buf, ' ')
	}
}

// printMap prints map[k:v k:v] (or T{k:v, k:v} for %#v, T(nil) for a nil map).
func (p *pp) printMap(v reflect.Value, verb rune, depth int) {
	if p.f.sharpV {
		p.buf = append(p.buf, v.Type().String()...)
		if v.IsNil() {
			p.buf = append(p.buf, "(nil)"...)
			return
		}
		p.buf = append(p.buf, '{')
	} else {
		p.buf = append(p.buf, "map["...)
	}
	keys, vals := sortedEntries(v)
	for i := range keys {
		if i > 0 {
			p.sep()
		}
		p.printValue(keys[i], verb, depth+1)
		p.buf = append(p.buf, ':')
		p.printValue(vals[i], verb, depth+1)
	}
	if p.f.sharpV {
		p.buf = append(p.buf, '}')
	} else {
		p.buf = append(p.buf, ']')
	}
}

// printStruct prints {a b} ({A:a B:b} for %+v, T{A:a, B:b} for %#v); a field of
// interface type prints its dynamic value.
func (p *pp) printStruct(v reflect.Value, verb rune, depth int) {
	if p.f.sharpV {
		p.buf = append(p.buf, v.Type().String()...)
	}
	p.buf = append(p.buf, '{')
	t := v.Type()
	for i := 0; i < v.NumField(); i++ {
		if i > 0 {
			p.sep()
		}
		if p.f.plusV || p.f.sharpV {
			if name := t.Field(i).Name; name != "" {
				p.buf = append(p.buf, name...)
				p.buf = append(p.buf, ':')
			}
		}
		f := v.Field(i)
		if f.Kind() == reflect.Interface && !f.IsNil() {
			f = f.Elem()
		}
		p.printValue(f, verb, depth+1)
	}
	p.buf = append(p.buf, '}')
}

// printList prints an array or slice: [a b] (T{a, b} for %#v); byte elements
// are text for %s %q %x %X.
func (p *pp) printList(v reflect.Value, verb rune, depth int) {
	switch verb {
	case 's', 'q', 'x', 'X':
		if t := v.Type(); t.Elem().Kind() == reflect.Uint8 {
			var b []byte
			if v.Kind() == reflect.Slice || v.CanAddr() {
				b = v.Bytes()
			} else {
				b = make([]byte, v.Len())
				for i := range b {
					b[i] = byte(v.Index(i).Uint())
				}
			}
			p.fmtBytes(b, verb, t.String())
			return
		}
	}
	if p.f.sharpV {
		p.buf = append(p.buf, v.Type().String()...)
		if v.Kind() == reflect.Slice && v.IsNil() {
			p.buf = append(p.buf, "(nil)"...)
			return
		}
		p.buf = append(p.buf, '{')
	} else {
		p.buf = append(p.buf, '[')
	}
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			p.sep()
		}
		p.printValue(v.Index(i), verb, depth+1)
	}
	if p.f.sharpV {
		p.buf = append(p.buf, '}')
	} else {
		p.buf = append(p.buf, ']')
	}
}
