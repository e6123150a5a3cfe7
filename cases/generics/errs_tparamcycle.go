// errorcheck

// A generic type named in its own type parameter list is an invalid recursive
// type; reached through another declaration's field it is fine.

package main

type T[U interface{ M() T[U] }] int // ERROR "invalid recursive type T"

type Node[D Data] struct{ d D }

type Data interface{ []byte | Msg }

type Msg struct{ n *Node[[]byte] }

func main() {}
