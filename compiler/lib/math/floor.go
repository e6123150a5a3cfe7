package math

// Trunc returns the integer value of x, rounded toward zero; ±0, ±Inf and NaN
// are returned unchanged (gc's ROUNDSD; a signalling NaN comes back quiet).
func Trunc(x float64) float64 {
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - expBias
	switch {
	case e >= expShift:
		return x + 0 // already integral, or Inf or NaN (quietened like ROUNDSD)
	case e < 0:
		return Float64frombits(b & signMask)
	}
	return Float64frombits(b &^ (fracMask >> uint(e)))
}

// Floor returns the greatest integer value <= x.
func Floor(x float64) float64 {
	t := Trunc(x)
	if t != x && x < 0 {
		return t - 1
	}
	return t
}

// Ceil returns the least integer value >= x.
func Ceil(x float64) float64 { return -Floor(-x) }

// Round returns the nearest integer, rounding half away from zero; ±0, ±Inf
// and NaN are returned unchanged.
func Round(x float64) float64 {
	b := Float64bits(x)
	e := uint(b>>expShift) & expMask
	switch {
	case e < expBias-1: // |x| < 0.5
		return Float64frombits(b & signMask)
	case e == expBias-1: // 0.5 <= |x| < 1
		return Float64frombits(b&signMask | uvone)
	case e >= expBias+expShift:
		return x
	}
	e -= expBias
	// Adding half a unit carries into the integer part exactly when the
	// fraction is at least one half.
	b += 1 << (expShift - 1) >> e
	return Float64frombits(b &^ (fracMask >> e))
}

// RoundToEven returns the nearest integer, rounding ties to even; ±0, ±Inf
// and NaN are returned unchanged (a signalling NaN quietened, as by ROUNDSD).
func RoundToEven(x float64) float64 {
	b := Float64bits(x)
	e := uint(b>>expShift) & expMask
	switch {
	case e >= expBias+expShift:
		return x + 0
	case e >= expBias:
		e -= expBias
		// Half a unit less one ulp, plus the integer part's lowest bit: a
		// tie carries only when that bit is odd.
		b += (1<<(expShift-1) - 1 + b>>(expShift-e)&1) >> e
		return Float64frombits(b &^ (fracMask >> e))
	case e == expBias-1 && b&fracMask != 0: // 0.5 < |x| < 1
		return Float64frombits(b&signMask | uvone)
	}
	return Float64frombits(b & signMask)
}

// Modf returns the integer and fractional parts of f, both with f's sign
// (Modf(±Inf) = ±Inf, NaN).
func Modf(f float64) (int float64, frac float64) {
	if f < 1 {
		if f < 0 {
			int, frac = Modf(-f)
			return -int, -frac
		}
		if f == 0 {
			return f, f
		}
		return 0, f
	}
	b := Float64bits(f)
	e := uint(b>>expShift)&expMask - expBias
	if e < expShift {
		b &^= 1<<(expShift-e) - 1
	}
	int = Float64frombits(b)
	frac = f - int
	return
}
