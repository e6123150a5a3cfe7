// run

// Binding a method value evaluates (and nil-checks) the receiver: a nil pointer, a nil
// interface and a nil embedded pointer to a zero-size struct all panic at bind time.

package main

type I interface{ M() int }
type S byte

func (s S) M() int { return int(s) }

type T1 struct{ T2 }
type T2 struct{ *T3 }
type T3 struct{ *T4 }
type T4 struct{}

func (T4) M() int { return 40 }

func try(name string, f func()) {
	defer func() {
		if recover() == nil {
			println(name, "no panic")
		} else {
			println(name, "panic")
		}
	}()
	f()
}

func main() {
	var g func() int
	try("ptr", func() { var p *S; g = p.M })
	try("iface", func() { var i I; g = i.M })
	try("t1", func() { var t1 T1; g = t1.M })
	try("t3p", func() { var t3 *T3; g = t3.M })
	try("t3", func() { var t3 T3; g = t3.M })
	try("t4", func() { var t4 T4; g = t4.M })
	_ = g
}
