// run

package main

type Err struct{ msg string }

func (e *Err) Error() string { return e.msg }

func mayFail(x int) (int, error) {
	if x < 0 {
		return 0, &Err{"negative"}
	}
	return x * 2, nil
}

func main() {
	if v, err := mayFail(-1); err != nil {
		println("error:", err.Error(), v)
	}
	v, err := mayFail(4)
	println(v, err == nil)
	var e error = &Err{"x"}
	var e2 error = e
	println(e == e2, e != nil)
	var e3 error = &Err{"x"}
	println(e == e3)
}
