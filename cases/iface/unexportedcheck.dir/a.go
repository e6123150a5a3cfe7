package a

type I interface{ m() }

type T struct{}

func (T) m() {}

func S() struct{ x int } { return struct{ x int }{} }

func E() struct{ X int } { return struct{ X int }{} }
