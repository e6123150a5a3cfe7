//go:build !refgo

package atomic

import (
	gs "sync"
	ga "sync/atomic"
	"unsafe"
)

func AddInt32(addr *int32, delta int32) (new int32) { return ga.AddInt32(addr, delta) }
func LoadInt32(addr *int32) (val int32)             { return ga.LoadInt32(addr) }
func StoreInt32(addr *int32, val int32)             { ga.StoreInt32(addr, val) }
func SwapInt32(addr *int32, new int32) (old int32)  { return ga.SwapInt32(addr, new) }
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	return ga.CompareAndSwapInt32(addr, old, new)
}

func AddUint32(addr *uint32, delta uint32) (new uint32) { return ga.AddUint32(addr, delta) }
func LoadUint32(addr *uint32) (val uint32)              { return ga.LoadUint32(addr) }
func StoreUint32(addr *uint32, val uint32)              { ga.StoreUint32(addr, val) }
func SwapUint32(addr *uint32, new uint32) (old uint32)  { return ga.SwapUint32(addr, new) }
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	return ga.CompareAndSwapUint32(addr, old, new)
}

func AddInt64(addr *int64, delta int64) (new int64) { return ga.AddInt64(addr, delta) }
func LoadInt64(addr *int64) (val int64)             { return ga.LoadInt64(addr) }
func StoreInt64(addr *int64, val int64)             { ga.StoreInt64(addr, val) }
func SwapInt64(addr *int64, new int64) (old int64)  { return ga.SwapInt64(addr, new) }
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	return ga.CompareAndSwapInt64(addr, old, new)
}

func AddUint64(addr *uint64, delta uint64) (new uint64) { return ga.AddUint64(addr, delta) }
func LoadUint64(addr *uint64) (val uint64)              { return ga.LoadUint64(addr) }
func StoreUint64(addr *uint64, val uint64)              { ga.StoreUint64(addr, val) }
func SwapUint64(addr *uint64, new uint64) (old uint64)  { return ga.SwapUint64(addr, new) }
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	return ga.CompareAndSwapUint64(addr, old, new)
}

func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) { return ga.AddUintptr(addr, delta) }
func LoadUintptr(addr *uintptr) (val uintptr)               { return ga.LoadUintptr(addr) }
func StoreUintptr(addr *uintptr, val uintptr)               { ga.StoreUintptr(addr, val) }
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)  { return ga.SwapUintptr(addr, new) }
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	return ga.CompareAndSwapUintptr(addr, old, new)
}

func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) { return ga.LoadPointer(addr) }
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) { ga.StorePointer(addr, val) }
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	return ga.SwapPointer(addr, new)
}

func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	return ga.CompareAndSwapPointer(addr, old, new)
}

// pin stands for refgo's no-preemption sections: under gc, one lock.
var pin gs.Mutex

func procPin() { pin.Lock() }

func procUnpin() { pin.Unlock() }
