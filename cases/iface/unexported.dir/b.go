package b

import "./a"

type T struct{ a.T }

func (T) m() string { return "b.T.m" }

// Both: its method set holds b's m and a's m, in gc's order (a.m first).
type Both interface {
	m() string
	a.I
}

//go:noinline
func CallBoth(i Both) string { return i.m() }

func Promoted(t T) string { return a.CallI(t) }
