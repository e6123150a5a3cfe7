// run

package main

// A function whose panic is recovered by its own deferred call returns its results as
// they are: zero values for unnamed results, even when the caller's argument area held
// other values just before (the results of the previous call).

func fill() (int, string, *int) {
	x := 42
	return 7, "seven", &x
}

func recovered(fail bool) (int, string, *int) {
	defer func() {
		recover()
	}()
	if fail {
		panic("boom")
	}
	y := 1
	return 1, "one", &y
}

func main() {
	a, b, c := fill()
	println(a, b, *c)
	n, s, p := recovered(true)
	println(n, s, p == nil)
	n, s, p = recovered(false)
	println(n, s, *p)
}
