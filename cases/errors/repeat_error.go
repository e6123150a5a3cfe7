// errorcheck

package p

// An error that repeats the message of the error just reported on the same
// line is dropped, as gc drops it; another message on the line is not.

func f() {
	_ = u + u   // ERROR "undefined: u"
	_ = u + w   // ERROR "undefined: u" "undefined: w"
	_ = u + w + u // ERROR "undefined: u" "undefined: w"
}
