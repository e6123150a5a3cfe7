// errorcheck

package main

func main() {
}

import "os" // ERROR "syntax error: non-declaration statement outside function body"
