// errorcheck

// Struct types that differ only in their tags are different types: each may
// be its own case of a type switch, and messages print the tags.

package main

func kind(v any) int {
	switch v.(type) {
	case struct {
		ID int `json:"id"`
	}:
		return 1
	case struct {
		ID int `json:"ident"`
	}:
		return 2
	case struct { // ERROR "duplicate case struct.ID int .json:..id...} in type switch"
		ID int `json:"id"`
	}:
		return 3
	}
	return 0
}

func main() {
	_ = kind(nil)
}
