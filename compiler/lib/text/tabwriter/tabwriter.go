// Package tabwriter aligns the tab-terminated cells of consecutive lines into columns
// (elastic tabstops), as Go 1.19's text/tabwriter does, e.g.
//
//	w := tabwriter.NewWriter(os.Stdout, 0, 0, 1, ' ', tabwriter.AlignRight)
//	fmt.Fprintln(w, "a\tbbb\t")
//	fmt.Fprintln(w, "cc\td\t")
//	w.Flush()   // "  a bbb\n cc   d\n"
//
// A column block is a run of consecutive lines that all have a cell in that column;
// its width is the widest cell plus padding. Text is buffered until a newline ends a
// line whose cells close every open column block (or until Flush).
package tabwriter

import (
	"io"
	"unicode/utf8"
)

// A cell is a text segment of a line, terminated by a tab (or the line's end).
type cell struct {
	size  int  // bytes of the cell
	width int  // runes of the cell's text
	htab  bool // terminated by '\t' (not '\v')
}

// Formatting flags.
const (
	FilterHTML uint = 1 << iota
	StripEscape
	AlignRight
	DiscardEmptyColumns
	TabIndent
	Debug
)

// Escape is the byte that starts and ends escaped text, passed through unchanged.
const Escape = '\xff'

// Writer is a filter that aligns its input's tab-terminated cells.
type Writer struct {
	output   io.Writer
	minwidth int
	tabwidth int
	padding  int
	padbytes [8]byte
	flags    uint

	buf     []byte
	pos     int
	cell    cell
	endChar byte
	lines   [][]cell
	widths  []int
}

func (b *Writer) addLine(flushed bool) {
	if n := len(b.lines) + 1; n <= cap(b.lines) {
		b.lines = b.lines[:n]
		b.lines[n-1] = b.lines[n-1][:0]
	} else {
		b.lines = append(b.lines, nil)
	}
	if !flushed && len(b.lines) >= 2 {
		if n := len(b.lines[len(b.lines)-2]); n > cap(b.lines[len(b.lines)-1]) {
			b.lines[len(b.lines)-1] = make([]cell, 0, n)
		}
	}
}

func (b *Writer) reset() {
	b.buf = b.buf[:0]
	b.pos = 0
	b.cell = cell{}
	b.endChar = 0
	b.lines = b.lines[0:0]
	b.widths = b.widths[0:0]
	b.addLine(true)
}

// Init initializes b: cells are at least minwidth wide (padding included), a tab
// counts tabwidth cells when padchar is '\t', padding is added to each cell's width.
func (b *Writer) Init(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	if minwidth < 0 || tabwidth < 0 || padding < 0 {
		panic("negative minwidth, tabwidth, or padding")
	}
	b.output = output
	b.minwidth = minwidth
	b.tabwidth = tabwidth
	b.padding = padding
	for i := range b.padbytes {
		b.padbytes[i] = padchar
	}
	if padchar == '\t' {
		flags &^= AlignRight
	}
	b.flags = flags
	b.reset()
	return b
}

// NewWriter allocates and initializes a new Writer.
func NewWriter(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	return new(Writer).Init(output, minwidth, tabwidth, padding, padchar, flags)
}

// osError carries a write error out of the formatting code as a panic.
type osError struct {
	err error
}

func (b *Writer) write0(buf []byte) {
	n, err := b.output.Write(buf)
	if n != len(buf) && err == nil {
		err = io.ErrShortWrite
	}
	if err != nil {
		panic(osError{err})
	}
}

func (b *Writer) writeN(src []byte, n int) {
	for n > len(src) {
		b.write0(src)
		n -= len(src)
	}
	b.write0(src[0:n])
}

var (
	newline = []byte{'\n'}
	tabs    = []byte("\t\t\t\t\t\t\t\t")
	vbar    = []byte{'|'}
)

func (b *Writer) writePadding(textw, cellw int, useTabs bool) {
	if b.padbytes[0] == '\t' || useTabs {
		if b.tabwidth == 0 {
			return
		}
		cellw = (cellw + b.tabwidth - 1) / b.tabwidth * b.tabwidth
		n := cellw - textw
		if n < 0 {
			panic("internal error")
		}
		b.writeN(tabs, (n+b.tabwidth-1)/b.tabwidth)
		return
	}
	b.writeN(b.padbytes[0:], cellw-textw)
}

func (b *Writer) writeLines(pos0 int, line0, line1 int) (pos int) {
	pos = pos0
	for i := line0; i < line1; i++ {
		line := b.lines[i]
		useTabs := b.flags&TabIndent != 0
		for j, c := range line {
			if j > 0 && b.flags&Debug != 0 {
				b.write0(vbar)
			}
			if c.size == 0 {
				if j < len(b.widths) {
					b.writePadding(c.width, b.widths[j], useTabs)
				}
			} else {
				useTabs = false
				if b.flags&AlignRight == 0 {
					b.write0(b.buf[pos : pos+c.size])
					pos += c.size
					if j < len(b.widths) {
						b.writePadding(c.width, b.widths[j], false)
					}
				} else {
					if j < len(b.widths) {
						b.writePadding(c.width, b.widths[j], false)
					}
					b.write0(b.buf[pos : pos+c.size])
					pos += c.size
				}
			}
		}
		if i+1 == len(b.lines) {
			b.write0(b.buf[pos : pos+b.cell.size])
			pos += b.cell.size
		} else {
			b.write0(newline)
		}
	}
	return
}

