// errorcheck

package p

// A function body's { on the line after the signature is no body: gc says
// where the semicolon went.

func f()
{ // ERROR "unexpected semicolon or newline before {"
}
