// run

// Channels are values: compared with ==, used as map keys, stored in interfaces
// (and compared there), converted to a direction, printed as non-nil pointers.

package main

type C chan int

func main() {
	a, b := make(chan int), make(chan int)
	var ra <-chan int = a
	println(a == a, a == b, ra == a, a != nil)
	m := map[chan int]string{a: "a", b: "b"}
	println(m[a], m[b], len(m))
	m[a] = "A"
	println(m[a])
	var i interface{} = a
	var j interface{} = b
	println(i == j, i == interface{}(a))
	if c, ok := i.(chan int); ok {
		println("chan int", c == a)
	}
	switch i.(type) {
	case <-chan int:
		println("recv only")
	case chan int:
		println("bidirectional")
	}
	var nc C = C(a)
	var k interface{} = nc
	println(k == i)
	set := map[interface{}]int{}
	set[a]++
	set[a]++
	set[ra]++
	println(len(set), set[a], set[ra])
	var z chan int
	var zi interface{} = z
	println(zi == nil, z == nil)
}
