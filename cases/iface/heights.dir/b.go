package b

type I interface{ m() string }

type B struct{}

func (B) m() string { return "b.m" }

func Call(i I) string { return i.m() }
