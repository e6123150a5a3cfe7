// run

package main

func kind(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		if v > 10 {
			return "big int"
		}
		return "int"
	case string:
		return "string " + v
	case bool, float64:
		return "bool or float"
	default:
		return "other"
	}
}

func main() {
	println(kind(1), kind(100), kind("s"), kind(true), kind(2.5), kind(nil), kind([]int{}))
	var e interface{} = 42
	n, ok := e.(int)
	println(n, ok)
	s, ok := e.(string)
	println(s == "", ok)
	println(e.(int) + 1)
	var f interface{} = 42
	println(e == f, e != "x")
}
