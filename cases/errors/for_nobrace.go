// errorcheck

// A for clause without its `{`: gc reports it, skips to the next statement and takes
// the statements up to `}` as the loop's body, so that brace still closes it and
// nothing after is misparsed.

package main

func main() {
	defer func(p []int) {
		sum := 0
		for _, v := range p // ERROR "syntax error: unexpected newline, expecting { after for clause"
			sum += v
		}
		println(sum)
	}(nil)
}
