// Command tabwriter_check checks text/tabwriter's alignment, flags and escapes.
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

func table(minwidth, tabwidth, padding int, padchar byte, flags uint, text string) {
	w := tabwriter.NewWriter(os.Stdout, minwidth, tabwidth, padding, padchar, flags)
	fmt.Fprint(w, text)
	if err := w.Flush(); err != nil {
		fmt.Println("flush:", err)
	}
	fmt.Println("--")
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 0, fmt.Errorf("disk full") }

func main() {
	rows := "a\tbbb\tc\n" + "aaaa\tb\tccc\n" + "aa\t\tc\n" + "no tabs here\n" + "x\ty\n"
	table(0, 8, 1, ' ', 0, rows)
	table(0, 8, 1, ' ', tabwriter.AlignRight, rows)
	table(5, 8, 2, '.', tabwriter.Debug, rows)
	table(0, 8, 1, '\t', 0, rows)
	table(0, 4, 1, '\t', tabwriter.TabIndent, "\t\tindented\n\tone\n")
	table(0, 8, 1, ' ', tabwriter.DiscardEmptyColumns, "a\t\tb\n\t\tc\n")
	table(0, 8, 1, ' ', 0, "a\t\tb\n\t\tc\n")
	table(0, 8, 1, '-', tabwriter.FilterHTML, "<b>bold</b>\t&amp;x\tz\nw\tv\tu\n")
	table(0, 8, 1, '-', 0, "\xffa\tb\xff\tc\nd\te\n")
	table(0, 8, 1, '-', tabwriter.StripEscape, "\xffa\tb\xff\tc\nd\te\n")
	table(0, 8, 1, '*', tabwriter.Debug, "a\tb\fcc\tdd\n\vx\vyy\n")
	table(0, 8, 1, ' ', 0, "héllo\twörld\tend\nab\tc\td\nunterminated\tcell")
	w := tabwriter.NewWriter(failWriter{}, 0, 8, 1, ' ', 0)
	fmt.Fprint(w, "a\tb\n")
	fmt.Println("flush error:", w.Flush())
	defer func() { fmt.Println("recovered:", recover()) }()
	tabwriter.NewWriter(os.Stdout, -1, 8, 1, ' ', 0)
}
