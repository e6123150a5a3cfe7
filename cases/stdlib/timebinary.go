// run

// time.Time's binary form (MarshalBinary, UnmarshalBinary, GobEncode, GobDecode):
// gc's bytes for UTC times, the instant read back, gc's errors for bad input.
package main

import (
	"fmt"
	"time"
)

func main() {
	times := []time.Time{
		time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC),
		time.Date(1969, time.December, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(1, time.January, 1, 0, 0, 1, 5, time.UTC),
		time.Unix(1700000000, 123456789).UTC(),
		time.Now().UTC(),
	}
	for i, t := range times {
		b, err := t.MarshalBinary()
		if i < len(times)-1 {
			fmt.Printf("% x %v\n", b, err)
		}
		var u time.Time
		err = u.UnmarshalBinary(b)
		fmt.Println(u.Equal(t), u == t, err)
		if i < len(times)-1 {
			fmt.Println(u)
		}
	}

	enc := time.Time.GobEncode
	dec := (*time.Time).GobDecode
	b, err := enc(times[0])
	fmt.Printf("% x %v\n", b, err)
	var t time.Time
	fmt.Println(dec(&t, b), t)

	v2 := append([]byte{2}, b[1:]...)
	v2 = append(v2, 30)
	fmt.Println(t.UnmarshalBinary(v2), t.UTC())
	for _, bad := range [][]byte{nil, {3}, b[:14], v2[:15], append(b, 0)} {
		fmt.Println(t.UnmarshalBinary(bad))
		fmt.Println(t.GobDecode(bad))
	}
}
