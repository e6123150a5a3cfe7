//go:build !refgo

package time

import gtime "time"

var start = gtime.Now()

func now() (sec int64, nsec int32, mono int64) {
	t := gtime.Now()
	return t.Unix(), int32(t.Nanosecond()), int64(t.Sub(start))
}

func sleep(ns int64) { gtime.Sleep(gtime.Duration(ns)) }
