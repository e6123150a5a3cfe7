// Package fmt implements formatted I/O with gc's verbs, flags and output.
//
//	fmt.Printf("%-5s|%05.2f|%+d|%#x|%q\n", "ab", 3.14159, 7, 255, "hi")
//	// ab   |03.14|+7|0xff|"hi"
//	fmt.Println(T{1, "x"}, map[string]int{"b": 2, "a": 1}, []int(nil), nil)
//	// {1 x} map[a:1 b:2] [] <nil>
//	err := fmt.Errorf("open: %w", io.EOF)  // errors.Unwrap(err) == io.EOF
//
// The predeclared basic types are printed from a type switch; error, Stringer,
// GoStringer and Formatter operands through their methods; every other value
// (named, composite, pointer) is walked through reflect as gc's fmt does
// (walk.go), map keys sorted like gc's internal/fmtsort (sort.go).
package fmt

import (
	"errors"
	"io"
	"os"
	"reflect"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// Stringer is implemented by any value with a String method, which defines the
// value's "native" format for %v, %s, %q, %x, %X and Print.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value with a GoString method, used for %#v.
type GoStringer interface {
	GoString() string
}

// State is what a Formatter sees of the printer: output, flags, width, precision.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by any value with a Format method, which then controls
// its own formatting for every verb.
type Formatter interface {
	Format(f State, verb rune)
}

// pp is the state of one Print/Printf call. arg is the operand being printed
// (nil inside printValue, where the value is passed explicitly).
type pp struct {
	buf        []byte
	f          flags
	arg        any
	value      reflect.Value
	reordered  bool
	goodArgNum bool
	panicking  bool
	erroring   bool
	wrapErrs   bool
	wrappedErr error
	numbuf     [68]byte // digits of one number: fmtInt, fmtFloatPrec
}

// freePrinter holds one *pp that no call uses, for the next call to take: a
// print then allocates nothing but what outgrows the printer's buffer. It is
// a single slot swapped atomically, so a printer has one owner at a time
// (nested prints from String methods find it empty and allocate); do NOT make
// it a list popped with a load and a store, which preemption can interleave.
var freePrinter unsafe.Pointer

// newPrinter returns a printer with an empty buffer and cleared flags (the stale
// wid and prec kept, as gc's pooled printers keep them).
func newPrinter() *pp {
	p := (*pp)(atomic.SwapPointer(&freePrinter, nil))
	if p == nil {
		return &pp{}
	}
	p.panicking = false
	p.erroring = false
	p.wrapErrs = false
	p.clearFlags()
	return p
}

// free gives p back to freePrinter unless its buffer has grown past 64 KiB.
func (p *pp) free() {
	if cap(p.buf) > 64<<10 {
		return
	}
	p.buf = p.buf[:0]
	p.arg = nil
	p.value = reflect.Value{}
	p.wrappedErr = nil
	atomic.StorePointer(&freePrinter, unsafe.Pointer(p))
}

func (p *pp) Write(b []byte) (int, error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

func (p *pp) WriteString(s string) (int, error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

func (p *pp) Width() (int, bool) { return p.f.wid, p.f.widPresent }

func (p *pp) Precision() (int, bool) { return p.f.prec, p.f.precPresent }

func (p *pp) Flag(c int) bool {
	switch c {
	case '-':
		return p.f.minus
	case '+':
		return p.f.plus || p.f.plusV
	case '#':
		return p.f.sharp || p.f.sharpV
	case ' ':
		return p.f.space
	case '0':
		return p.f.zero
	}
	return false
}

// Fprintf formats according to format and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (int, error) {
	p := newPrinter()
	p.doPrintf(format, a)
	n, err := w.Write(p.buf)
	p.free()
	return n, err
}

// Printf formats according to format and writes to standard output.
func Printf(format string, a ...any) (int, error) {
	return Fprintf(os.Stdout, format, a...)
}

// Sprintf formats according to format and returns the string.
func Sprintf(format string, a ...any) string {
	p := newPrinter()
	p.doPrintf(format, a)
	s := string(p.buf)
	p.free()
	return s
}

// Appendf formats according to format and appends to b.
func Appendf(b []byte, format string, a ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	b = append(b, p.buf...)
	p.free()
	return b
}

// Fprint formats with %v, spaces between operands when neither is a string.
func Fprint(w io.Writer, a ...any) (int, error) {
	p := newPrinter()
	p.doPrint(a)
	n, err := w.Write(p.buf)
	p.free()
	return n, err
}

// Print is Fprint to standard output.
func Print(a ...any) (int, error) {
	return Fprint(os.Stdout, a...)
}

// Sprint is Fprint to a string.
func Sprint(a ...any) string {
	p := newPrinter()
	p.doPrint(a)
	s := string(p.buf)
	p.free()
	return s
}

// Fprintln formats with %v, spaces between all operands, and a final newline.
func Fprintln(w io.Writer, a ...any) (int, error) {
	p := newPrinter()
	p.doPrintln(a)
	n, err := w.Write(p.buf)
	p.free()
	return n, err
}

// Println is Fprintln to standard output.
func Println(a ...any) (int, error) {
	return Fprintln(os.Stdout, a...)
}

// Sprintln is Fprintln to a string.
func Sprintln(a ...any) string {
	p := newPrinter()
	p.doPrintln(a)
	s := string(p.buf)
	p.free()
	return s
}

// wrapError is the error Errorf returns for a format with a valid %w.
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }

// Errorf formats like Sprintf and returns the text as an error; with one %w of
// an error operand the result also wraps that operand (errors.Unwrap).
func Errorf(format string, a ...any) error {
	p := newPrinter()
	p.wrapErrs = true
	p.doPrintf(format, a)
	s := string(p.buf)
	wrapped := p.wrappedErr
	p.free()
	if wrapped == nil {
		return errors.New(s)
	}
	return &wrapError{s, wrapped}
}

// doPrint prints a with %v, a space between operands when neither is a string.
func (p *pp) doPrint(a []any) {
	prevString := false
	for i, arg := range a {
		_, isString := arg.(string)
		if !isString && arg != nil {
			isString = reflect.TypeOf(arg).Kind() == reflect.String
		}
		if i > 0 && !isString && !prevString {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
		prevString = isString
	}
}

// doPrintln prints a with %v, spaces between and a newline after.
func (p *pp) doPrintln(a []any) {
	for i, arg := range a {
		if i > 0 {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
	}
	p.buf = append(p.buf, '\n')
}

// tooLarge reports whether a width or precision is beyond what fmt accepts.
func tooLarge(x int) bool {
	return x > 1000000 || x < -1000000
}

// parsenum reads a decimal number at s[start:end]; ok is false if there is none
// or it is too large (then newi = end).
func parsenum(s string, start, end int) (num int, ok bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if tooLarge(num) {
			return 0, false, end
		}
		num = num*10 + int(s[newi]-'0')
		ok = true
	}
	return num, ok, newi
}

// intFromArg returns a[argNum] as a width or precision, if it is an integer of
// acceptable size, and the next argument number.
func intFromArg(a []any, argNum int) (num int, ok bool, next int) {
	next = argNum
	if argNum >= len(a) {
		return 0, false, next
	}
	next = argNum + 1
	if n, isInt := a[argNum].(int); isInt {
		num, ok = n, true
	} else {
		switch v := reflect.ValueOf(a[argNum]); v.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			num, ok = int(v.Int()), true
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
			reflect.Uintptr:
			if u := v.Uint(); int64(u) >= 0 {
				num, ok = int(u), true
			}
		}
	}
	if tooLarge(num) {
		num, ok = 0, false
	}
	return num, ok, next
}

// argNumber parses an explicit argument index "[n]" at format[i:], if any
// (doPrintf calls it only at a '[').
func (p *pp) argNumber(argNum int, format string, i int, numArgs int) (int, int, bool) {
	if len(format) <= i || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, wid, ok := 0, 1, false
	if len(format)-i >= 3 {
		for j := i + 1; j < len(format); j++ {
			if format[j] == ']' {
				n, isNum, newj := parsenum(format, i+1, j)
				wid = j - i + 1
				if isNum && newj == j {
					index, ok = n-1, true
				}
				break
			}
		}
	}
	if ok && 0 <= index && index < numArgs {
		return index, i + wid, true
	}
	p.goodArgNum = false
	return argNum, i + wid, ok
}

// startV turns the sharp and plus flags into sharpV and plusV for a %v verb.
func (p *pp) startV() {
	p.f.sharpV = p.f.sharp
	p.f.sharp = false
	p.f.plusV = p.f.plus
	p.f.plus = false
}

// doPrintf interprets format against a, exactly as gc's fmt does, including its
// %!verb(...) complaints for bad verbs, indices, widths and missing or extra operands.
func (p *pp) doPrintf(format string, a []any) {
	end := len(format)
	argNum := 0
	afterIndex := false
	p.reordered = false
	i := 0
	for i < end {
		p.goodArgNum = true
		start := i
		for i < end && format[i] != '%' {
			i++
		}
		if i > start {
			p.buf = append(p.buf, format[start:i]...)
		}
		if i >= end {
			break
		}
		i++
		p.clearFlags()
		simple := false
	flagLoop:
		for ; i < end; i++ {
			c := format[i]
			switch c {
			case '#':
				p.f.sharp = true
			case '0':
				p.f.zero = !p.f.minus
			case '+':
				p.f.plus = true
			case '-':
				p.f.minus = true
				p.f.zero = false
			case ' ':
				p.f.space = true
			default:
				if 'a' <= c && c <= 'z' && argNum < len(a) {
					if c == 'v' {
						p.startV()
					}
					p.printArg(a[argNum], rune(c))
					argNum++
					i++
					simple = true
				}
				break flagLoop
			}
		}
		if simple {
			continue
		}
		afterIndex = false
		if i < end && format[i] == '[' {
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		}
		if i < end && format[i] == '*' {
			i++
			p.f.wid, p.f.widPresent, argNum = intFromArg(a, argNum)
			if !p.f.widPresent {
				p.buf = append(p.buf, "%!(BADWIDTH)"...)
			}
			if p.f.wid < 0 {
				p.f.wid = -p.f.wid
				p.f.minus = true
				p.f.zero = false
			}
			afterIndex = false
		} else {
			p.f.wid, p.f.widPresent, i = parsenum(format, i, end)
			if afterIndex && p.f.widPresent {
				p.goodArgNum = false
			}
		}
		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex {
				p.goodArgNum = false
			}
			afterIndex = false
			if format[i] == '[' {
				argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
			}
			if i < end && format[i] == '*' {
				i++
				p.f.prec, p.f.precPresent, argNum = intFromArg(a, argNum)
				if p.f.prec < 0 {
					p.f.prec = 0
					p.f.precPresent = false
				}
				if !p.f.precPresent {
					p.buf = append(p.buf, "%!(BADPREC)"...)
				}
				afterIndex = false
			} else {
				p.f.prec, p.f.precPresent, i = parsenum(format, i, end)
				if !p.f.precPresent {
					p.f.prec = 0
					p.f.precPresent = true
				}
			}
		}
		if !afterIndex && i < end && format[i] == '[' {
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		}
		if i >= end {
			p.buf = append(p.buf, "%!(NOVERB)"...)
			break
		}
		verb, size := rune(format[i]), 1
		if verb >= utf8.RuneSelf {
			verb, size = utf8.DecodeRuneInString(format[i:])
		}
		i += size
		switch {
		case verb == '%':
			p.buf = append(p.buf, '%')
		case !p.goodArgNum:
			p.buf = append(p.buf, "%!"...)
			p.buf = utf8.AppendRune(p.buf, verb)
			p.buf = append(p.buf, "(BADINDEX)"...)
		case argNum >= len(a):
			p.buf = append(p.buf, "%!"...)
			p.buf = utf8.AppendRune(p.buf, verb)
			p.buf = append(p.buf, "(MISSING)"...)
		default:
			if verb == 'v' {
				p.startV()
			}
			p.printArg(a[argNum], verb)
			argNum++
		}
	}
	if !p.reordered && argNum < len(a) {
		p.clearFlags()
		p.buf = append(p.buf, "%!(EXTRA "...)
		for j, arg := range a[argNum:] {
			if j > 0 {
				p.buf = append(p.buf, ", "...)
			}
			if arg == nil {
				p.buf = append(p.buf, "<nil>"...)
			} else {
				p.buf = append(p.buf, reflect.TypeOf(arg).String()...)
				p.buf = append(p.buf, '=')
				p.printArg(arg, 'v')
			}
		}
		p.buf = append(p.buf, ')')
	}
}
