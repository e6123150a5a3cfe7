// run

package main

// Binary trees: a long-lived tree survives while millions of short-lived trees
// are allocated and checked.

type tree struct {
	left, right *tree
	item        int
}

func bottomUp(item, depth int) *tree {
	if depth <= 0 {
		return &tree{item: item}
	}
	return &tree{bottomUp(2*item-1, depth-1), bottomUp(2*item, depth-1), item}
}

func (t *tree) check() int {
	if t.left == nil {
		return t.item
	}
	return t.item + t.left.check() - t.right.check()
}

func (t *tree) count() int {
	if t == nil {
		return 0
	}
	return 1 + t.left.count() + t.right.count()
}

func main() {
	maxDepth := 16
	longLived := bottomUp(0, maxDepth)
	for depth := 4; depth <= maxDepth; depth += 4 {
		iterations := 1 << uint(maxDepth-depth+4)
		check := 0
		for i := 1; i <= iterations; i++ {
			check += bottomUp(i, depth).check()
			check += bottomUp(-i, depth).check()
		}
		println(2*iterations, "trees of depth", depth, "check:", check)
	}
	println("long lived tree of depth", maxDepth, "check:", longLived.check(),
		"nodes:", longLived.count())
}
