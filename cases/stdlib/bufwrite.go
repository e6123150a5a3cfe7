// run

package main

import (
	"bytes"
	"fmt"
)

// Writes within a Buffer's capacity take the reslice fast path, the others grow it;
// both keep what was written, also after reads and Reset.
func main() {
	var b bytes.Buffer
	for i := 0; i < 40; i++ {
		b.WriteByte(byte('a' + i%26))
		b.WriteString("-")
		b.Write([]byte{byte('0' + i%10)})
	}
	fmt.Println(b.Len(), b.String()[:30], b.String()[110:])
	var p [7]byte
	n, _ := b.Read(p[:])
	fmt.Println(n, string(p[:n]), b.Len())
	b.WriteString("tail")
	fmt.Println(b.Len(), b.String()[b.Len()-10:])
	b.Reset()
	fmt.Fprintf(&b, "%d %s %v", 42, "x", []int{1, 2})
	fmt.Println(b.String(), b.Cap() >= b.Len())
	b.Truncate(2)
	b.Write(make([]byte, 100))
	fmt.Println(b.Len(), b.String()[:2])
}
