// errorcheck

package p

// ... after a multi-valued call or in a call of a non-variadic function, and
// ... with no type in a parameter list, in gc's words.

func sum(args ...int) int { return 0 }
func sum3(a, b, c int) int { return 0 }
func tuple() (int, int, int) { return 1, 2, 3 }

var (
	_ = sum(tuple()...)  // ERROR "cannot use ... with 3-valued tuple\(\)"
	_ = sum3(tuple()...) // ERROR "cannot use ... in call to non-variadic sum3"
	_ = sum([]int{1}...)
)
