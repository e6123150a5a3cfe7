// errorcheck

// `<-chan<- chan T` in an expression is `<-chan (<-chan T)`, not
// `<-chan (chan T)`.

package main

var ok <-chan <-chan string = (<-chan<- chan string)(nil)
var bad <-chan chan string = (<-chan<- chan string)(nil) // ERROR "cannot use .* as type <-chan chan string"

func main() {}
