// run

// math/rand's seeded sequences are gc's: the default source seeded with 1, Seed,
// New(NewSource(s)), and every method's draws.
package main

import (
	"fmt"
	"math"
	"math/rand"
)

func main() {
	// The package-level source starts as Seed(1).
	fmt.Println(rand.Int(), rand.Intn(100), rand.Int63(), rand.Int31n(10), rand.Float64())
	rand.Seed(42)
	fmt.Println(rand.Intn(1000), rand.Int31(), rand.Uint32(), rand.Uint64(), rand.Int63n(1e12))
	fmt.Println(rand.Perm(10), rand.Float32())
	a := []string{"a", "b", "c", "d", "e", "f", "g"}
	rand.Shuffle(len(a), func(i, j int) { a[i], a[j] = a[j], a[i] })
	fmt.Println(a)

	for _, seed := range []int64{0, 1, -1, 7, 1 << 40, math.MinInt64, math.MaxInt64, 2147483647} {
		r := rand.New(rand.NewSource(seed))
		fmt.Println(seed, r.Int63(), r.Uint64(), r.Intn(7), r.Intn(1<<40), r.Int63n(3), r.Int31n(1<<20))
	}

	r := rand.New(rand.NewSource(99))
	sum := 0.0
	for i := 0; i < 10000; i++ {
		sum += r.Float64()
	}
	fmt.Printf("%.10f %x\n", sum, math.Float64bits(sum))
	var norm, exp [8]float64
	for i := range norm {
		norm[i] = r.NormFloat64()
		exp[i] = r.ExpFloat64()
	}
	fmt.Println(norm)
	fmt.Println(exp)
	nsum, esum := 0.0, 0.0
	for i := 0; i < 20000; i++ {
		nsum += r.NormFloat64()
		esum += r.ExpFloat64()
	}
	fmt.Println(math.Float64bits(nsum), math.Float64bits(esum))

	buf := make([]byte, 13)
	r.Read(buf[:5])
	r.Read(buf[5:])
	fmt.Println(buf)
	r.Seed(5)
	n, err := r.Read(buf)
	fmt.Println(n, err, buf)

	z := rand.NewZipf(r, 1.5, 2, 1000)
	var zs []uint64
	for i := 0; i < 12; i++ {
		zs = append(zs, z.Uint64())
	}
	fmt.Println(zs, rand.NewZipf(r, 1, 1, 10) == nil)

	// A user-defined Source: Uint64 falls back to two Int63 draws.
	c := rand.New(&counter{})
	fmt.Println(c.Uint64(), c.Int(), c.Intn(10), c.Float64())

	big := make([]int, 50)
	for i := range big {
		big[i] = i
	}
	r.Shuffle(len(big), func(i, j int) { big[i], big[j] = big[j], big[i] })
	fmt.Println(big)
	fmt.Println(r.Perm(0), r.Perm(1))

	defer func() { fmt.Println("recovered:", recover()) }()
	r.Intn(0)
}

type counter struct{ n int64 }

func (c *counter) Int63() int64 {
	c.n += 0x123456789
	return c.n
}

func (c *counter) Seed(s int64) { c.n = s }
