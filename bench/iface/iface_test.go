// Package iface holds interface-heavy micro-benchmarks: the seed's eface assertion,
// dynamic method calls, type switches and assertions to interfaces. Every benchmark
// folds its results into a package-level sink so neither compiler can drop the work.
package iface

import "testing"

var sink int

//go:noinline
func i2int(i interface{}) int {
	return i.(int)
}

// BenchmarkEfaceInteger is the seed's pattern: an int converted to interface{} and
// asserted back inside a function that is never inlined.
func BenchmarkEfaceInteger(b *testing.B) {
	sum := 0
	for i := 0; i < b.N; i++ {
		sum += i2int(i)
	}
	sink = sum
}

type Shape interface {
	Area() int
	Sides() int
}

type Square struct{ s int }

func (q Square) Area() int  { return q.s * q.s }
func (q Square) Sides() int { return 4 }

type Rect struct{ w, h int }

func (r *Rect) Area() int  { return r.w * r.h }
func (r *Rect) Sides() int { return 4 }

type Tri struct{ b, h int }

func (t *Tri) Area() int  { return t.b * t.h / 2 }
func (t *Tri) Sides() int { return 3 }

func shapes() []Shape {
	return []Shape{Square{3}, &Rect{2, 5}, &Tri{4, 6}, Square{7}, &Rect{1, 1}, &Tri{2, 2},
		Square{1}, &Rect{3, 3}}
}

// BenchmarkMethodCall calls two methods through an interface per operation, cycling
// over values of three dynamic types.
func BenchmarkMethodCall(b *testing.B) {
	s := shapes()
	sum := 0
	for i := 0; i < b.N; i++ {
		v := s[i&7]
		sum += v.Area() + v.Sides()
	}
	sink = sum
}

type Named struct{ n int }

func (n Named) Name() string { return "named" }

func values() []interface{} {
	return []interface{}{1, "two", 3.5, &Rect{2, 2}, Named{5}, int64(6), true, "eight"}
}

// BenchmarkTypeSwitch runs a type switch over eight interface{} values of seven types.
func BenchmarkTypeSwitch(b *testing.B) {
	vs := values()
	sum := 0
	for i := 0; i < b.N; i++ {
		switch x := vs[i&7].(type) {
		case int:
			sum += x
		case string:
			sum += len(x)
		case float64:
			sum += int(x)
		case *Rect:
			sum += x.w
		case Named:
			sum += x.n
		case int64:
			sum += int(x)
		default:
			sum++
		}
	}
	sink = sum
}

type Namer interface{ Name() string }

// BenchmarkAssertE2I asserts interface{} values to a one-method interface (comma-ok),
// half of them failing.
func BenchmarkAssertE2I(b *testing.B) {
	vs := []interface{}{Named{1}, 2, Named{3}, "four"}
	sum := 0
	for i := 0; i < b.N; i++ {
		if n, ok := vs[i&3].(Namer); ok {
			sum += len(n.Name())
		}
	}
	sink = sum
}

//go:noinline
func narrow(s Shape) interface{ Area() int } {
	return s
}

// BenchmarkConvI2I converts a two-method interface to a one-method interface in a
// function that is never inlined, then calls through the result.
func BenchmarkConvI2I(b *testing.B) {
	s := shapes()
	sum := 0
	for i := 0; i < b.N; i++ {
		sum += narrow(s[i&7]).Area()
	}
	sink = sum
}

type Areaer interface{ Area() int }

// BenchmarkAssertI2I asserts a Shape to a one-method interface (the single-result form).
func BenchmarkAssertI2I(b *testing.B) {
	s := shapes()
	sum := 0
	for i := 0; i < b.N; i++ {
		var v interface{} = s[i&7]
		sum += v.(Areaer).Area()
	}
	sink = sum
}
