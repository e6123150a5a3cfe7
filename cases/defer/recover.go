// run

package main

type E int

type MyErr struct{ code int }

func (e MyErr) Error() string { return "myerr" }

func safe(x int) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = "recovered: " + r.(string)
		}
	}()
	if x > 2 {
		panic("too big")
	}
	return "ok"
}

func nested() {
	defer func() {
		r := recover()
		println("nested recovered", r.(E))
	}()
	defer func() {
		println("second defer runs first")
	}()
	panic(E(7))
}

func deep(n int) int {
	if n == 0 {
		panic(MyErr{42})
	}
	return deep(n-1) + 1
}

func catch() (code int) {
	defer func() {
		if e, ok := recover().(MyErr); ok {
			code = e.code
		}
	}()
	return deep(10)
}

func main() {
	println(safe(1))
	println(safe(5))
	nested()
	println(catch())
	println(recover() == nil)
}
