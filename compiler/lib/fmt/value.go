package fmt

import (
	"unicode"
	"unicode/utf8"
)

// printArg prints one operand with verb: basic types directly, then methods
// (Formatter, GoStringer, error, Stringer), then a structural walk.
func (p *pp) printArg(arg any, verb rune) {
	p.arg = arg
	if arg == nil {
		switch verb {
		case 'T', 'v':
			p.padString("<nil>")
		default:
			p.badVerb(verb)
		}
		return
	}
	switch verb {
	case 'T':
		p.fmtS(typeString(arg))
		return
	case 'p':
		p.fmtPointer(arg, 'p')
		return
	}
	switch v := arg.(type) {
	case bool:
		p.fmtBool(v, verb)
	case float32:
		p.fmtFloat(float64(v), 32, verb)
	case float64:
		p.fmtFloat(v, 64, verb)
	case complex64:
		p.fmtComplex(complex128(v), 64, verb)
	case complex128:
		p.fmtComplex(v, 128, verb)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr:
		u, signed := intBits(v)
		p.fmtInteger(u, signed, verb)
	case string:
		p.fmtString(v, verb)
	case []byte:
		p.fmtBytes(v, verb, "[]byte")
	default:
		if kind, _, _ := valueInfo(arg); kind == kindStruct && typeString(arg) == "reflect.Value" {
			p.printReflectValue(arg, verb)
			return
		}
		if !p.handleMethods(verb) {
			p.printValue(arg, verb, 0, true)
		}
	}
}

// printReflectValue prints an operand that is a reflect.Value as gc does: the value it
// holds (through its methods unless read from an unexported field), or
// "<invalid reflect.Value>".
func (p *pp) printReflectValue(arg any, verb rune) {
	inner, state := reflectValue(arg)
	if state == 0 {
		p.fmtS("<invalid reflect.Value>")
		return
	}
	p.arg = inner
	if state == 1 && inner != nil && p.handleMethods(verb) {
		return
	}
	p.printValue(inner, verb, 0, state == 1)
}

// handleMethods formats p.arg through its Formatter, GoStringer, error or
// Stringer method when the verb allows; it reports whether it did (also when
// the method panicked: handled is set before the call, do NOT drop that). %w is
// accepted here only inside Errorf, once, for an error operand.
func (p *pp) handleMethods(verb rune) (handled bool) {
	if p.erroring {
		return false
	}
	if verb == 'w' {
		err, ok := p.arg.(error)
		if !ok || !p.wrapErrs || p.wrappedErr != nil {
			p.wrappedErr = nil
			p.wrapErrs = false
			p.badVerb(verb)
			return true
		}
		p.wrappedErr = err
		verb = 'v'
	}
	if f, ok := p.arg.(Formatter); ok {
		handled = true
		defer p.catchPanic(p.arg, verb, "Format")
		f.Format(p, verb)
		return handled
	}
	if p.f.sharpV {
		if g, ok := p.arg.(GoStringer); ok {
			handled = true
			defer p.catchPanic(p.arg, verb, "GoString")
			p.fmtS(g.GoString())
			return handled
		}
		return false
	}
	switch verb {
	case 'v', 's', 'x', 'X', 'q':
	default:
		return false
	}
	switch v := p.arg.(type) {
	case error:
		handled = true
		defer p.catchPanic(p.arg, verb, "Error")
		p.fmtString(v.Error(), verb)
		return handled
	case Stringer:
		handled = true
		defer p.catchPanic(p.arg, verb, "String")
		p.fmtString(v.String(), verb)
		return handled
	}
	return false
}

// catchPanic turns a panic in a formatting method into "%!v(PANIC=String method:
// msg)", or "<nil>" when the receiver is a nil pointer.
func (p *pp) catchPanic(arg any, verb rune, method string) {
	err := recover()
	if err == nil {
		return
	}
	if k, _, _ := valueInfo(arg); k == kindPointer && pointerOf(arg) == 0 {
		p.buf = append(p.buf, "<nil>"...)
		return
	}
	if p.panicking {
		panic(err)
	}
	saved := p.f
	p.clearFlags()
	p.buf = append(p.buf, "%!"...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, "(PANIC="...)
	p.buf = append(p.buf, method...)
	p.buf = append(p.buf, " method: "...)
	p.panicking = true
	p.printArg(err, 'v')
	p.panicking = false
	p.buf = append(p.buf, ')')
	p.f = saved
}

