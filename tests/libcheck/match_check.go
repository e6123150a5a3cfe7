// Command match_check checks path.Match, filepath.Match and filepath.Glob.
package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	tests := [][2]string{
		{"abc", "abc"}, {"*", "abc"}, {"*c", "abc"}, {"a*", "a"}, {"a*", "abc"}, {"a*", "ab/c"},
		{"a*/b", "abc/b"}, {"a*/b", "a/c/b"}, {"a*b*c*d*e*/f", "axbxcxdxe/f"},
		{"a*b*c*d*e*/f", "axbxcxdxexxx/f"}, {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f"},
		{"a*b?c*x", "abxbbxdbxebxczzx"}, {"a*b?c*x", "abxbbxdbxebxczzy"},
		{"ab[c]", "abc"}, {"ab[b-d]", "abc"}, {"ab[e-g]", "abc"}, {"ab[^c]", "abc"},
		{"ab[^b-d]", "abc"}, {"ab[^e-g]", "abc"}, {"a\\*b", "a*b"}, {"a\\*b", "ab"},
		{"a?b", "a☺b"}, {"a[^a]b", "a☺b"}, {"a???b", "a☺b"}, {"a[^a][^a][^a]b", "a☺b"},
		{"[a-ζ]*", "α"}, {"*[a-ζ]", "A"}, {"a?b", "a/b"}, {"a*b", "a/b"},
		{"[\\]a]", "]"}, {"[\\-]", "-"}, {"[x\\-]", "x"}, {"[x\\-]", "-"}, {"[x\\-]", "z"},
		{"[\\-x]", "x"}, {"[\\-x]", "-"}, {"[\\-x]", "a"}, {"[]a]", "]"}, {"[-]", "-"},
		{"[x-]", "x"}, {"[x-]", "-"}, {"[x-]", "z"}, {"[-x]", "x"}, {"[-x]", "-"},
		{"[-x]", "a"}, {"\\", "a"}, {"[a-b-c]", "a"}, {"[", "a"}, {"[^", "a"},
		{"[^bc", "a"}, {"a[", "a"}, {"a[", "ab"}, {"a[", "x"}, {"a/b[", "x"},
		{"*x", "xxx"}, {"", ""}, {"", "x"},
	}
	for _, tt := range tests {
		m, err := path.Match(tt[0], tt[1])
		fm, ferr := filepath.Match(tt[0], tt[1])
		fmt.Printf("%q %q: %v %v | %v %v %v\n", tt[0], tt[1], m, err, fm, ferr,
			err == path.ErrBadPattern && ferr == filepath.ErrBadPattern)
	}
	dir, err := os.MkdirTemp("", "glob")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	for _, p := range []string{"a/x.go", "a/y.go", "a/z.txt", "b/x.go", "b/c/x.go", "ab.go", "[x].go"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, nil, 0o644)
	}
	for _, pat := range []string{"*", "*/*.go", "a/*", "?/x.go", "*/c/*", "a/[xy].go", "*.go",
		"nomatch*", "a/x.go", "a/none.go", "\\[x\\].go", "[", "*/["} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		for i := range m {
			m[i] = strings.TrimPrefix(m[i], dir)
		}
		fmt.Printf("%s: %q %v %v\n", pat, m, err, m == nil)
	}
}
