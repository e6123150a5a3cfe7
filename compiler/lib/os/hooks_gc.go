//go:build !refgo

package os

import (
	gio "io"
	gos "os"
)

func sysWrite(fd int, p []byte) int {
	f := gos.Stdout
	if fd == 2 {
		f = gos.Stderr
	}
	n, err := f.Write(p)
	if err != nil && n == 0 {
		return -1
	}
	return n
}

func sysRead(fd int, p []byte) int {
	if fd != 0 {
		return -1
	}
	n, err := gos.Stdin.Read(p)
	if err != nil && n == 0 {
		if err == gio.EOF {
			return 0
		}
		return -1
	}
	return n
}

func sysExit(code int) { gos.Exit(code) }

func sysArgs() []string { return append([]string(nil), gos.Args...) }

func sysEnviron() []string { return gos.Environ() }
