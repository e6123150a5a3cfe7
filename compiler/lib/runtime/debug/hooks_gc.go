//go:build !refgo

package debug

import gd "runtime/debug"

func setGCPercent(percent int64) int64 { return int64(gd.SetGCPercent(int(percent))) }

func setMaxStack(bytes int64) int64 { return int64(gd.SetMaxStack(int(bytes))) }

func setPanicOnFault(on int64) int64 {
	if gd.SetPanicOnFault(on != 0) {
		return 1
	}
	return 0
}
