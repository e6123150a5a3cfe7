//go:build !refgo

package debug

import gd "runtime/debug"

func setGCPercent(percent int64) int64 { return int64(gd.SetGCPercent(int(percent))) }

func setMaxStack(bytes int64) int64 { return int64(gd.SetMaxStack(int(bytes))) }
