// run

// io/ioutil, path and path/filepath: temporary directories, lexical path
// operations, Rel, Abs and walks in lexical order.
package main

import (
	"fmt"
	"io/ioutil"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	dir, _ := ioutil.TempDir("", "x")
	defer os.RemoveAll(dir)
	ioutil.WriteFile(filepath.Join(dir, "f.txt"), []byte("data"), 0644)
	b, err := ioutil.ReadFile(dir + "/f.txt")
	fmt.Println(string(b), err)
	fis, _ := ioutil.ReadDir(dir)
	fmt.Println(len(fis), fis[0].Name(), fis[0].Size())
	for _, p := range []string{"", ".", "a/b/../c", "/../a//b/./c/", "../../x", "a/..", "/", "ab/../../.."} {
		fmt.Printf("%q -> %q %q %q %q\n", p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p+".go"))
	}
	fmt.Println(path.Join("a", "", "b/", "../c"), filepath.Join("/x", "y"), path.IsAbs("/a"))
	r, err := filepath.Rel("/a/b", "/a/c/d")
	fmt.Println(r, err)
	r, err = filepath.Rel("a", "/b")
	fmt.Println(r, err)
	abs, _ := filepath.Abs("x")
	wd, _ := os.Getwd()
	fmt.Println(abs == wd+"/x")
	os.MkdirAll(dir+"/s/t", 0755)
	os.WriteFile(dir+"/s/t/u", nil, 0644)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		fmt.Println(rel, d.IsDir(), err)
		return nil
	})
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		fmt.Println(strings.TrimPrefix(p, dir), fi.Mode().IsRegular())
		if fi.Name() == "s" {
			return filepath.SkipDir
		}
		return nil
	})
}