// badVerb prints "%!verb(type=value)" for an operand the verb does not apply to.
func (p *pp) badVerb(verb rune) {
	p.erroring = true
	p.buf = append(p.buf, "%!"...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, '(')
	if p.arg != nil {
		p.buf = append(p.buf, typeString(p.arg)...)
		p.buf = append(p.buf, '=')
		p.printArg(p.arg, 'v')
	} else {
		p.buf = append(p.buf, "<nil>"...)
	}
	p.buf = append(p.buf, ')')
	p.erroring = false
}

// fmtBool formats a boolean for %t and %v.
func (p *pp) fmtBool(v bool, verb rune) {
	switch verb {
	case 't', 'v':
		p.fmtBoolean(v)
	default:
		p.badVerb(verb)
	}
}

// fmtInteger formats an integer (bits u, signed or not) for its verbs.
func (p *pp) fmtInteger(u uint64, signed bool, verb rune) {
	switch verb {
	case 'v':
		if p.f.sharpV && !signed {
			p.fmt0x64(u, true)
		} else {
			p.fmtInt(u, 10, signed, verb, ldigits)
		}
	case 'd':
		p.fmtInt(u, 10, signed, verb, ldigits)
	case 'b':
		p.fmtInt(u, 2, signed, verb, ldigits)
	case 'o', 'O':
		p.fmtInt(u, 8, signed, verb, ldigits)
	case 'x':
		p.fmtInt(u, 16, signed, verb, ldigits)
	case 'X':
		p.fmtInt(u, 16, signed, verb, udigits)
	case 'c':
		p.fmtC(u)
	case 'q':
		p.fmtQc(u)
	case 'U':
		p.fmtUnicode(u)
	default:
		p.badVerb(verb)
	}
}

// fmtFloat formats a float of the given size for its verbs.
func (p *pp) fmtFloat(v float64, size int, verb rune) {
	switch verb {
	case 'v':
		p.fmtFloatPrec(v, size, 'g', -1)
	case 'b', 'g', 'G', 'x', 'X':
		p.fmtFloatPrec(v, size, verb, -1)
	case 'f', 'e', 'E':
		p.fmtFloatPrec(v, size, verb, 6)
	case 'F':
		p.fmtFloatPrec(v, size, 'f', 6)
	default:
		p.badVerb(verb)
	}
}

// fmtComplex formats "(re+imi)"; the imaginary part always carries a sign.
func (p *pp) fmtComplex(v complex128, size int, verb rune) {
	switch verb {
	case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E':
		plus := p.f.plus
		p.buf = append(p.buf, '(')
		p.fmtFloat(real(v), size/2, verb)
		p.f.plus = true
		p.fmtFloat(imag(v), size/2, verb)
		p.buf = append(p.buf, "i)"...)
		p.f.plus = plus
	default:
		p.badVerb(verb)
	}
}

// fmtString formats a string for %v %s %q %x %X.
func (p *pp) fmtString(v string, verb rune) {
	switch verb {
	case 'v':
		if p.f.sharpV {
			p.fmtQ(v)
		} else {
			p.fmtS(v)
		}
	case 's':
		p.fmtS(v)
	case 'x':
		p.fmtSx(v, ldigits)
	case 'X':
		p.fmtSx(v, udigits)
	case 'q':
		p.fmtQ(v)
	default:
		p.badVerb(verb)
	}
}

