// run

// Mutually recursive generic types and functions.

package main

import "fmt"

type Expr[T any] struct {
	leaf  *T
	terms []Term[T]
}

type Term[T any] struct {
	neg  bool
	expr *Expr[T]
}

func Leaf[T any](v T) *Expr[T] { return &Expr[T]{leaf: &v} }

func Sum[T any](ts ...Term[T]) *Expr[T] { return &Expr[T]{terms: ts} }

func Eval[T int | float64](e *Expr[T]) T {
	if e.leaf != nil {
		return *e.leaf
	}
	var s T
	for _, t := range e.terms {
		s += evalTerm(t)
	}
	return s
}

func evalTerm[T int | float64](t Term[T]) T {
	v := Eval(t.expr)
	if t.neg {
		return -v
	}
	return v
}

func main() {
	e := Sum(Term[int]{false, Leaf(5)}, Term[int]{true, Sum(Term[int]{false, Leaf(2)},
		Term[int]{false, Leaf(1)})})
	fmt.Println(Eval(e))
	f := Sum(Term[float64]{true, Leaf(0.5)})
	fmt.Println(Eval(f))
	fmt.Printf("%T %T\n", e, f.terms[0])
}
