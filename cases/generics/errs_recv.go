// errorcheck

package main

// A method whose receiver has type parameters must name a generic type of the
// package, and a generic type's method may be declared only once.

type Stack[T any] []T

func (s *Stack[T]) Push(v T) { *s = append(*s, v) }
func (s *Stack[T]) Pop() T    { var z T; return z }
func (s Stack[T]) Pop() T     { var z T; return z } // ERROR "Stack.Pop redeclared in this block"

type Celsius float64

var count int

func (c Celsius[T]) Get() T { var z T; return z } // ERROR "Celsius is not a generic type"
func (i *int64[T]) Set(v T) {}                    // ERROR "int64 is not a generic type"
func (m Meters[T]) Len() int { return 0 }         // ERROR "undefined: Meters"
func (n count[T]) Inc() {}                        // ERROR "count \(variable of type int\) is not a type"

func main() {
	var s Stack[int]
	s.Push(1)
	_ = s.Pop()
}
