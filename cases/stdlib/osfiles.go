// run

// os files over package syscall: open, create, append, stat, directories, rename,
// remove, with gc's *PathError texts and io/fs error matching.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

var dir string

// e prints an error with the temporary directory's name masked.
func e(err error) string {
	if err == nil {
		return "<nil>"
	}
	return strings.ReplaceAll(err.Error(), dir, "DIR")
}

func main() {
	_, err := os.Open("/nonexistent/x")
	fmt.Println(err, os.IsNotExist(err), errors.Is(err, fs.ErrNotExist))
	dir, err = os.MkdirTemp("", "refgo-test-*")
	fmt.Println(strings.HasPrefix(dir, os.TempDir()+"/refgo-test-"))
	fmt.Println(err)
	defer os.RemoveAll(dir)
	p := dir + "/a.txt"
	fmt.Println(os.WriteFile(p, []byte("hello\nworld\n"), 0644))
	b, err := os.ReadFile(p)
	fmt.Printf("%q %v\n", b, err)
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Println(err)
	f.WriteString("more\n")
	fmt.Println(f.Close(), f.Close() != nil)
	fi, err := os.Stat(p)
	fmt.Println(fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), err)
	fmt.Println(os.MkdirAll(dir+"/x/y/z", 0755), e(os.Mkdir(dir+"/x", 0755)))
	os.WriteFile(dir+"/x/b", nil, 0600)
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		fmt.Println(e.Name(), e.IsDir(), e.Type())
	}
	di, _ := os.Stat(dir + "/x")
	fmt.Println(di.Mode(), di.IsDir())
	fmt.Println(e(os.Remove(dir + "/x")))
	fmt.Println(os.Rename(p, dir+"/c.txt"), e(os.Remove(p)))
	r, _ := os.Open(dir + "/c.txt")
	buf := make([]byte, 4)
	n, err := r.Read(buf)
	fmt.Println(n, err, string(buf))
	off, err := r.Seek(-5, io.SeekEnd)
	all, _ := io.ReadAll(r)
	fmt.Printf("%d %v %q\n", off, err, all)
	r.Close()
	wd, err := os.Getwd()
	fmt.Println(wd != "", err)
	fmt.Println(os.Chdir("/nonexistent"))
	_, err = os.ReadDir("/nonexistent")
	fmt.Println(err)
	_, err = os.ReadFile(dir)
	fmt.Println(err != nil)
	fmt.Println(os.RemoveAll(dir), os.RemoveAll(dir))
	_, err = os.Stat(dir)
	fmt.Println(os.IsNotExist(err))
}
