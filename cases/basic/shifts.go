// run

package main

func main() {
	var x int8 = -64
	var u uint8 = 0x81
	for _, s := range []uint{0, 1, 3, 7, 8, 9, 64, 200} {
		println(s, x>>s, x<<s, u>>s, u<<s)
	}
	var big int64 = -1 << 40
	var n uint32 = 1
	println(big>>20, uint64(big)>>60, n<<31, n<<32)
	k := 5
	println(1<<k, -1<<k, 1024>>k)
}
