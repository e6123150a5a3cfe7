// run

package main

func main() {
	var u uint64 = 1<<63 + 12345
	f := float64(u)
	println(f, uint64(f), int64(-f/1e18))
	var f32 float32 = 16777217
	println(f32, f32*2, f32/3)
	var i8 int8 = -5
	println(float32(i8), uint8(i8), uint16(i8), int64(i8))
	d := 7.9
	println(int(d), uint(d), int8(d), -int(d))
	var big uint32 = 4000000000
	println(float64(big), float32(big), int32(big))
	h := 0.1 + 0.2
	println(h == 0.3, h > 0.3, float32(h) == float32(0.3))
	var r rune = 'é'
	println(r, string(r), byte(r))
}
