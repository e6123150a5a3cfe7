// run

// //go:embed of a file into a string and a []byte variable (and into defined types of
// those), the patterns resolved relative to the source file's directory, as the go
// command resolves them: quoted patterns, globs, several directives on one variable.
package main

import (
	_ "embed"
	"fmt"
)

//go:embed testdata/embed/hello.txt
var hello string

//go:embed "testdata/embed/sub/b.bin"
var data []byte

type text string

//go:embed testdata/embed/h*.txt
var greeting text

type blob []byte

//go:embed `testdata/embed/sub/*`
//go:embed testdata/embed/sub/b.bin
var b blob

func main() {
	fmt.Printf("%q %d\n", hello, len(hello))
	fmt.Printf("%q %d %d\n", data, len(data), cap(data))
	data[0] = 'B' // a variable's own copy
	fmt.Printf("%q %v %q\n", data, greeting == text(hello), b)
}
