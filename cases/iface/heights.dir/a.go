package a

import "fmt"

type I interface{ m() string }

type A struct{}

func (A) m() string { return fmt.Sprint("a.m") }

func Call(i I) string { return i.m() }
