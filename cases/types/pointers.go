// run

package main

type Node struct {
	val  int
	next *Node
}

func inc(p *int) {
	*p++
}

func main() {
	x := 5
	inc(&x)
	inc(&x)
	println(x)
	var list *Node
	for i := 0; i < 5; i++ {
		list = &Node{i, list}
	}
	for n := list; n != nil; n = n.next {
		print(n.val, " ")
	}
	println()
	p := new(int)
	*p = 42
	println(*p)
	var np *Node
	println(np == nil)
}
