// run

// utf8.RuneCount and RuneCountInString over ASCII, multi-byte, invalid and truncated
// input, and fmt's width padding, which counts runes.

package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	ins := []string{"", "a", "héllo", "日本語", "\xff", "a\xffb", "\xe6\x97", "\xe6\x97\xa5x",
		"\xf0\x9f\x98\x80", "\xf0\x9f\x98", "\xed\xa0\x80", "\xc0\xaf", "abc\x80def", "€uro"}
	for _, s := range ins {
		fmt.Println(utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)), len(s))
		fmt.Printf("[%8s][%-8s][%8q]\n", s, s, []byte(s))
		fmt.Printf("[%8x][%6d]\n", []byte(s), len(s))
	}
}
