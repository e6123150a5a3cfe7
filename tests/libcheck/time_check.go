// Command time_check checks time.Duration formatting and parsing and Time arithmetic.
package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 999, 1000, 1001, 1500, 999999, 1000000, 1234567, 999999999, time.Second,
		1500 * time.Millisecond, time.Minute, 61 * time.Second, time.Hour, 90 * time.Minute,
		72*time.Hour + 3*time.Minute + 500*time.Millisecond, -1, -1500 * time.Millisecond,
		1<<63 - 1, -1 << 63, 3600*time.Second + 1}
	for _, d := range ds {
		fmt.Println(d, int64(d), d.Nanoseconds(), d.Microseconds(), d.Milliseconds(), d.Seconds(),
			d.Minutes(), d.Hours(), d.Abs(), d.Truncate(time.Millisecond), d.Round(time.Millisecond),
			d.Round(time.Hour), d.Truncate(0), d.Round(-1), d.Round(7*time.Nanosecond))
	}
	fmt.Printf("%v %s %d %T\n", 2*time.Second, time.Millisecond, time.Microsecond, time.Nanosecond)
	for _, s := range []string{"0", "5s", "+5s", "-5s", "1.5h", "1h2m3.5s", "300ms", "-1.5h", "2h45m",
		"1us", "1µs", "1μs", "1ns", ".5s", "5.s", "1.", ".", "", "+", "-", "s", "5", "5x", "1h-2m",
		"9223372036854775807ns", "9223372036854775808ns", "-9223372036854775808ns", "2562047h47m16.854775807s",
		"2562048h", "0.0000000001s", "1.0000000000000000000001s", "5\xffs", "3\"s", "1é", "1.2.3s"} {
		d, err := time.ParseDuration(s)
		fmt.Printf("%q %v %d %v\n", s, d, int64(d), err)
	}
	t := time.Unix(1000, 500)
	u := t.Add(1500 * time.Millisecond)
	fmt.Println(t.Unix(), t.UnixNano(), t.UnixMilli(), t.UnixMicro(), t.Nanosecond(), u.Unix(), u.Nanosecond(),
		u.Sub(t), t.Sub(u), t.Before(u), t.After(u), t.Equal(t.Add(0)), t.IsZero(), time.Time{}.IsZero())
	v := time.Unix(5, -1)
	w := time.Unix(-5, 3e9+7)
	fmt.Println(v.Unix(), v.Nanosecond(), w.Unix(), w.Nanosecond(), time.UnixMilli(-1500).UnixNano(),
		t.Add(-2*time.Second).Unix(), t.Add(-600).Nanosecond())
	start := time.Now()
	time.Sleep(2 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 2*time.Millisecond, el < 10*time.Second, time.Until(start) < 0, !start.IsZero(),
		time.Now().After(start), start.Before(time.Now()), start.Add(time.Hour).Sub(start))
	time.Sleep(-1)
	secs := []int64{0, -1, 86399, 86400, 951782400, 951868800, 978307199, 1e9, 1234567890, 4102444800,
		-62135596800, -2208988800, 253402300799, -86401, 68256000, 1700000000}
	for _, sec := range secs {
		for _, ns := range []int64{0, 5, 123456789} {
			tt := time.Unix(sec, ns).UTC()
			y, mo, d := tt.Date()
			h, mi, s := tt.Clock()
			fmt.Println(sec, ns, tt, y, mo, d, h, mi, s, tt.Year(), tt.Month(), tt.Day(), tt.Hour(),
				tt.Minute(), tt.Second(), tt.Weekday(), tt.YearDay())
		}
	}
	dates := [][7]int{{2000, 2, 29, 12, 0, 0, 0}, {2001, 2, 29, 0, 0, 0, 0}, {1999, 12, 31, 23, 59, 60, 0},
		{2020, 13, 1, 0, 0, 0, 0}, {2020, 0, 0, 0, 0, 0, 0}, {1969, 12, 31, 23, 59, 59, 999999999},
		{1, 1, 1, 0, 0, 0, 0}, {2024, -3, 40, 25, -1, 61, 2000000000}}
	for _, d := range dates {
		tt := time.Date(d[0], time.Month(d[1]), d[2], d[3], d[4], d[5], d[6], time.UTC)
		fmt.Println(d, tt, tt.Unix(), tt.Nanosecond(), tt.Weekday(), tt.YearDay())
	}
	fmt.Println(time.Month(0), time.Month(13), time.December, time.Weekday(7), time.Saturday,
		time.UTC, time.Unix(0, 0).UTC().Local().Equal(time.Unix(0, 0)))
	fmt.Println(time.Now().UTC().Year() >= 2024, time.Now().Local().Year() >= 2024)
}
