// Command fmt_verbs prints basic values through every fmt verb, width and flag.
package main

import (
	"fmt"
	"math"
	"os"
)

type Celsius float64
type Count int
type Name string
type Flag bool
type Bytes []byte

func main() {
	ints := []any{0, 1, -1, 42, -42, 255, int8(-128), int16(300), int32(-70000), int64(math.MinInt64),
		uint(7), uint8(200), uint16(65535), uint32(1 << 31), uint64(math.MaxUint64), uintptr(4096),
		Count(-9)}
	intFormats := []string{"%v", "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%X", "%#x", "%#X",
		"%o", "%#o", "%O", "%b", "%#b", "%.3d", "%8.3d", "%-8.3d|", "%+.3d", "%08.3d", "%.0d", "%5.0d",
		"%c", "%q", "%+q", "%U", "%#U", "%#v", "%t", "%s", "%e", "%x|%X", "%+05d", "% 05d", "%-05d|",
		"%#08x", "%2d"}
	for _, f := range intFormats {
		for _, v := range ints {
			fmt.Printf(f+"\n", v)
		}
	}
	runes := []any{'a', 'é', '☺', '\n', rune(0x10FFFF + 1), '\x00', rune(0x1F600), '\'', 0xFEFF}
	for _, f := range []string{"%c", "%q", "%+q", "%#q", "%U", "%#U", "%x", "%-4c|", "%4q"} {
		for _, v := range runes {
			fmt.Printf(f+"\n", v)
		}
	}
	floats := []any{0.0, 1.0, -1.5, 3.14159265358979, 1e21, 1e20, 123456789.0, 1e-7, 0.000123,
		float32(0.1), float32(16777216.0), math.Inf(1), math.Inf(-1), math.NaN(), -0.0,
		math.MaxFloat64, math.SmallestNonzeroFloat64, Celsius(36.6), 100.0, 2.5e-5}
	floatFormats := []string{"%v", "%f", "%.2f", "%8.3f|", "%-8.3f|", "%08.3f", "%+f", "% f", "%e",
		"%E", "%.3e", "%g", "%G", "%.3g", "%#g", "%#.3g", "%#v", "%+v", "%05.2f", "%x", "%X", "%.3x",
		"%#f", "%#.0f", "%#e", "%.0e", "%F", "%10.4v|", "%-10v|", "%+010.2f", "%d", "%s", "%010v",
		"% .3e", "%+.0f", "%b"}
	for _, f := range floatFormats {
		for _, v := range floats {
			fmt.Printf(f+"\n", v)
		}
	}
	complexes := []any{complex(1, 2), complex(-1.5, -0.25), complex64(complex(3, 0)),
		complex(math.Inf(1), math.NaN())}
	for _, f := range []string{"%v", "%.2f", "%+v", "%e", "%g", "%8.1f", "%d"} {
		for _, v := range complexes {
			fmt.Printf(f+"\n", v)
		}
	}
	strs := []any{"", "hello", "héllo, 世界", "tab\there", "quote\"back\\slash", "\x00\x7f\xff",
		"`raw`", Name("named"), "\u2028ls", "\U0001F600"}
	strFormats := []string{"%v", "%s", "%q", "%+q", "%#q", "%x", "%X", "% x", "%#x", "%# X",
		"%10s|", "%-10s|", "%.3s", "%10.2s|", "%5q|", "%-12q|", "%.2q", "%010s", "%#v", "%d", "%T",
		"%.1x", "%8x|", "%-8x|", "%c", "%t"}
	for _, f := range strFormats {
		for _, v := range strs {
			fmt.Printf(f+"\n", v)
		}
	}
	byteVals := []any{[]byte("hi\n"), []byte(nil), []byte{}, Bytes("ab"), [3]byte{65, 66, 67},
		[]uint8{1, 2, 255}}
	for _, f := range []string{"%v", "%s", "%q", "%x", "%X", "% x", "%#x", "%d", "%#v", "%o",
		"%c", "%5s|", "%T", "%t", "%v|%s"} {
		for _, v := range byteVals {
			fmt.Printf(f+"\n", v)
		}
	}
	bools := []any{true, false, Flag(true)}
	for _, f := range []string{"%v", "%t", "%6t|", "%-6t|", "%d", "%q", "%#v", "%s"} {
		for _, v := range bools {
			fmt.Printf(f+"\n", v)
		}
	}
	fmt.Printf("%d %% %s\n", 1, "x")
	fmt.Printf("%5%|%-5%|\n")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2, "x", nil)
	fmt.Printf("%!\n", 1)
	fmt.Printf("%z %Z\n", 1, "s")
	fmt.Printf("%")
	fmt.Printf("\n%d %")
	fmt.Printf("\n%[2]d %[1]d\n", 1, 2)
	fmt.Printf("%[2]*[1]d|\n", 12, 5)
	fmt.Printf("%[3]d %[0]d %[x]d %[1]\n", 1, 2)
	fmt.Printf("%*d|%-*d|%.*f|\n", 5, 1, 5, 2, 2, 3.14159)
	fmt.Printf("%*d|\n", -5, 1)
	fmt.Printf("%*d|\n", "x", 1)
	fmt.Printf("%.*d|\n", -1, 1)
	fmt.Printf("%*d|\n", uint8(3), 1)
	fmt.Printf("%*d|\n", 10000000, 1)
	fmt.Printf("%v %v %v\n", nil, []any{nil, 1}, map[string]any{"a": nil})
	fmt.Printf("%d %s %x\n", nil, nil, nil)
	fmt.Printf("%T %T %T %T\n", nil, 1, "s", 2.5)
	fmt.Printf("%-+5d|%+-5d|%0-5d|%-05d|\n", 3, 3, 3, 3)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%.3v|%.10v|%10.3v|\n", "abcdef", "ab", "abcdef")
	fmt.Printf("%v\n", 'x')
	fmt.Printf("%ä\n", 1)
	fmt.Printf("%.d|%.f|%.s|\n", 0, 2.5, "abc")
	fmt.Printf("%1000001d\n", 1)
	fmt.Printf("%.1000001d|\n", 1)
	fmt.Fprintf(os.Stderr, "%s to stderr %d\n", "printf", 7)
	fmt.Println(fmt.Sprintf("%08b|%-8o|%#-8x|", 5, 8, 255))
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil, true, false))
	fmt.Println(fmt.Sprintln("x", 1, nil))
	fmt.Print("p", 1, 2, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print()
	fmt.Println()
	n, err := fmt.Println("count me")
	fmt.Println(n, err)
	n, err = fmt.Printf("%d-%s\n", 12, "ab")
	fmt.Println(n, err)
	n, err = fmt.Fprint(os.Stderr, "to stderr", 1, "\n")
	fmt.Println(n, err)
	fmt.Fprintln(os.Stdout, "fprintln", 1, 2.5, true)
	b := fmt.Appendf([]byte("pre:"), "%d", 5)
	fmt.Println(string(b))
}
