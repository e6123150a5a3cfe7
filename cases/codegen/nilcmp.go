// asmcheck

package codegen

// Comparing an interface with nil tests its first word; no runtime call.
func notNil(err error) bool {
	return err != nil // amd64:-`call`,`cmpq\t[$]0, `
}

func isNil(e interface{}) bool {
	return e == nil // amd64:-`call`,`cmpq\t[$]0, `
}

func nilFirst(err error) bool {
	return nil == err // amd64:-`call`,`cmpq\t[$]0, `
}
