// errorcheck

// Struct types that differ only in their tags are not identical, so values
// of one are not assignable to the other; conversions ignore the tags, even
// deep inside the types.

package main

type A struct {
	x int `json:"a"`
}

type B struct {
	x int `json:"b"`
}

type F struct {
	f func(struct {
		y int "p"
	})
}

type G struct {
	f func(struct {
		y int "q"
	})
}

func main() {
	var a A
	var b B
	var u struct {
		x int "json:\"c\""
	}
	a = b // ERROR "cannot use b \(variable of type B\) as type A in assignment"
	a = u // ERROR "cannot use u \(variable of type struct{x int .json:..c...}\) as type A in assignment"
	a = A(b)
	a = A(u)
	pa := (*A)(&b)
	var f F
	var g G
	f = g // ERROR "cannot use g"
	f = F(g)
	_, _, _ = a, pa, f
}
