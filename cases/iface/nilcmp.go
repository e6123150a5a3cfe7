// run

package main

import "errors"

type E struct{}

func (*E) Error() string { return "E" }

func notNil(err error) bool     { return err != nil }
func isNil(e interface{}) bool  { return e == nil }
func nilFirst(err error) bool   { return nil == err }
func typedNil() error           { var p *E; return p }

func main() {
	println(notNil(nil), notNil(errors.New("x")), notNil(typedNil()))
	println(isNil(nil), isNil(0), isNil((*int)(nil)))
	println(nilFirst(nil), nilFirst(typedNil()))
}
