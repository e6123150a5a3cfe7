// asmcheck

// The seed optimization in the generated code: a value-to-interface conversion whose
// result does not escape is built from a stack temporary with no runtime call; one that
// escapes calls the runtime (gc 1.19's convT64, convT, ..., chosen by the value's type); a
// pointer-shaped value is the data word itself; a value over 1024 bytes is always copied
// by the runtime. The patterns accept both listing syntaxes (refgo's and gc's).

package codegen

type T struct{ a, b int }

type I interface{ M() int }

func (t T) M() int { return t.a }

type Big struct{ a [250]int }

var sink interface{}
var isink I

//go:noinline
func i2int(i interface{}) int {
	return i.(int)
}

//go:noinline
func i2T(i I) T {
	return i.(T)
}

func noEscape(n int) int {
	return i2int(n) // amd64:-`(call|CALL)\t"?runtime\.conv`
}

func noEscapeIface(t T) int {
	return i2T(t).b // amd64:-`(call|CALL)\t"?runtime\.conv`
}

func escapes(n int) {
	sink = n // amd64:`(call|CALL)\t"?runtime\.conv(T2E|T64)\b`
}

func escapesIface(t T) {
	isink = t // amd64:`(call|CALL)\t"?runtime\.conv(T2I|T|Tnoptr)\b`
}

func escapesInLoop(n int) interface{} {
	var e interface{}
	for i := 0; i < n; i++ {
		e = i // amd64:`(call|CALL)\t"?runtime\.conv(T2E|T64)\b`
	}
	return e
}

func pointerShaped(p *T) {
	sink = p // amd64:-`(call|CALL)\t"?runtime\.conv`
}

func big(b Big) int {
	var e interface{} = b // amd64:`(call|CALL)\t"?runtime\.conv(T2E|T|Tnoptr)\b`
	return e.(Big).a[0]
}
