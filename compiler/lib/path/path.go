// Package path manipulates slash-separated paths lexically:
//
//	path.Join("a/b", "../c")  // "a/c"
//	path.Base("/x/y.go")      // "y.go"
package path

// Clean returns the shortest path equivalent to path by lexical processing: repeated
// slashes become one, "." elements go, ".." eats the element before it (and at the
// root, itself); "" becomes ".".
func Clean(path string) string {
	if path == "" {
		return "."
	}
	rooted := path[0] == '/'
	var out []byte
	if rooted {
		out = append(out, '/')
	}
	base := len(out) // out[:base] is never eaten by ".."
	i := 0
	for i < len(path) {
		if path[i] == '/' {
			i++
			continue
		}
		j := i
		for j < len(path) && path[j] != '/' {
			j++
		}
		elem := path[i:j]
		i = j
		switch {
		case elem == ".":
		case elem == "..":
			switch {
			case len(out) > base:
				k := len(out) - 1
				for k > base && out[k] != '/' {
					k--
				}
				out = out[:k]
			case !rooted:
				if len(out) > 0 {
					out = append(out, '/')
				}
				out = append(out, ".."...)
				base = len(out)
			}
		default:
			if len(out) > 0 && out[len(out)-1] != '/' {
				out = append(out, '/')
			}
			out = append(out, elem...)
		}
	}
	if len(out) == 0 {
		return "."
	}
	return string(out)
}

// Split splits path after its last slash into directory and file.
func Split(path string) (dir, file string) {
	i := len(path) - 1
	for i >= 0 && path[i] != '/' {
		i--
	}
	return path[:i+1], path[i+1:]
}

// Join joins the non-empty elements with slashes and cleans the result.
func Join(elem ...string) string {
	s := ""
	for _, e := range elem {
		if e == "" {
			continue
		}
		if s != "" {
			s += "/"
		}
		s += e
	}
	if s == "" {
		return ""
	}
	return Clean(s)
}

// Ext returns the file name extension: from the last dot of the last element on.
func Ext(path string) string {
	for i := len(path) - 1; i >= 0 && path[i] != '/'; i-- {
		if path[i] == '.' {
			return path[i:]
		}
	}
	return ""
}

// Base returns the last element of path (trailing slashes removed); "." for "",
// "/" for only slashes.
func Base(path string) string {
	if path == "" {
		return "."
	}
	for len(path) > 0 && path[len(path)-1] == '/' {
		path = path[:len(path)-1]
	}
	i := len(path) - 1
	for i >= 0 && path[i] != '/' {
		i--
	}
	path = path[i+1:]
	if path == "" {
		return "/"
	}
	return path
}

// IsAbs reports whether the path is absolute.
func IsAbs(path string) bool { return len(path) > 0 && path[0] == '/' }

// Dir returns all but the last element of path, cleaned.
func Dir(path string) string {
	dir, _ := Split(path)
	return Clean(dir)
}
