package time

// A Month specifies a month of the year (January = 1, ...).
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// String returns the English name of the month ("January"), or "%!Month(13)".
func (m Month) String() string {
	if January <= m && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + string(appendInt(nil, int64(m))) + ")"
}

// A Weekday specifies a day of the week (Sunday = 0, ...).
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"}

// String returns the English name of the day ("Sunday"), or "%!Weekday(7)".
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + string(appendInt(nil, int64(d))) + ")"
}

// appendInt appends the decimal form of v.
func appendInt(b []byte, v int64) []byte {
	if v < 0 {
		return appendUint(append(b, '-'), uint64(-v))
	}
	return appendUint(b, uint64(v))
}

// floorDiv returns the quotient of a/b rounded toward negative infinity (b > 0).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// days returns t's day number since 1970-01-01 and the seconds into that day,
// in UTC (refgo has no time zones: local time is UTC).
func (t Time) days() (int64, int64) {
	d := floorDiv(t.sec, 86400)
	return d, t.sec - d*86400
}

// Date returns the year, month and day of t.
func (t Time) Date() (year int, month Month, day int) {
	days, _ := t.days()
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return int(y), Month(m), int(d)
}

// Clock returns the hour, minute and second within t's day.
func (t Time) Clock() (hour, min, sec int) {
	_, s := t.days()
	return int(s / 3600), int(s / 60 % 60), int(s % 60)
}

// Year returns t's year.
func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

// Month returns t's month.
func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

// Day returns t's day of the month.
func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

// Hour returns t's hour (0-23).
func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

// Minute returns t's minute (0-59).
func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

// Second returns t's second (0-59).
func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

// Weekday returns t's day of the week.
func (t Time) Weekday() Weekday {
	d, _ := t.days()
	return Weekday((d%7 + 11) % 7)
}

// YearDay returns t's day of the year (1-366).
func (t Time) YearDay() int {
	y, _, _ := t.Date()
	start := Date(y, January, 1, 0, 0, 0, 0, UTC)
	d, _ := t.days()
	s, _ := start.days()
	return int(d-s) + 1
}

// Location is a time zone; refgo has only UTC (Local is UTC too).
type Location struct {
	name string
}

var (
	UTC   = &Location{"UTC"}
	Local = &Location{"Local"}
)

// String returns the location's name.
func (l *Location) String() string { return l.name }

// UTC returns t (refgo keeps every Time in UTC) without its monotonic reading.
func (t Time) UTC() Time {
	t.mono, t.hasMono = 0, false
	return t
}

// Local returns t without its monotonic reading (local time is UTC in refgo).
func (t Time) Local() Time { return t.UTC() }

// Date returns the Time of the given civil date and clock in loc (always UTC in
// refgo); out-of-range values are normalised (October 32 is November 1).
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	m := int64(month) - 1
	y := int64(year) + floorDiv(m, 12)
	m -= floorDiv(m, 12) * 12
	m++
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468
	s := days*86400 + int64(hour)*3600 + int64(min)*60 + int64(sec)
	return Unix(s, int64(nsec))
}

// pad appends v with at least width digits.
func pad(b []byte, v int, width int) []byte {
	s := appendInt(nil, int64(v))
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// String formats t as gc does for a UTC time: "2006-01-02 15:04:05.999999999
// +0000 UTC", plus " m=+0.001234567" for a Time with a monotonic reading.
func (t Time) String() string {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	b := pad(nil, y, 4)
	b = pad(append(b, '-'), int(mo), 2)
	b = pad(append(b, '-'), d, 2)
	b = pad(append(b, ' '), h, 2)
	b = pad(append(b, ':'), mi, 2)
	b = pad(append(b, ':'), s, 2)
	b, _ = appendFrac(b, uint64(t.nsec), 9)
	b = append(b, " +0000 UTC"...)
	if t.hasMono {
		m := t.mono
		sign := byte('+')
		if m < 0 {
			sign = '-'
			m = -m
		}
		b = append(b, " m="...)
		b = append(b, sign)
		b = appendUint(b, uint64(m/1e9))
		b = append(b, '.')
		b = pad(b, int(m%1e9), 9)
	}
	return string(b)
}