// format lays out the column block starting at column len(b.widths) over lines
// line0..line1 and returns the buffer position after them.
func (b *Writer) format(pos0 int, line0, line1 int) (pos int) {
	pos = pos0
	column := len(b.widths)
	for this := line0; this < line1; this++ {
		line := b.lines[this]
		if column >= len(line)-1 {
			continue
		}
		pos = b.writeLines(pos, line0, this)
		line0 = this
		width := b.minwidth
		discardable := true
		for ; this < line1; this++ {
			line = b.lines[this]
			if column >= len(line)-1 {
				break
			}
			c := line[column]
			if w := c.width + b.padding; w > width {
				width = w
			}
			if c.width > 0 || c.htab {
				discardable = false
			}
		}
		if discardable && b.flags&DiscardEmptyColumns != 0 {
			width = 0
		}
		b.widths = append(b.widths, width)
		pos = b.format(pos, line0, this)
		b.widths = b.widths[0 : len(b.widths)-1]
		line0 = this
	}
	return b.writeLines(pos, line0, line1)
}

func (b *Writer) append(text []byte) {
	b.buf = append(b.buf, text...)
	b.cell.size += len(text)
}

func (b *Writer) updateWidth() {
	b.cell.width += utf8.RuneCount(b.buf[b.pos:])
	b.pos = len(b.buf)
}

// To escape a text segment, bracket it with Escape characters.
func (b *Writer) startEscape(ch byte) {
	if ch == Escape {
		b.endChar = Escape
	} else if ch == '<' {
		b.endChar = '>'
	} else if ch == '&' {
		b.endChar = ';'
	}
}

func (b *Writer) endEscape() {
	// do NOT make this a switch: refgo compares a byte tag with case '\xff' as -1.
	if b.endChar == Escape {
		b.updateWidth()
		if b.flags&StripEscape == 0 {
			b.cell.width -= 2
		}
	} else if b.endChar == ';' {
		b.cell.width++
	}
	b.pos = len(b.buf)
	b.endChar = 0
}

func (b *Writer) terminateCell(htab bool) int {
	b.cell.htab = htab
	line := &b.lines[len(b.lines)-1]
	*line = append(*line, b.cell)
	b.cell = cell{}
	return len(*line)
}

func (b *Writer) handlePanic(err *error, op string) {
	if e := recover(); e != nil {
		if op == "Flush" {
			b.reset()
		}
		if nerr, ok := e.(osError); ok {
			*err = nerr.err
			return
		}
		panic("tabwriter: panic during " + op)
	}
}

// Flush should be called after the last call to Write to ensure that any data
// buffered in the Writer is written to output.
func (b *Writer) Flush() error {
	return b.flush()
}

func (b *Writer) flush() (err error) {
	defer b.handlePanic(&err, "Flush")
	b.flushNoDefers()
	return nil
}

func (b *Writer) flushNoDefers() {
	if b.cell.size > 0 {
		if b.endChar != 0 {
			b.endEscape()
		}
		b.terminateCell(false)
	}
	b.format(0, 0, len(b.lines))
	b.reset()
}

var hbar = []byte("---\n")

// Write writes buf to the writer b; the only errors returned are the underlying
// output's.
func (b *Writer) Write(buf []byte) (n int, err error) {
	defer b.handlePanic(&err, "Write")
	n = 0
	for i, ch := range buf {
		if b.endChar == 0 && ch == Escape {
			// do NOT make this a case of the switch below (see endEscape).
			b.append(buf[n:i])
			b.updateWidth()
			n = i
			if b.flags&StripEscape != 0 {
				n++
			}
			b.startEscape(Escape)
		} else if b.endChar == 0 {
			switch ch {
			case '\t', '\v', '\n', '\f':
				b.append(buf[n:i])
				b.updateWidth()
				n = i + 1
				ncells := b.terminateCell(ch == '\t')
				if ch == '\n' || ch == '\f' {
					b.addLine(ch == '\f')
					if ch == '\f' || ncells == 1 {
						b.flushNoDefers()
						if ch == '\f' && b.flags&Debug != 0 {
							b.write0(hbar)
						}
					}
				}
			case '<', '&':
				if b.flags&FilterHTML != 0 {
					b.append(buf[n:i])
					b.updateWidth()
					n = i
					b.startEscape(ch)
				}
			}
		} else {
			if ch == b.endChar {
				j := i + 1
				if ch == Escape && b.flags&StripEscape != 0 {
					j = i
				}
				b.append(buf[n:j])
				n = i + 1
				b.endEscape()
			}
		}
	}
	b.append(buf[n:])
	n = len(buf)
	return
}