// fmtBytes formats a byte slice (or byte array, typ is its type string): a list
// of numbers for %v %d, text for %s %q %x %X, element-wise otherwise.
func (p *pp) fmtBytes(v []byte, verb rune, typ string) {
	switch verb {
	case 'v', 'd':
		if p.f.sharpV {
			p.buf = append(p.buf, typ...)
			if v == nil {
				p.buf = append(p.buf, "(nil)"...)
				return
			}
			p.buf = append(p.buf, '{')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, ", "...)
				}
				p.fmt0x64(uint64(c), true)
			}
			p.buf = append(p.buf, '}')
			return
		}
		p.buf = append(p.buf, '[')
		for i, c := range v {
			if i > 0 {
				p.buf = append(p.buf, ' ')
			}
			p.fmtInt(uint64(c), 10, false, verb, ldigits)
		}
		p.buf = append(p.buf, ']')
	case 's':
		p.fmtS(string(v))
	case 'x':
		p.fmtSx(string(v), ldigits)
	case 'X':
		p.fmtSx(string(v), udigits)
	case 'q':
		p.fmtQ(string(v))
	default:
		p.printValue(v, verb, 0, true)
	}
}

// fmtPointer formats a pointer-like value: an address for %p and %v (<nil> for
// a nil %v), or the address as an integer for %b %o %d %x %X.
func (p *pp) fmtPointer(v any, verb rune) {
	k, _, _ := valueInfo(v)
	switch k {
	case kindChan, kindFunc, kindMap, kindPointer, kindSlice, kindUnsafePointer:
	default:
		p.badVerb(verb)
		return
	}
	u := uint64(pointerOf(v))
	switch verb {
	case 'v':
		if p.f.sharpV {
			p.buf = append(p.buf, '(')
			p.buf = append(p.buf, typeString(v)...)
			p.buf = append(p.buf, ")("...)
			if u == 0 {
				p.buf = append(p.buf, "nil"...)
			} else {
				p.fmt0x64(u, true)
			}
			p.buf = append(p.buf, ')')
		} else if u == 0 {
			p.padString("<nil>")
		} else {
			p.fmt0x64(u, !p.f.sharp)
		}
	case 'p':
		p.fmt0x64(u, !p.f.sharp)
	case 'b', 'o', 'd', 'x', 'X':
		p.fmtInteger(u, false, verb)
	default:
		p.badVerb(verb)
	}
}

// isExported reports whether a struct field name is exported (upper-case first letter).
func isExported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// printValue walks a value that has no formatting method at this level: v is
// the boxed value (nil for a nil interface reached inside a composite), depth 0
// for an operand, and canIface false below an unexported struct field (whose
// methods gc's fmt cannot call).
func (p *pp) printValue(v any, verb rune, depth int, canIface bool) {
	if depth > 0 && v != nil && canIface {
		p.arg = v
		if p.handleMethods(verb) {
			return
		}
	}
	p.arg = v
	kind, elemKind, n := valueInfo(v)
	switch kind {
	case kindInvalid:
		if depth == 0 {
			p.buf = append(p.buf, "<invalid reflect.Value>"...)
		} else {
			p.buf = append(p.buf, "<nil>"...)
		}
	case kindBool:
		p.fmtBool(underlying(v).(bool), verb)
	case kindInt, kindInt8, kindInt16, kindInt32, kindInt64,
		kindUint, kindUint8, kindUint16, kindUint32, kindUint64, kindUintptr:
		u, signed := intBits(underlying(v))
		p.fmtInteger(u, signed, verb)
	case kindFloat32:
		p.fmtFloat(float64(underlying(v).(float32)), 32, verb)
	case kindFloat64:
		p.fmtFloat(underlying(v).(float64), 64, verb)
	case kindComplex64:
		p.fmtComplex(complex128(underlying(v).(complex64)), 64, verb)
	case kindComplex128:
		p.fmtComplex(underlying(v).(complex128), 128, verb)
	case kindString:
		p.fmtString(underlying(v).(string), verb)
	case kindMap:
		p.printMap(v, verb, depth, canIface)
	case kindStruct:
		p.printStruct(v, verb, depth, n, canIface)
	case kindArray, kindSlice:
		p.printList(v, verb, depth, kind, elemKind, n, canIface)
	case kindPointer:
		if depth == 0 && pointerOf(v) != 0 {
			switch elemKind {
			case kindArray, kindSlice, kindStruct, kindMap:
				p.buf = append(p.buf, '&')
				p.printValue(elemOf(v, 0), verb, depth+1, canIface)
				return
			}
		}
		p.fmtPointer(v, verb)
	default:
		p.fmtPointer(v, verb)
	}
}

