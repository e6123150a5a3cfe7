// Command strings_replacer checks strings.Replacer against gc over tricky pairs.
package main

import (
	"fmt"
	"strings"
)

func main() {
	cases := [][]string{{"a", "1", "aa", "2"}, {"aa", "2", "a", "1"}, {"", "X"}, {"a", "1", "", "X"}, {"", "X", "a", "1"},
		{"<", "&lt;", ">", "&gt;", "&", "&amp;"}, {"a", "b", "b", "a"}, {"abc", "", "b", "B"}, {"x", "y", "x", "z"}, {"héllo", "hi", "é", "e"}}
	for _, c := range cases {
		r := strings.NewReplacer(c...)
		for _, s := range []string{"", "aaa", "ab", "a<b>&c", "abcb", "xx", "héllo é", "bab"} {
			fmt.Printf("%q %q -> %q\n", c, s, r.Replace(s))
		}
	}
	var sb strings.Builder
	n, err := strings.NewReplacer("a", "A").WriteString(&sb, "banana")
	fmt.Println(n, err, sb.String())
	defer func() { fmt.Println(recover()) }()
	strings.NewReplacer("odd")
}
