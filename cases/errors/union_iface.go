// errorcheck

// In a union of several terms an interface with methods or embedding comparable is an
// error (types2's parseUnion); alone it is an embedded interface.

package main

type E interface{ error | float64 } // ERROR "cannot use error in union \(error contains methods\)"
type K interface {
	int | interface{ comparable } // ERROR "cannot use interface\{comparable\} in union \(interface\{comparable\} embeds comparable\)"
}
type F interface{ error }

func main() {}
