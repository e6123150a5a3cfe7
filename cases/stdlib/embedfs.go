// run

// //go:embed into an embed.FS: files and directories (whose files come without the
// names starting with "." or "_" unless the pattern says all:), the tree's directory
// entries, FileInfo modes, Open/Read/Seek, ReadDir in pieces, and io/fs's ReadFile,
// ReadDir, Stat, Sub, Glob and WalkDir over it, with gc's errors.
package main

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
)

//go:embed testdata/embedfs/hello.txt testdata/embedfs/static
var content embed.FS

//go:embed all:testdata/embedfs/static
var all embed.FS

type alias = embed.FS

//go:embed testdata/embedfs/static/*.html
//go:embed testdata/embedfs/static/s?b
var globbed alias

func walk(fsys fs.FS, root string) {
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Println("walk error", p, err)
			return err
		}
		fmt.Println("walk", p, d.IsDir())
		if d.Name() == "sub" {
			return fs.SkipDir
		}
		return nil
	})
	fmt.Println("walk done", err)
}

func main() {
	b, err := content.ReadFile("testdata/embedfs/hello.txt")
	fmt.Printf("%q %v\n", b, err)
	b[0] = 'H' // the caller's own copy
	b, _ = content.ReadFile("testdata/embedfs/hello.txt")
	fmt.Printf("%q\n", b)
	for _, name := range []string{"testdata", "nope", "/testdata", "testdata/", "./testdata"} {
		_, err = content.ReadFile(name)
		fmt.Println(err)
	}
	_, err = content.ReadDir("testdata/embedfs/hello.txt")
	fmt.Println(err)

	for _, d := range []string{".", "testdata/embedfs", "testdata/embedfs/static"} {
		es, err := content.ReadDir(d)
		fmt.Println(d, len(es), err)
		for _, e := range es {
			info, _ := e.Info()
			fmt.Println(" ", e.Name(), e.IsDir(), e.Type(), info.Mode(), info.Size(),
				info.ModTime().IsZero(), info.Sys())
		}
	}

	walk(all, ".")
	walk(globbed, "testdata/embedfs")
	walk(content, "missing")

	f, _ := content.Open("testdata/embedfs/static/index.html")
	buf := make([]byte, 3)
	n, err := f.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	s := f.(io.Seeker)
	fmt.Println(s.Seek(1, io.SeekStart))
	rest, _ := io.ReadAll(f)
	fmt.Printf("%q\n", rest)
	n, err = f.Read(buf)
	fmt.Println(n, err)
	fmt.Println(s.Seek(-1, io.SeekStart))
	fmt.Println(s.Seek(-2, io.SeekEnd))
	info, _ := f.Stat()
	fmt.Println(info.Name(), info.Size(), f.Close())

	d, _ := content.Open("testdata/embedfs/static")
	_, err = d.Read(buf)
	fmt.Println(err)
	_, isDir := d.(fs.ReadDirFile)
	_, seeks := d.(io.Seeker)
	fmt.Println(isDir, seeks)
	rd := d.(fs.ReadDirFile)
	for {
		es, err := rd.ReadDir(1)
		if err != nil {
			fmt.Println(len(es), err)
			break
		}
		fmt.Println(es[0].Name())
	}
	es, err := rd.ReadDir(-1)
	fmt.Println(len(es), err)

	sub, err := fs.Sub(content, "testdata/embedfs/static")
	fmt.Println(err)
	b, err = fs.ReadFile(sub, "sub/b.txt")
	fmt.Printf("%q %v\n", b, err)
	_, err = fs.ReadFile(sub, "x")
	fmt.Println(err)
	_, err = fs.Sub(content, "../x")
	fmt.Println(err)
	es, err = fs.ReadDir(sub, ".")
	fmt.Println(len(es), err)

	m, err := fs.Glob(content, "testdata/*/static/*")
	fmt.Println(m, err)
	m, err = fs.Glob(content, "testdata/embedfs/[")
	fmt.Println(m, err)
	info, err = fs.Stat(content, ".")
	fmt.Println(info.Name(), info.IsDir(), info.Mode(), err)

	var zero embed.FS
	_, err = zero.Open("x")
	fmt.Println(err)
	es, err = zero.ReadDir(".")
	fmt.Println(len(es), err)
	for _, p := range []string{".", "a/b", "a/../b", "/a", "a/", "", "a//b", "\xff"} {
		fmt.Print(fs.ValidPath(p), " ")
	}
	fmt.Println()
}
