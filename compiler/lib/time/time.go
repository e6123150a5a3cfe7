// Package time measures time: durations, monotonic instants and sleeping.
//
//	start := time.Now()
//	work()
//	fmt.Println(time.Since(start) < time.Second)
//	fmt.Println(1500 * time.Millisecond)        // 1.5s
//	d, err := time.ParseDuration("1h2m3.5s")    // 1h2m3.5s
//
// Calendar dates (Date, Format, Parse, locations) are not provided; a Time is a
// wall-clock reading (Unix seconds and nanoseconds) plus a monotonic reading,
// which Sub, Since and Until use, as gc does. The clocks are runtime hooks.
package time

import "errors"

// A Duration is an elapsed time in nanoseconds.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// appendUint appends the decimal digits of v.
func appendUint(b []byte, v uint64) []byte {
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// appendFrac appends "." and the prec-digit fraction of v/10**prec without
// trailing zeros (nothing if it is zero) and returns v/10**prec.
func appendFrac(b []byte, v uint64, prec int) ([]byte, uint64) {
	digits := make([]byte, prec)
	for i := prec - 1; i >= 0; i-- {
		digits[i] = byte('0' + v%10)
		v /= 10
	}
	n := prec
	for n > 0 && digits[n-1] == '0' {
		n--
	}
	if n > 0 {
		b = append(b, '.')
		b = append(b, digits[:n]...)
	}
	return b, v
}

// String formats d like gc: "72h3m0.5s", "1.5s", "2.001ms", "3µs", "7ns", "0s".
func (d Duration) String() string {
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	var b []byte
	if neg {
		b = append(b, '-')
	}
	if u < uint64(Second) {
		var unit string
		prec := 0
		switch {
		case u == 0:
			return "0s"
		case u < uint64(Microsecond):
			unit = "ns"
		case u < uint64(Millisecond):
			prec, unit = 3, "µs"
		default:
			prec, unit = 6, "ms"
		}
		whole := u
		frac := []byte(nil)
		if prec > 0 {
			frac, whole = appendFrac(nil, u, prec)
		}
		b = appendUint(b, whole)
		b = append(b, frac...)
		return string(append(b, unit...))
	}
	frac, secs := appendFrac(nil, u, 9)
	h, m, s := secs/3600, secs/60%60, secs%60
	if h > 0 {
		b = append(appendUint(b, h), 'h')
	}
	if h > 0 || m > 0 {
		b = append(appendUint(b, m), 'm')
	}
	b = appendUint(b, s)
	b = append(b, frac...)
	return string(append(b, 's'))
}

// Nanoseconds returns d as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns d as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1000 }

// Milliseconds returns d as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1000000 }

// Seconds returns d as a floating-point number of seconds.
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

// Minutes returns d as a floating-point number of minutes.
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns d as a floating-point number of hours.
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate rounds d toward zero to a multiple of m (d itself if m <= 0).
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round rounds d to the nearest multiple of m, halfway values away from zero,
// saturating at the extreme Durations (d itself if m <= 0).
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if r+r < m {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// Abs returns |d|, with the most negative Duration mapped to the most positive.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	}
	return -d
}

var errLeadingInt = errors.New("time: bad [0-9]*")

// leadingInt consumes the leading decimal digits of s.
func leadingInt(s string) (x uint64, rem string, err error) {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if x > 1<<63/10 {
			return 0, rem, errLeadingInt
		}
		x = x*10 + uint64(c) - '0'
		if x > 1<<63 {
			return 0, rem, errLeadingInt
		}
	}
	return x, s[i:], nil
}

// leadingFraction consumes the leading digits of s as a fraction: x/scale.
func leadingFraction(s string) (x uint64, scale float64, rem string) {
	i := 0
	scale = 1
	overflow := false
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			break
		}
		if overflow {
			continue
		}
		if x > (1<<63-1)/10 {
			overflow = true
			continue
		}
		y := x*10 + uint64(c) - '0'
		if y > 1<<63 {
			overflow = true
			continue
		}
		x = y
		scale *= 10
	}
	return x, scale, s[i:]
}

// unitNanos returns the length of a duration unit in nanoseconds.
func unitNanos(u string) (uint64, bool) {
	switch u {
	case "ns":
		return 1, true
	case "us", "µs", "μs":
		return 1000, true
	case "ms":
		return 1000000, true
	case "s":
		return 1000000000, true
	case "m":
		return 60000000000, true
	case "h":
		return 3600000000000, true
	}
	return 0, false
}

const lowerhex = "0123456789abcdef"

// quote returns s in double quotes as gc's time errors show it: '"' and '\\'
// escaped, and every byte of a non-ASCII or control character as \xHH.
func quote(s string) string {
	buf := []byte{'"'}
	for i := 0; i < len(s); {
		c := s[i]
		width := 1
		if c >= 0x80 {
			width = runeWidth(s[i:])
		}
		if c >= 0x80 || c < ' ' {
			for j := 0; j < width; j++ {
				buf = append(buf, '\\', 'x', lowerhex[s[i+j]>>4], lowerhex[s[i+j]&0xF])
			}
		} else {
			if c == '"' || c == '\\' {
				buf = append(buf, '\\')
			}
			buf = append(buf, c)
		}
		i += width
	}
	return string(append(buf, '"'))
}

