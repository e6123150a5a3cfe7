// wrap: fill paragraphs to a width, justify them and number the lines.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"
)

const input = `Go is an open source programming language that makes it simple to build secure,
scalable systems.

The language is expressive, concise, clean, and efficient. Its concurrency mechanisms
make it easy to write programs that get the most out of multicore and networked
machines, while its novel type system enables flexible and modular program
construction.

Go compiles quickly to machine code yet has the convenience of garbage collection and
the power of run-time reflection.`

func paragraphs(s string) [][]string {
	var out [][]string
	var cur []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.Fields(line)...)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func fill(words []string, width int) [][]string {
	var lines [][]string
	var cur []string
	n := 0
	for _, w := range words {
		if n > 0 && n+1+len(w) > width {
			lines = append(lines, cur)
			cur, n = nil, 0
		}
		if n > 0 {
			n++
		}
		cur = append(cur, w)
		n += len(w)
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

func justify(words []string, width int) string {
	if len(words) == 1 {
		return words[0]
	}
	total := 0
	for _, w := range words {
		total += len(w)
	}
	gaps := len(words) - 1
	spaces := width - total
	var b strings.Builder
	for i, w := range words {
		b.WriteString(w)
		if i < gaps {
			n := spaces / gaps
			if i < spaces%gaps {
				n++
			}
			b.WriteString(strings.Repeat(" ", n))
		}
	}
	return b.String()
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	ln := 0
	for i, p := range paragraphs(input) {
		if i > 0 {
			fmt.Fprintln(w)
		}
		lines := fill(p, 40)
		for j, l := range lines {
			ln++
			text := strings.Join(l, " ")
			if j < len(lines)-1 {
				text = justify(l, 40)
			}
			fmt.Fprintf(w, "%3d |%-40s| %d\n", ln, text, capitals(text))
		}
	}
	fmt.Fprintf(w, "%d lines\n", ln)
}
