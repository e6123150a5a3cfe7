// errorcheck

// A method named like a field is an error at the method, pointing at the
// field; the method then hides the field, so uses of the name are quiet.

package main

type Base struct{}

type Account struct {
	owner, balance string
	Base
}

func (Account) balance() int { return 0 } // ERROR "field and method with the same name balance\n\t.*:11:9: other declaration of balance"
func (*Account) Base()        {}            // ERROR "field and method with the same name Base\n\t.*:12:2: other declaration of Base"

func main() {
	var a Account
	_ = a.balance() + 1
	a.Base()
	_ = a.owner
}
