// errorcheck

// A bidirectional channel is assignable to either direction (and convertible);
// no other channel conversion is allowed. Channels compare with == when one is
// assignable to the other, and are never ordered.

package main

type C chan int

func main() {
	var c chan int
	var r <-chan int
	var s chan<- int
	var nc C
	var z chan<- int = r // ERROR "cannot use r \(variable of type <-chan int\) as type chan<- int in variable declaration"
	var w <-chan int = c
	c = r      // ERROR "cannot use r \(variable of type <-chan int\) as type chan int in assignment"
	r = nc     // C's underlying type is bidirectional
	nc = c
	c = nc
	_ = c == r
	_ = nc == c
	_ = r == s // ERROR "invalid operation: r == s \(mismatched types <-chan int and chan<- int\)"
	_ = c < c  // ERROR "invalid operation: c < c \(operator < not defined on chan\)"
	_ = c != nil
	_ = (chan<- int)(r) // ERROR "cannot convert r \(variable of type <-chan int\) to type chan<- int"
	_ = (chan<- int)(c)
	_ = (<-chan int)(nc)
	_ = C(r) // ERROR "cannot convert r \(variable of type <-chan int\) to type C"
	var ch chan (<-chan int)
	var ch2 <-chan <-chan int
	var ch3 chan<- chan int
	ch2 = ch
	ch = ch2  // ERROR "cannot use ch2 \(variable of type <-chan <-chan int\) as type chan \(<-chan int\) in assignment"
	ch2 = ch3 // ERROR "cannot use ch3 \(variable of type chan<- chan int\) as type <-chan <-chan int in assignment"
	var e chan int = 1 // ERROR "cannot use 1 \(untyped int constant\) as chan int value in variable declaration"
	m := map[chan int]int{c: 1}
	var i interface{} = c
	_, _, _, _, _ = z, w, m, i, e
}
