// Package log writes timestamped lines to standard error (or any io.Writer),
// with Fatal functions that exit and Panic functions that panic.
//
//	log.SetFlags(log.Lshortfile)
//	log.Printf("x=%d", 1)         // "main.go:12: x=1\n" on stderr
//	log.Fatal("cannot continue")  // prints, then os.Exit(1)
//
// Dates and times are UTC (refgo has no time zones).
package log

import (
	"fmt"
	"io"
	"os"
	"time"
)

// Flags select the line prefix.
const (
	Ldate         = 1 << iota // 2009/01/23
	Ltime                     // 01:23:23
	Lmicroseconds             // 01:23:23.123123 (implies Ltime)
	Llongfile                 // /a/b/c/d.go:23
	Lshortfile                // d.go:23 (overrides Llongfile)
	LUTC                      // UTC (refgo's times always are)
	Lmsgprefix                // the prefix goes before the message, not the line
	LstdFlags     = Ldate | Ltime
)

// A Logger writes lines to an io.Writer, each with a prefix and a header.
type Logger struct {
	prefix string
	flag   int
	out    io.Writer
}

// New returns a Logger writing to out with the given prefix and flags.
func New(out io.Writer, prefix string, flag int) *Logger {
	return &Logger{prefix: prefix, flag: flag, out: out}
}

var std = New(os.Stderr, "", LstdFlags)

// Default returns the standard logger.
func Default() *Logger { return std }

// pad appends i with at least wid digits.
func pad(b []byte, i int, wid int) []byte {
	var tmp [20]byte
	n := len(tmp)
	for i >= 10 || wid > 1 {
		wid--
		n--
		tmp[n] = byte('0' + i%10)
		i /= 10
	}
	n--
	tmp[n] = byte('0' + i)
	return append(b, tmp[n:]...)
}

// header appends the prefix, date, time and file:line of a line.
func (l *Logger) header(b []byte, t time.Time, file string, line int) []byte {
	if l.flag&Lmsgprefix == 0 {
		b = append(b, l.prefix...)
	}
	if l.flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		if l.flag&Ldate != 0 {
			year, month, day := t.Date()
			b = pad(b, year, 4)
			b = append(b, '/')
			b = pad(b, int(month), 2)
			b = append(b, '/')
			b = pad(b, day, 2)
			b = append(b, ' ')
		}
		if l.flag&(Ltime|Lmicroseconds) != 0 {
			hour, min, sec := t.Clock()
			b = pad(b, hour, 2)
			b = append(b, ':')
			b = pad(b, min, 2)
			b = append(b, ':')
			b = pad(b, sec, 2)
			if l.flag&Lmicroseconds != 0 {
				b = append(b, '.')
				b = pad(b, t.Nanosecond()/1000, 6)
			}
			b = append(b, ' ')
		}
	}
	if l.flag&(Lshortfile|Llongfile) != 0 {
		if l.flag&Lshortfile != 0 {
			for i := len(file) - 1; i > 0; i-- {
				if file[i] == '/' {
					file = file[i+1:]
					break
				}
			}
		}
		b = append(b, file...)
		b = append(b, ':')
		b = pad(b, line, -1)
		b = append(b, ": "...)
	}
	if l.flag&Lmsgprefix != 0 {
		b = append(b, l.prefix...)
	}
	return b
}

// Output writes one line: the header and s, with a newline added if missing.
// calldepth counts the frames between the caller to name and Output (1 = the
// caller of Output) for Lshortfile and Llongfile.
func (l *Logger) Output(calldepth int, s string) error {
	now := time.Now()
	file, line := "???", 0
	if l.flag&(Lshortfile|Llongfile) != 0 {
		if _, f, n := callerFrame(calldepth); f != "" {
			file, line = f, n
		}
	}
	b := l.header(nil, now, file, line)
	b = append(b, s...)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		b = append(b, '\n')
	}
	_, err := l.out.Write(b)
	return err
}

// Print logs its operands as fmt.Sprint formats them.
func (l *Logger) Print(v ...any) { l.Output(2, fmt.Sprint(v...)) }

// Printf logs its operands as fmt.Sprintf formats them.
func (l *Logger) Printf(format string, v ...any) { l.Output(2, fmt.Sprintf(format, v...)) }

// Println logs its operands as fmt.Sprintln formats them.
func (l *Logger) Println(v ...any) { l.Output(2, fmt.Sprintln(v...)) }

// Fatal is Print followed by os.Exit(1).
func (l *Logger) Fatal(v ...any) {
	l.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf followed by os.Exit(1).
func (l *Logger) Fatalf(format string, v ...any) {
	l.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println followed by os.Exit(1).
func (l *Logger) Fatalln(v ...any) {
	l.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print followed by a panic with the message.
func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.Output(2, s)
	panic(s)
}

// Panicf is Printf followed by a panic with the message.
func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.Output(2, s)
	panic(s)
}

// Panicln is Println followed by a panic with the message.
func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.Output(2, s)
	panic(s)
}

// Flags returns the logger's flags.
func (l *Logger) Flags() int { return l.flag }

// SetFlags sets the logger's flags.
func (l *Logger) SetFlags(flag int) { l.flag = flag }

// Prefix returns the logger's prefix.
func (l *Logger) Prefix() string { return l.prefix }

// SetPrefix sets the logger's prefix.
func (l *Logger) SetPrefix(prefix string) { l.prefix = prefix }

// Writer returns the logger's destination.
func (l *Logger) Writer() io.Writer { return l.out }

// SetOutput sets the logger's destination.
func (l *Logger) SetOutput(w io.Writer) { l.out = w }

// SetOutput sets the standard logger's destination.
func SetOutput(w io.Writer) { std.out = w }

// Flags returns the standard logger's flags.
func Flags() int { return std.flag }

// SetFlags sets the standard logger's flags.
func SetFlags(flag int) { std.flag = flag }

// Prefix returns the standard logger's prefix.
func Prefix() string { return std.prefix }

// SetPrefix sets the standard logger's prefix.
func SetPrefix(prefix string) { std.prefix = prefix }

// Writer returns the standard logger's destination.
func Writer() io.Writer { return std.out }

// Output writes a line through the standard logger (see Logger.Output).
func Output(calldepth int, s string) error { return std.Output(calldepth+1, s) }

// Print logs through the standard logger as fmt.Sprint formats.
func Print(v ...any) { std.Output(2, fmt.Sprint(v...)) }

// Printf logs through the standard logger as fmt.Sprintf formats.
func Printf(format string, v ...any) { std.Output(2, fmt.Sprintf(format, v...)) }

// Println logs through the standard logger as fmt.Sprintln formats.
func Println(v ...any) { std.Output(2, fmt.Sprintln(v...)) }

// Fatal is Print followed by os.Exit(1).
func Fatal(v ...any) {
	std.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf followed by os.Exit(1).
func Fatalf(format string, v ...any) {
	std.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println followed by os.Exit(1).
func Fatalln(v ...any) {
	std.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print followed by a panic with the message.
func Panic(v ...any) {
	s := fmt.Sprint(v...)
	std.Output(2, s)
	panic(s)
}

// Panicf is Printf followed by a panic with the message.
func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	std.Output(2, s)
	panic(s)
}

// Panicln is Println followed by a panic with the message.
func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	std.Output(2, s)
	panic(s)
}
