// Package rand is Go 1.19's math/rand: pseudo-random numbers whose sequences
// for a given seed are exactly gc's.
//
//	rand.Seed(42)
//	rand.Intn(100), rand.Float64(), rand.Perm(5)
//	r := rand.New(rand.NewSource(7))
//	r.Shuffle(len(a), func(i, j int) { a[i], a[j] = a[j], a[i] })
//
// As in Go 1.19 the package-level functions share one source seeded with 1
// until Seed is called. refgo has no goroutines, so the shared source needs no
// lock.
package rand

import "math"

// A Source is a uniformly distributed stream of non-negative int64 values.
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// A Source64 is a Source that also yields uniform uint64 values directly.
type Source64 interface {
	Source
	Uint64() uint64
}

// NewSource returns a new source seeded with seed (Go 1.19's generator).
func NewSource(seed int64) Source {
	rng := new(rngSource)
	rng.Seed(seed)
	return rng
}

// A Rand draws random numbers of several kinds from a Source.
type Rand struct {
	src Source
	s64 Source64 // src, if it is a Source64

	// Read's leftover bytes: the value they come from and how many remain.
	readVal int64
	readPos int8
}

// New returns a Rand drawing from src.
func New(src Source) *Rand {
	s64, _ := src.(Source64)
	return &Rand{src: src, s64: s64}
}

// Seed reseeds the source (and forgets Read's leftover bytes).
func (r *Rand) Seed(seed int64) {
	r.src.Seed(seed)
	r.readPos = 0
}

// Int63 returns a non-negative pseudo-random 63-bit integer.
func (r *Rand) Int63() int64 { return r.src.Int63() }

// Uint32 returns a pseudo-random 32-bit value.
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

// Uint64 returns a pseudo-random 64-bit value.
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	return uint64(r.Int63())>>31 | uint64(r.Int63())<<32
}

// Int31 returns a non-negative pseudo-random 31-bit integer.
func (r *Rand) Int31() int32 { return int32(r.Int63() >> 32) }

// Int returns a non-negative pseudo-random int.
func (r *Rand) Int() int { return int(uint(r.Int63()) << 1 >> 1) }

// Int63n returns a pseudo-random number in [0, n); it panics if n <= 0.
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	// Reject the top partial block so every residue is equally likely.
	max := int64(1<<63 - 1 - (1<<63)%uint64(n))
	v := r.Int63()
	for v > max {
		v = r.Int63()
	}
	return v % n
}

// Int31n returns a pseudo-random number in [0, n); it panics if n <= 0.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	max := int32(1<<31 - 1 - (1<<31)%uint32(n))
	v := r.Int31()
	for v > max {
		v = r.Int31()
	}
	return v % n
}

// int31n returns a pseudo-random number in [0, n), n > 0, by Lemire's
// multiply-and-reject method (Shuffle's, which differs from Int31n's).
func (r *Rand) int31n(n int32) int32 {
	v := r.Uint32()
	prod := uint64(v) * uint64(n)
	low := uint32(prod)
	if low < uint32(n) {
		thresh := uint32(-n) % uint32(n)
		for low < thresh {
			v = r.Uint32()
			prod = uint64(v) * uint64(n)
			low = uint32(prod)
		}
	}
	return int32(prod >> 32)
}

// Intn returns a pseudo-random number in [0, n); it panics if n <= 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= 1<<31-1 {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}

// Float64 returns a pseudo-random number in [0.0, 1.0).
func (r *Rand) Float64() float64 {
	for {
		// An Int63 near 2**63 rounds to 1.0: draw again.
		f := float64(r.Int63()) / (1 << 63)
		if f != 1 {
			return f
		}
	}
}

// Float32 returns a pseudo-random number in [0.0, 1.0).
func (r *Rand) Float32() float32 {
	for {
		f := float32(r.Float64())
		if f != 1 {
			return f
		}
	}
}

// Perm returns a pseudo-random permutation of the integers [0, n).
func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	// An inside-out Fisher–Yates shuffle: element i goes to a random j <= i.
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle permutes the n elements that swap exchanges pseudo-randomly
// (Fisher–Yates); it panics if n < 0.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	i := n - 1
	for ; i > 1<<31-1-1; i-- {
		j := int(r.Int63n(int64(i + 1)))
		swap(i, j)
	}
	for ; i > 0; i-- {
		j := int(r.int31n(int32(i + 1)))
		swap(i, j)
	}
}

