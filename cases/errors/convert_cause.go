// errorcheck

package main

// A failed conversion carries the cause assignability found (types2's
// convertibleTo tries assignability first).

type I interface{ M() }
type I2 interface {
	M()
	N()
}

type T struct{}

func (T) M() {}

func main() {
	var i I = T{}
	var e interface{} = i
	_ = I2(i)  // ERROR "cannot convert i \(variable of type I\) to type I2:\n\tI does not implement I2 \(missing N method\)"
	_ = I2(T{}) // ERROR "cannot convert T{} \(value of type T\) to type I2:\n\tT does not implement I2 \(missing N method\)"
	_ = T(e)   // ERROR "cannot convert e \(variable of type interface{}\) to type T:\n\tneed type assertion"
	_ = int(e) // ERROR "cannot convert e \(variable of type interface{}\) to type int:\n\tneed type assertion"
}
