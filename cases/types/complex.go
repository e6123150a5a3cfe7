// run

package main

func main() {
	a := complex(1.5, -2.0)
	b := complex(0.5, 4)
	println(a+b, a-b, a*b, a/b, a == b, real(a), imag(b))
	var c64 complex64 = complex64(a)
	println(c64/complex64(b), -a)
	z := complex(0, 0)
	println(a / z)
}
