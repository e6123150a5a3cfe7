// run

package main

type Stack struct {
	items []int
}

func (s *Stack) Push(x int) { s.items = append(s.items, x) }

func (s *Stack) Pop() int {
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x
}

type Adder struct{ n int }

func (a Adder) Add(x int) int { return a.n + x }

type I interface{ Add(int) int }

func main() {
	s := &Stack{}
	push := s.Push
	for i := 0; i < 4; i++ {
		push(i * i)
	}
	println(s.Pop(), s.Pop(), len(s.items))
	a := Adder{10}
	f := a.Add
	a.n = 100
	println(f(1), a.Add(1))
	var i I = a
	g := i.Add
	println(g(5))
	h := Adder.Add
	println(h(Adder{1}, 2))
}
