// errorcheck -0 -l -live

// A return's values that are variables other than the results are read when the
// results are written, after the other values are evaluated (gc's walkReturn), so a
// parameter returned beside an allocation is live at the allocation's call; a result
// returned in another's place is copied first.

package main

type T struct{ s string }

func f(b []byte, s string, n int) ([]byte, string, *T) { // ERROR "live at entry to f: b s$"
	if n > 0 {
		return b, s, &T{"x"} // ERROR "live at call to newobject: b s$"
	}
	return nil, "", nil
}

func g(x, y []byte) (a, b []byte) { // ERROR "live at entry to g: x y$"
	a, b = x, y
	return b, a
}

func main() {
	f(nil, "", 1)
	g(nil, nil)
}
