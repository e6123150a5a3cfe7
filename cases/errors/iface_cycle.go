// errorcheck

package p

// An interface that embeds itself, directly or through others, is an invalid
// recursive type even when a method's signature reaches the other interface
// first; the interfaces keep the methods they do declare.

type I1 interface { // ERROR "invalid recursive type I1"
	m() I2
	I2
}

type I2 interface {
	I1
}

type A = interface{ B }

type B interface { // ERROR "invalid recursive type B"
	A
}

var i2 I2
var i1 I1 = i2
var n I1 = 3 // ERROR "int does not implement I1 \(missing m method\)"