// runeWidth returns the length of the valid UTF-8 sequence at the start of s,
// or 1 for an invalid byte.
func runeWidth(s string) int {
	for _, r := range s {
		if r == 0xFFFD && (len(s) < 3 || s[:3] != "\uFFFD") {
			return 1
		}
		switch {
		case r < 0x800:
			return 2
		case r < 0x10000:
			return 3
		}
		return 4
	}
	return 1
}

// ParseDuration parses a signed sequence of decimal numbers with optional
// fractions and a unit each ("300ms", "-1.5h", "2h45m"); units are ns, us (or
// µs), ms, s, m, h.
func ParseDuration(s string) (Duration, error) {
	orig := s
	var d uint64
	neg := false
	if s != "" {
		c := s[0]
		if c == '-' || c == '+' {
			neg = c == '-'
			s = s[1:]
		}
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	for s != "" {
		var v, f uint64
		scale := 1.0
		var err error
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		pl := len(s)
		v, s, err = leadingInt(s)
		if err != nil {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		pre := pl != len(s)
		post := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			pl := len(s)
			f, scale, s = leadingFraction(s)
			post = pl != len(s)
		}
		if !pre && !post {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		i := 0
		for ; i < len(s); i++ {
			c := s[i]
			if c == '.' || '0' <= c && c <= '9' {
				break
			}
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		u := s[:i]
		s = s[i:]
		unit, ok := unitNanos(u)
		if !ok {
			return 0, errors.New("time: unknown unit " + quote(u) + " in duration " + quote(orig))
		}
		if v > 1<<63/unit {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
		v *= unit
		if f > 0 {
			v += uint64(float64(f) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, errors.New("time: invalid duration " + quote(orig))
			}
		}
		d += v
		if d > 1<<63 {
			return 0, errors.New("time: invalid duration " + quote(orig))
		}
	}
	if neg {
		return -Duration(d), nil
	}
	if d > 1<<63-1 {
		return 0, errors.New("time: invalid duration " + quote(orig))
	}
	return Duration(d), nil
}

// Time is an instant: a wall-clock reading (sec, nsec since the Unix epoch)
// and, for Times from Now, a monotonic clock reading (mono, hasMono).
type Time struct {
	sec     int64
	nsec    int64
	mono    int64
	hasMono bool
}

// Now returns the current time.
func Now() Time {
	sec, nsec, mono := now()
	return Time{sec, int64(nsec), mono, true}
}

// Unix returns the Time sec seconds and nsec nanoseconds after the Unix epoch.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec, nsec: nsec}
}

// UnixMilli returns the Time msec milliseconds after the Unix epoch.
func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

// Unix returns t in whole seconds since the Unix epoch.
func (t Time) Unix() int64 { return t.sec }

// UnixMilli returns t in milliseconds since the Unix epoch.
func (t Time) UnixMilli() int64 { return t.sec*1e3 + t.nsec/1e6 }

// UnixMicro returns t in microseconds since the Unix epoch.
func (t Time) UnixMicro() int64 { return t.sec*1e6 + t.nsec/1e3 }

// UnixNano returns t in nanoseconds since the Unix epoch.
func (t Time) UnixNano() int64 { return t.sec*1e9 + t.nsec }

// Nanosecond returns the nanosecond offset within t's second.
func (t Time) Nanosecond() int { return int(t.nsec) }

// IsZero reports whether t is the zero Time.
func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 && !t.hasMono }

// Add returns t+d.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	r := Time{t.sec + dsec, nsec, t.mono, t.hasMono}
	if t.hasMono {
		r.mono = t.mono + int64(d)
	}
	return r
}

// Sub returns t-u, from the monotonic readings when both have them, saturating
// at the extreme Durations.
func (t Time) Sub(u Time) Duration {
	if t.hasMono && u.hasMono {
		return subMono(t.mono, u.mono)
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	}
	return maxDuration
}

// subMono returns t-u for monotonic readings, saturating.
func subMono(t, u int64) Duration {
	d := Duration(t - u)
	if d < 0 && t > u {
		return maxDuration
	}
	if d > 0 && t < u {
		return minDuration
	}
	return d
}

// Before reports whether t is before u.
func (t Time) Before(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// After reports whether t is after u.
func (t Time) After(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Equal reports whether t and u are the same instant.
func (t Time) Equal(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Since returns the time elapsed since t: Now().Sub(t).
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t: t.Sub(Now()).
func Until(t Time) Duration { return t.Sub(Now()) }

// Sleep pauses for at least d; it returns at once if d <= 0.
func Sleep(d Duration) {
	if d > 0 {
		sleep(int64(d))
	}
}
