package a

type T struct{}

func (T) m() string { return "a.T.m" }

func (T) M() string { return "a.T.M" }

type I interface{ m() string }

func CallI(i I) string { return i.m() }

var X interface{} = struct{ x int }{1}

var Y interface{} = struct{ X int }{1}

var Z interface{} = struct{ int }{1}

var B interface{} = struct{ _ int }{}

func F() interface{ m() string } { return T{} }
