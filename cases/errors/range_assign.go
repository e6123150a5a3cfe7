// errorcheck

package main

func main() {
	var k int
	var v string
	for k, v = range map[string]string{} { // ERROR "cannot use k \(value of type string\) as type int in assignment"
	}
	_, _ = k, v
}
