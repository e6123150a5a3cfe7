// errorcheck

// gc checks labels as it parses: a file with a syntax error still has the
// label errors of its other functions reported.

package main

func broken(a, b int) {
	println(a b) // ERROR "syntax error: unexpected b in argument list; possibly missing comma or \)"
}

func labels() {
idle: // ERROR "label idle defined and not used"
	for {
		goto nowhere // ERROR "label nowhere not defined"
	}
}

func main() {}
