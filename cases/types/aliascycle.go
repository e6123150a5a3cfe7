// run

// A cycle that goes through a type alias and a defined type is valid Go:
// the defined type's name ends it.

package main

type (
	Link = *Node
	Node struct {
		next Link
		kids Kids
		val  int
	}
	Kids = []Node
)

type (
	Tree struct{ *Sub }
	Sub  = Tree
)

func (n *Node) Sum() int {
	s := n.val
	for _, k := range n.kids {
		s += k.Sum()
	}
	if n.next != nil {
		s += n.next.Sum()
	}
	return s
}

type Summer interface{ Sum() int }

func depth(t Tree) int {
	if t.Sub == nil {
		return 0
	}
	return 1 + depth(*t.Sub)
}

func main() {
	var s Summer = &Node{next: &Node{val: 2}, kids: Kids{{val: 3}, {val: 4, kids: []Node{{val: 5}}}}, val: 1}
	println(s.Sum())
	println(depth(Tree{&Sub{&Tree{}}}))
}
