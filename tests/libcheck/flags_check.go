// Command flags_check checks flag's parsing, errors and usage text.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type listValue []string

func (l *listValue) String() string     { return strings.Join(*l, ",") }
func (l *listValue) Set(s string) error { *l = append(*l, s); return nil }

func parse(args ...string) {
	var out strings.Builder
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	fs.SetOutput(&out)
	b := fs.Bool("v", false, "verbose `output`")
	n := fs.Int("n", 100, "number of iterations")
	i64 := fs.Int64("big", -1, "a big one")
	u := fs.Uint("u", 7, "unsigned")
	u64 := fs.Uint64("u64", 0, "unsigned 64")
	s := fs.String("name", "gopher", "the `NAME` to use\nover two lines")
	f := fs.Float64("f", 2.5, "a float")
	d := fs.Duration("d", time.Second, "a duration")
	var l listValue
	fs.Var(&l, "l", "a list")
	var seen []string
	fs.Func("fn", "a func flag", func(v string) error {
		if v == "bad" {
			return errors.New("bad value")
		}
		seen = append(seen, v)
		return nil
	})
	err := fs.Parse(args)
	fmt.Printf("%q -> err=%v\n", args, err)
	fmt.Println(" ", *b, *n, *i64, *u, *u64, *s, *f, *d, l, seen, fs.Args(), fs.NArg(), fs.NFlag(), fs.Arg(0), fs.Parsed())
	var set []string
	fs.Visit(func(fl *flag.Flag) { set = append(set, fl.Name+"="+fl.Value.String()) })
	fmt.Println("  set:", set)
	if out.Len() > 0 {
		fmt.Print(out.String())
	}
}

func main() {
	n := flag.Int("iter", 3, "iterations")
	flag.Parse()
	fmt.Println(*n, flag.NArg(), flag.Parsed(), flag.Lookup("iter").DefValue, flag.Lookup("x") == nil)
	fmt.Println(flag.Set("iter", "9"), *n, flag.NFlag(), flag.Set("nope", "1"))

	parse()
	parse("-v", "-n=5", "--big", "-7", "-u", "0x10", "-name", "x", "-f=1e3", "-d", "1m30s", "rest", "-n", "6")
	parse("-l", "a", "-l=b", "-fn", "one", "-fn=two", "--", "-v")
	parse("-v=false", "-n", "0777")
	parse("-n", "abc")
	parse("-u", "-1")
	parse("-n", "99999999999999999999")
	parse("-v=maybe")
	parse("-d", "soon")
	parse("-fn", "bad")
	parse("-n")
	parse("-nosuch")
	parse("---x")
	parse("-=x")
	parse("-h")
	parse("-", "x")

	var out strings.Builder
	fs := flag.NewFlagSet("p", flag.PanicOnError)
	fs.SetOutput(&out)
	fs.Int("a", 1, "")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fs.Parse([]string{"-a", "x"})
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fs.Int("a", 2, "again")
	}()
	fmt.Print(out.String())
	fs.Init("renamed", flag.ContinueOnError)
	fmt.Println(fs.Name(), fs.ErrorHandling() == flag.ContinueOnError)
	flag.CommandLine.SetOutput(os.Stdout)
	flag.PrintDefaults()
}
