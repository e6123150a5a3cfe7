package rand

// The source is Mitchell and Reeds' additive lagged Fibonacci generator,
// x[n] = x[n-607] + x[n-273] mod 2**64, kept in a ring of 607 words that two
// indices walk down; seeding fills the ring from a Park–Miller generator and
// XORs in rngCooked (cooked.go, written by mkcooked.go).

const (
	rngLen   = 607
	rngTap   = 273
	rngMask  = 1<<63 - 1
	int32max = 1<<31 - 1
)

// rngSource is Go 1.19's default Source: the same sequence for the same seed.
type rngSource struct {
	tap  int
	feed int
	vec  [rngLen]int64
}

// seedrand is one Park–Miller step, x = 48271·x mod (2**31-1), by Schrage's
// method so that nothing overflows 32 bits.
func seedrand(x int32) int32 {
	const a, q, r = 48271, 44488, 3399
	hi, lo := x/q, x%q
	x = a*lo - r*hi
	if x < 0 {
		x += int32max
	}
	return x
}

// Seed resets the generator to the state seed determines (seeds equal mod
// 2**31-1 give the same state; 0 acts as 89482311).
func (rng *rngSource) Seed(seed int64) {
	rng.tap = 0
	rng.feed = rngLen - rngTap
	seed = seed % int32max
	if seed < 0 {
		seed += int32max
	}
	if seed == 0 {
		seed = 89482311
	}
	x := int32(seed)
	for i := -20; i < rngLen; i++ {
		x = seedrand(x)
		if i < 0 {
			continue
		}
		u := int64(x) << 40
		x = seedrand(x)
		u ^= int64(x) << 20
		x = seedrand(x)
		u ^= int64(x)
		rng.vec[i] = u ^ rngCooked[i]
	}
}

// Int63 returns a non-negative pseudo-random 63-bit integer.
func (rng *rngSource) Int63() int64 { return int64(rng.Uint64() & rngMask) }

// Uint64 returns a pseudo-random 64-bit value.
func (rng *rngSource) Uint64() uint64 {
	rng.tap--
	if rng.tap < 0 {
		rng.tap += rngLen
	}
	rng.feed--
	if rng.feed < 0 {
		rng.feed += rngLen
	}
	x := rng.vec[rng.feed] + rng.vec[rng.tap]
	rng.vec[rng.feed] = x
	return uint64(x)
}
