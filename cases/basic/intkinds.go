// run

package main

func main() {
	var a int8 = 127
	a++
	println(a)
	var b uint8 = 0
	b--
	println(b)
	var c int16 = -32768
	c--
	println(c)
	var d uint32 = 1 << 31
	d *= 2
	println(d)
	var e int64 = 1 << 62
	println(e * 2)
	var f uint64 = 1<<64 - 1
	println(f, f/3, f%10)
	var g int32 = -7
	println(g/2, g%2, g>>1, uint32(g)>>28)
	h := byte(200)
	println(h+h, int(h)+int(h))
	var s uint = 70
	one := int64(1)
	println(1<<s, one<<63>>s, one<<62>>s)
}
