// Command atomic_check checks sync/atomic: the functions, the typed atomics and Value.
package main

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

func main() {
	var i32 int32 = 5
	fmt.Println(atomic.AddInt32(&i32, -7), atomic.LoadInt32(&i32))
	var u32 uint32 = 1
	fmt.Println(atomic.AddUint32(&u32, ^uint32(0)), atomic.SwapUint32(&u32, 9), u32)
	var i64 int64
	fmt.Println(atomic.CompareAndSwapInt64(&i64, 0, 42), atomic.CompareAndSwapInt64(&i64, 0, 43), i64)
	var u64 uint64 = 1 << 40
	atomic.StoreUint64(&u64, atomic.LoadUint64(&u64)+1)
	fmt.Println(u64)
	fmt.Println(atomic.AddUint64(&u64, 1<<63))
	var up uintptr = 3
	fmt.Println(atomic.SwapUintptr(&up, 4), atomic.LoadUintptr(&up))
	x, y := 1, 2
	p := unsafe.Pointer(&x)
	fmt.Println(atomic.CompareAndSwapPointer(&p, unsafe.Pointer(&x), unsafe.Pointer(&y)), *(*int)(atomic.LoadPointer(&p)))
	var n atomic.Int64
	n.Add(5)
	n.Add(-2)
	fmt.Println(n.Load(), n.Swap(10), n.CompareAndSwap(10, 11), n.Load())
	var b atomic.Bool
	fmt.Println(b.Load(), b.Swap(true), b.CompareAndSwap(true, false), b.Load())
	var u atomic.Uint32
	u.Store(7)
	fmt.Println(u.Add(1), u.Load())
	var v atomic.Value
	fmt.Println(v.Load())
	v.Store("hello")
	fmt.Println(v.Load(), v.Swap("world"), v.Load())
	fmt.Println(v.CompareAndSwap("nope", "x"), v.CompareAndSwap("world", "x"), v.Load())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Store(1)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		v.Store(nil)
	}()
	var w atomic.Value
	fmt.Println(w.CompareAndSwap(nil, 3), w.Load())
}