// Read fills p with pseudo-random bytes, 7 from each Int63, and returns
// len(p), nil.
func (r *Rand) Read(p []byte) (n int, err error) {
	pos, val := r.readPos, r.readVal
	for n = 0; n < len(p); n++ {
		if pos == 0 {
			val = r.src.Int63()
			pos = 7
		}
		p[n] = byte(val)
		val >>= 8
		pos--
	}
	r.readPos, r.readVal = pos, val
	return n, nil
}

// globalRand serves the package-level functions; seeded with 1, as in Go 1.19.
var globalRand = New(NewSource(1))

// Seed seeds the shared source (the sequence restarts as for NewSource(seed)).
func Seed(seed int64) { globalRand.Seed(seed) }

// Int63 returns a non-negative pseudo-random 63-bit integer from the shared source.
func Int63() int64 { return globalRand.Int63() }

// Uint32 returns a pseudo-random 32-bit value from the shared source.
func Uint32() uint32 { return globalRand.Uint32() }

// Uint64 returns a pseudo-random 64-bit value from the shared source.
func Uint64() uint64 { return globalRand.Uint64() }

// Int31 returns a non-negative pseudo-random 31-bit integer from the shared source.
func Int31() int32 { return globalRand.Int31() }

// Int returns a non-negative pseudo-random int from the shared source.
func Int() int { return globalRand.Int() }

// Int63n returns a pseudo-random number in [0, n) from the shared source.
func Int63n(n int64) int64 { return globalRand.Int63n(n) }

// Int31n returns a pseudo-random number in [0, n) from the shared source.
func Int31n(n int32) int32 { return globalRand.Int31n(n) }

// Intn returns a pseudo-random number in [0, n) from the shared source.
func Intn(n int) int { return globalRand.Intn(n) }

// Float64 returns a pseudo-random number in [0.0, 1.0) from the shared source.
func Float64() float64 { return globalRand.Float64() }

// Float32 returns a pseudo-random number in [0.0, 1.0) from the shared source.
func Float32() float32 { return globalRand.Float32() }

// Perm returns a pseudo-random permutation of [0, n) from the shared source.
func Perm(n int) []int { return globalRand.Perm(n) }

// Shuffle permutes n elements pseudo-randomly with the shared source.
func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }

// Read fills p with pseudo-random bytes from the shared source.
func Read(p []byte) (n int, err error) { return globalRand.Read(p) }

// NormFloat64 returns a standard normal variate from the shared source.
func NormFloat64() float64 { return globalRand.NormFloat64() }

// ExpFloat64 returns an exponential variate of rate 1 from the shared source.
func ExpFloat64() float64 { return globalRand.ExpFloat64() }

// A Zipf draws values following Zipf's law: P(k) ∝ (v + k) ** -s.
type Zipf struct {
	r            *Rand
	imax         float64
	v            float64
	q            float64
	s            float64
	oneminusQ    float64
	oneminusQinv float64
	hxm          float64
	hx0minusHxm  float64
}

// h is the integral of (v + x) ** -q up to a constant.
func (z *Zipf) h(x float64) float64 {
	return math.Exp(z.oneminusQ*math.Log(z.v+x)) * z.oneminusQinv
}

// hinv is h's inverse.
func (z *Zipf) hinv(x float64) float64 {
	return math.Exp(z.oneminusQinv*math.Log(z.oneminusQ*x)) - z.v
}

// NewZipf returns a Zipf drawing values in [0, imax] with P(k) ∝ (v+k)**-s
// from r; nil unless s > 1 and v >= 1.
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	z := new(Zipf)
	if s <= 1.0 || v < 1 {
		return nil
	}
	z.r = r
	z.imax = float64(imax)
	z.v = v
	z.q = s
	z.oneminusQ = 1.0 - z.q
	z.oneminusQinv = 1.0 / z.oneminusQ
	z.hxm = z.h(z.imax + 0.5)
	z.hx0minusHxm = z.h(0.5) - math.Exp(math.Log(z.v)*(-z.q)) - z.hxm
	z.s = 1 - z.hinv(z.h(1.5)-math.Exp(-z.q*math.Log(z.v+1.0)))
	return z
}

// Uint64 returns a value drawn from the Zipf distribution (rejection-inversion,
// Hörmann and Derflinger).
func (z *Zipf) Uint64() uint64 {
	if z == nil {
		panic("rand: nil Zipf")
	}
	k := 0.0
	for {
		r := z.r.Float64()
		ur := z.hxm + r*z.hx0minusHxm
		x := z.hinv(ur)
		k = math.Floor(x + 0.5)
		if k-x <= z.s {
			break
		}
		if ur >= z.h(k+0.5)-math.Exp(-math.Log(k+z.v)*z.q) {
			break
		}
	}
	return uint64(k)
}
