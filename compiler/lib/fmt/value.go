package fmt

import (
	"reflect"
	"unicode/utf8"
)

// signed and unsigned name fmtInteger's second argument.
const (
	signed   = true
	unsigned = false
)

// printArg prints one operand with verb: the predeclared basic types directly (no
// reflect), then methods (Formatter, GoStringer, error, Stringer), then a walk of
// the value through reflect (printValue).
func (p *pp) printArg(arg any, verb rune) {
	p.arg = arg
	p.value = reflect.Value{}
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
		p.fmtS(reflect.TypeOf(arg).String())
		return
	case 'p':
		p.fmtPointer(reflect.ValueOf(arg), 'p')
		return
	}
	// The cases are tested in order, one compare of the type word each: the
	// commonest operands, int and string, come first.
	switch v := arg.(type) {
	case int:
		p.fmtInteger(uint64(v), signed, verb)
	case string:
		p.fmtString(v, verb)
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
	case int8:
		p.fmtInteger(uint64(v), signed, verb)
	case int16:
		p.fmtInteger(uint64(v), signed, verb)
	case int32:
		p.fmtInteger(uint64(v), signed, verb)
	case int64:
		p.fmtInteger(uint64(v), signed, verb)
	case uint:
		p.fmtInteger(uint64(v), unsigned, verb)
	case uint8:
		p.fmtInteger(uint64(v), unsigned, verb)
	case uint16:
		p.fmtInteger(uint64(v), unsigned, verb)
	case uint32:
		p.fmtInteger(uint64(v), unsigned, verb)
	case uint64:
		p.fmtInteger(v, unsigned, verb)
	case uintptr:
		p.fmtInteger(uint64(v), unsigned, verb)
	case []byte:
		p.fmtBytes(v, verb, "[]byte")
	case reflect.Value:
		if v.IsValid() && v.CanInterface() {
			p.arg = v.Interface()
			if p.handleMethods(verb) {
				return
			}
		}
		p.printValue(v, verb, 0)
	default:
		if !p.handleMethods(verb) {
			p.printValue(reflect.ValueOf(arg), verb, 0)
		}
	}
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
	if v := reflect.ValueOf(arg); v.Kind() == reflect.Pointer && v.IsNil() {
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

// badVerb prints "%!verb(type=value)" for an operand the verb does not apply to:
// p.arg, or p.value when the operand is a value printValue reached.
func (p *pp) badVerb(verb rune) {
	p.erroring = true
	p.buf = append(p.buf, "%!"...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, '(')
	switch {
	case p.arg != nil:
		p.buf = append(p.buf, reflect.TypeOf(p.arg).String()...)
		p.buf = append(p.buf, '=')
		p.printArg(p.arg, 'v')
	case p.value.IsValid():
		p.buf = append(p.buf, p.value.Type().String()...)
		p.buf = append(p.buf, '=')
		p.printValue(p.value, 'v', 0)
	default:
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
		p.printValue(reflect.ValueOf(v), verb, 0)
	}
}

// fmtPointer formats a pointer-like value: an address for %p and %v (<nil> for
// a nil %v), or the address as an integer for %b %o %d %x %X.
func (p *pp) fmtPointer(v reflect.Value, verb rune) {
	var u uint64
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Map, reflect.Pointer, reflect.Slice,
		reflect.UnsafePointer:
		u = uint64(v.Pointer())
	default:
		p.badVerb(verb)
		return
	}
	switch verb {
	case 'v':
		if p.f.sharpV {
			p.buf = append(p.buf, '(')
			p.buf = append(p.buf, v.Type().String()...)
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
