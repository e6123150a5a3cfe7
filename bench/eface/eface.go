// The seed's BenchmarkEfaceInteger as a standalone program: N conversions of an int to
// interface{} passed to a //go:noinline function that only asserts it back. With the
// seed optimization the conversion's value lives in a stack temporary; with
// -d=convinline=0 every iteration calls runtime.convT64, which allocates.
// bench/eface/run.py builds it both ways and times it; N is rewritten there.

package main

const N = 20000000

var sink interface{}

//go:noinline
func i2int(i interface{}) int {
	return i.(int)
}

func main() {
	sum := 0
	for i := 0; i < N; i++ {
		sum += i2int(i)
	}
	sink = sum
	println(sum)
}
