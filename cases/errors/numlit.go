// errorcheck

package p

// A malformed number literal is reported where gc's scanner finds the
// mistake, in its words.

var (
	_ = 0x    // ERROR "hexadecimal literal has no digits"
	_ = 0x1.0 // ERROR "hexadecimal mantissa requires a 'p' exponent"
	_ = 0_i   // ERROR "'_' must separate successive digits"
	_ = 1p4   // ERROR "'p' exponent requires hexadecimal mantissa"
	_ = 0b1e2 // ERROR "'e' exponent requires decimal mantissa"
	_ = 0o8   // ERROR "invalid digit '8' in octal literal"
	_ = 0b1.0 // ERROR "invalid radix point in binary literal"
	_ = 1e+   // ERROR "exponent has no digits"
	_ = 09.5
	_ = 1__0 // ERROR "'_' must separate successive digits"
)

var s = `abc // ERROR "string not terminated"
