// run

// A typed nil pointer converted to an interface is a non-nil interface holding a nil
// *T; only an untyped nil (or a nil interface) converts to the nil interface.

package main

type E struct{}

func (*E) Error() string { return "E" }

func isNil(e error) bool { return e == nil }

func main() {
	var p *int
	var n interface{}
	println((*int)(nil) == interface{}(nil), interface{}(nil) == (*int)(nil))
	println(p == n, n == p, interface{}(nil) == interface{}(nil))
	c := (*E)(nil) == error(nil)
	println(c, isNil((*E)(nil)), isNil(nil), isNil(error(nil)))
	var x interface{} = (*int)(nil)
	_, ok := x.(*int)
	println(x != nil, ok)
}
