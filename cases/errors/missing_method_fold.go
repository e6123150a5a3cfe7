// errorcheck

// A type lacking an interface's method but having one whose name differs
// only in case is shown with both methods, as types2 does.

package main

type I interface{ Close(int) error }

type lower struct{}

func (lower) close(int) error { return nil }

type lowerPtr struct{}

func (*lowerPtr) close(n int) {}

type ptrWrong struct{}

func (*ptrWrong) Close(string) error { return nil }

func main() {
	var i I
	i = lower{} // ERROR "lower does not implement I \(missing Close method\)\n\t\thave close\(int\) error\n\t\twant Close\(int\) error"
	i = &lowerPtr{} // ERROR "missing Close method\)\n\t\thave close\(.*int\)\n\t\twant Close\(int\) error"
	i = ptrWrong{} // ERROR "ptrWrong does not implement I \(wrong type for Close method\)\n\t\thave Close\(string\) error\n\t\twant Close\(int\) error"
	_ = i.(lower) // ERROR "impossible type assertion: i.\(lower\)\n\tlower does not implement I \(missing Close method\)\n\t\thave close"
	switch i.(type) {
	case lower: // ERROR "impossible type switch case: lower\n\ti \(variable of type I\) cannot have dynamic type lower \(missing Close method\)\n\t\thave close\(int\) error"
	}
}
