// Command os_exit checks os.Args, the standard streams and os.Exit.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	defer fmt.Println("deferred: must not print")
	fmt.Println(len(os.Args) > 0, os.Args[1:])
	for i, a := range os.Args[1:] {
		fmt.Printf("arg %d = %q\n", i, a)
	}
	fmt.Println(os.Stdout.Name(), os.Stderr.Name(), os.Stdin.Name(), os.Stdout.Fd(), os.Stderr.Fd())
	n, err := os.Stdout.Write([]byte("raw write\n"))
	fmt.Println(n, err)
	n, err = os.Stderr.WriteString("stderr write\n")
	fmt.Println(n, err)
	var w io.Writer = os.Stderr
	fmt.Fprintf(w, "via io.Writer %d\n", 1)
	io.WriteString(os.Stdout, "io.WriteString\n")
	v, ok := os.LookupEnv("REFGO_LIBCHECK_UNSET")
	fmt.Printf("%q %v %q\n", v, ok, os.Getenv("REFGO_LIBCHECK_UNSET"))
	fmt.Println(os.Setenv("REFGO_X", "1"), os.Getenv("REFGO_X"), os.Setenv("REFGO_X", "two=2"),
		os.Getenv("REFGO_X"))
	v, ok = os.LookupEnv("REFGO_X")
	fmt.Println(v, ok, os.Setenv("", "x"), os.Setenv("A=B", "x"), os.Setenv("K", "a\x00b"))
	count := 0
	for _, kv := range os.Environ() {
		if kv == "REFGO_X=two=2" {
			count++
		}
	}
	fmt.Println(count, os.Unsetenv("REFGO_X"), os.Getenv("REFGO_X") == "", len(os.Environ()) > 0)
	fmt.Println(os.Getenv("PATH") != "" || os.Getenv("HOME") != "")
	os.Clearenv()
	fmt.Println(len(os.Environ()), os.Getenv("PATH"))
	fmt.Fprint(os.Stdout, "no newline at exit")
	os.Exit(3)
}
