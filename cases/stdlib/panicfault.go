// run

// runtime/debug.SetPanicOnFault: a fault on a page mapped without access becomes a
// runtime error panic the faulting goroutine can recover, only while its setting is on
// (a per-goroutine setting: a new goroutine starts with it off).
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"syscall"
)

// fill writes b until the write faults, returning how many bytes it wrote.
func fill(b []byte) (n int, err error) {
	defer func() {
		if r, ok := recover().(runtime.Error); ok {
			err = r
		}
	}()
	for i := range b {
		b[i] = byte(i)
		n++
	}
	return n, nil
}

func main() {
	fmt.Println("initial:", debug.SetPanicOnFault(true))
	size := syscall.Getpagesize()
	data, err := syscall.Mmap(-1, 0, 4*size, syscall.PROT_READ|syscall.PROT_WRITE,
		syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	if err := syscall.Mprotect(data[2*size:3*size], syscall.PROT_NONE); err != nil {
		panic(err)
	}
	n, err := fill(data[100:])
	fmt.Println("wrote", n == 2*size-100, "err:", err)
	n, err = fill(data[3*size:])
	fmt.Println("wrote", n == size, "err:", err)

	done := make(chan bool)
	go func() { done <- debug.SetPanicOnFault(false) }()
	fmt.Println("new goroutine's setting:", <-done)
	fmt.Println("previous:", debug.SetPanicOnFault(false))
	fmt.Println("after:", debug.SetPanicOnFault(false))
}
