// run

package main

// m[k] /= y and m[k] %= y read the element, divide, then store: a division by
// zero panics before the key is inserted. Other operators insert first.

import "fmt"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
}

func main() {
	zero := 0
	mi := map[int]int{7: 42}
	ms := map[string]int8{"x": -9}
	try("int /", func() { mi[1] /= zero })
	try("int %", func() { mi[2] %= zero })
	try("str /", func() { ms["y"] /= int8(zero) })
	try("str %", func() { ms["z"] %= int8(zero) })
	fmt.Println(len(mi), len(ms))
	mi[7] /= 5
	mi[8] %= 5
	ms["x"] %= 4
	ms["w"] /= -1
	fmt.Println(mi[7], mi[8], ms["x"], ms["w"], len(mi), len(ms))
	k := 3
	mi[k] += 2
	mi[k] <<= 3
	fmt.Println(mi[k], len(mi))
	mf := map[[2]int]float64{}
	mf[[2]int{1, 2}] /= 0
	fmt.Println(len(mf))
}