// printElem prints e, element or field i of the composite v (i == -1: a map
// key) at depth+1; a nil interface prints as "T(nil)" under %#v.
func (p *pp) printElem(v any, i int, e any, verb rune, depth int, canIface bool) {
	if e == nil && p.f.sharpV {
		p.buf = append(p.buf, elemType(v, i)...)
		p.buf = append(p.buf, "(nil)"...)
		return
	}
	p.printValue(e, verb, depth+1, canIface)
}

// printMap prints map[k:v k:v] (or T{k:v, k:v} for %#v) with sorted keys.
func (p *pp) printMap(v any, verb rune, depth int, canIface bool) {
	if p.f.sharpV {
		p.buf = append(p.buf, typeString(v)...)
		if pointerOf(v) == 0 {
			p.buf = append(p.buf, "(nil)"...)
			return
		}
		p.buf = append(p.buf, '{')
	} else {
		p.buf = append(p.buf, "map["...)
	}
	keys, vals := mapEntries(v)
	sortEntries(keys, vals)
	for i := range keys {
		if i > 0 {
			if p.f.sharpV {
				p.buf = append(p.buf, ", "...)
			} else {
				p.buf = append(p.buf, ' ')
			}
		}
		p.printElem(v, -1, keys[i], verb, depth, canIface)
		p.buf = append(p.buf, ':')
		p.printElem(v, i, vals[i], verb, depth, canIface)
	}
	if p.f.sharpV {
		p.buf = append(p.buf, '}')
	} else {
		p.buf = append(p.buf, ']')
	}
}

// printStruct prints {a b} ({A:a B:b} for %+v, T{A:a, B:b} for %#v).
func (p *pp) printStruct(v any, verb rune, depth, n int, canIface bool) {
	if p.f.sharpV {
		p.buf = append(p.buf, typeString(v)...)
	}
	p.buf = append(p.buf, '{')
	for i := 0; i < n; i++ {
		if i > 0 {
			if p.f.sharpV {
				p.buf = append(p.buf, ", "...)
			} else {
				p.buf = append(p.buf, ' ')
			}
		}
		name := fieldName(v, i)
		if p.f.plusV || p.f.sharpV {
			if name != "" {
				p.buf = append(p.buf, name...)
				p.buf = append(p.buf, ':')
			}
		}
		p.printElem(v, i, elemOf(v, i), verb, depth, canIface && isExported(name))
	}
	p.buf = append(p.buf, '}')
}

// printList prints an array or slice: [a b] (T{a, b} for %#v); byte elements
// are text for %s %q %x %X.
func (p *pp) printList(v any, verb rune, depth, kind, elemKind, n int, canIface bool) {
	switch verb {
	case 's', 'q', 'x', 'X':
		if elemKind == kindUint8 {
			b := make([]byte, n)
			for i := 0; i < n; i++ {
				b[i] = underlying(elemOf(v, i)).(uint8)
			}
			p.fmtBytes(b, verb, typeString(v))
			return
		}
	}
	if p.f.sharpV {
		p.buf = append(p.buf, typeString(v)...)
		if kind == kindSlice && pointerOf(v) == 0 {
			p.buf = append(p.buf, "(nil)"...)
			return
		}
		p.buf = append(p.buf, '{')
		for i := 0; i < n; i++ {
			if i > 0 {
				p.buf = append(p.buf, ", "...)
			}
			p.printElem(v, i, elemOf(v, i), verb, depth, canIface)
		}
		p.buf = append(p.buf, '}')
		return
	}
	p.buf = append(p.buf, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			p.buf = append(p.buf, ' ')
		}
		p.printValue(elemOf(v, i), verb, depth+1, canIface)
	}
	p.buf = append(p.buf, ']')
}
