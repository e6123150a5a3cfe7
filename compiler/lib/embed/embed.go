// Package embed is what `import _ "embed"` names for //go:embed: refgo embeds a file
// into a string or []byte variable (compiler/types/embed.py resolves the patterns
// and gives the variable the file's contents), e.g.
//
//	import _ "embed"
//
//	//go:embed hello.txt
//	var hello string
//
// The FS type (a tree of files behind io/fs's interfaces) is not provided yet.
package embed
