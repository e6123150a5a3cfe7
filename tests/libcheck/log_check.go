// Command log_check checks package log's line format, flags and Fatal.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"
)

func mask(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return 'N'
		}
		return r
	}, s)
}

func helper(l *log.Logger) { l.Output(2, "from helper") }

func main() {
	fmt.Println(log.Flags(), log.Prefix() == "", log.Writer() == os.Stderr, log.LstdFlags, log.Ldate,
		log.Ltime, log.Lmicroseconds, log.Llongfile, log.Lshortfile, log.LUTC, log.Lmsgprefix)
	log.SetFlags(0)
	log.Print("plain", 1, 2, "x")
	log.Printf("formatted %d\n", 3)
	log.Println("line", 4)
	log.Print()
	log.SetPrefix("[pre] ")
	log.Print("with prefix")
	log.SetFlags(log.Lmsgprefix)
	log.Print("msg prefix")
	log.SetFlags(log.Lshortfile)
	log.Print("short file")
	log.SetFlags(log.Lshortfile | log.Lmsgprefix)
	log.Printf("short %s", "msgprefix")
	var sb strings.Builder
	l := log.New(&sb, "L: ", log.LstdFlags|log.Lmicroseconds|log.LUTC)
	l.Print("dated")
	l.SetFlags(log.Ldate)
	l.Print("date only")
	l.SetFlags(log.Ltime | log.Lshortfile)
	l.Println("time and file")
	helper(l)
	l.SetPrefix("")
	l.SetFlags(0)
	l.Printf("%q", "quoted")
	fmt.Print(mask(sb.String()))
	fmt.Println(l.Flags(), l.Prefix(), l.Writer() == &sb)
	var sb2 strings.Builder
	log.SetOutput(&sb2)
	log.SetFlags(log.LstdFlags)
	log.SetPrefix("")
	log.Print("std to builder")
	fmt.Print(mask(sb2.String()))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		l.Panicf("panic %d", 5)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.Panicln("panic", "ln")
	}()
	fmt.Print(mask(sb.String()))
	log.SetOutput(os.Stderr)
	log.SetFlags(0)
	log.Fatalf("fatal %s", "error")
	fmt.Println("not reached")
}
