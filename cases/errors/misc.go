// errorcheck

package main

type I interface{ M() }

type S struct{ f func() }

func three() (int, int, int) { return 1, 2, 3 }

func main() {
	var s uint = 2
	var f float64 = 1 << s // ERROR "invalid operation: 1 << s \(shift of type float64\)"
	x := three() // ERROR "assignment mismatch: 1 variable but three returns 3 values"
	var sl []int
	switch sl {
	case nil:
	case sl: // ERROR "invalid case sl in switch on sl \(slice can only be compared to nil\)"
	}
	var i I
	_ = i + 1 // ERROR "cannot convert 1 \(untyped int constant\) to interface\{M\(\)\}"
	_ = 1i < 2i // ERROR "invalid operation: 1i < 2i \(operator < not defined on untyped complex\)"
	var a, b = 1, 2, 3 // ERROR "extra init expr 3"
	var c, d, e = 1, 2 // ERROR "missing init expr for e"
	_ = [2]int{5: 1} // ERROR "invalid argument: index 5 out of bounds \[0:2\]"
	var m map[string]int
	_, _ = m[nil] // ERROR "cannot use nil as string value in map index"
	_ = "s"[:][:][1.5] // ERROR "1\.5 \(untyped float constant\) truncated to int"
	var t S
	_ = t.F // ERROR "t\.F undefined \(type S has no field or method F, but does have f\)"
	_ = new // ERROR "new \(built-in\) must be called"
	_, _, _, _, _, _, _, _ = f, x, a, b, c, d, e, t
}
