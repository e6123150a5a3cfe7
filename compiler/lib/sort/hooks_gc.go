//go:build !refgo

package sort

import "reflect"

func sliceLen(x any) int { return reflect.ValueOf(x).Len() }

func swapElems(x any, i, j int) { reflect.Swapper(x)(i, j) }
