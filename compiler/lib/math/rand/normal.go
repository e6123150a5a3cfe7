package rand

import "math"

// NormFloat64 returns a normally distributed float64 with mean 0 and standard
// deviation 1, by the ziggurat method (Marsaglia and Tsang).
func (r *Rand) NormFloat64() float64 {
	const rn = 3.442619855899 // the start of the tail
	for {
		j := int32(r.Uint32()) // the sign too
		i := j & 0x7F
		x := float64(j) * float64(math.Float32frombits(wnBits[i]))
		if absInt32(j) < kn[i] {
			return x // inside the layer's rectangle
		}
		if i == 0 {
			// The tail beyond rn, by Marsaglia's method.
			for {
				x = -math.Log(r.Float64()) * (1.0 / rn)
				y := -math.Log(r.Float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return rn + x
			}
			return -rn - x
		}
		f, f1 := math.Float32frombits(fnBits[i]), math.Float32frombits(fnBits[i-1])
		if f+float32(r.Float64())*(f1-f) < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

// absInt32 returns |i| as a uint32.
func absInt32(i int32) uint32 {
	if i < 0 {
		return uint32(-i)
	}
	return uint32(i)
}

// ExpFloat64 returns an exponentially distributed float64 with rate 1 (mean
// 1), by the ziggurat method.
func (r *Rand) ExpFloat64() float64 {
	const re = 7.69711747013104972 // the start of the tail
	for {
		j := r.Uint32()
		i := j & 0xFF
		x := float64(j) * float64(math.Float32frombits(weBits[i]))
		if j < ke[i] {
			return x
		}
		if i == 0 {
			return re - math.Log(r.Float64())
		}
		f, f1 := math.Float32frombits(feBits[i]), math.Float32frombits(feBits[i-1])
		if f+float32(r.Float64())*(f1-f) < float32(math.Exp(-x)) {
			return x
		}
	}
}
