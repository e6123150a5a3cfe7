// errorcheck

// Labels inside select clauses are labels of the function like any other.

package main

func main() {
	ch := make(chan bool, 1)
	select {
	case ch <- true:
	again:
		if len(ch) > 5 {
			goto again
		}
	default:
	unused: // ERROR "label unused defined and not used"
	}
	goto again // ERROR "goto again jumps into block starting at"
}
