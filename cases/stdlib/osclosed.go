// run

// Reading or writing a closed *os.File fails with gc's *PathError, whose Err is
// os.ErrClosed: `write NAME: file already closed`.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir, err := os.MkdirTemp("", "osclosed")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "f.txt")
	f, err := os.Create(name)
	if err != nil {
		fmt.Println(err)
		return
	}
	f.WriteString("x")
	fmt.Println(f.Close())
	_, werr := f.Write([]byte("y"))
	_, rerr := f.Read(make([]byte, 1))
	for _, e := range []error{werr, rerr, f.Close()} {
		var pe *os.PathError
		fmt.Println(errors.As(e, &pe) && pe.Path == name, pe.Op, pe.Err, errors.Is(e, os.ErrClosed))
	}
}
