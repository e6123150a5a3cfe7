package filepath

import (
	"os"
	"path"
	"sort"
	"strings"
)

// Match reports whether name matches the shell file name pattern (path.Match's
// syntax with '/' as the separator); the only error is ErrBadPattern.
func Match(pattern, name string) (matched bool, err error) {
	matched, err = path.Match(pattern, name)
	if err != nil {
		err = ErrBadPattern
	}
	return matched, err
}

// Glob returns the names of all files matching pattern or nil if there is no matching
// file, in lexical order within each directory. It ignores I/O errors; the only error
// is ErrBadPattern.
func Glob(pattern string) (matches []string, err error) {
	return glob(pattern, 0)
}

func glob(pattern string, depth int) (matches []string, err error) {
	// Check pattern is well-formed.
	if _, err := Match(pattern, ""); err != nil {
		return nil, err
	}
	if !hasMeta(pattern) {
		if _, err = os.Lstat(pattern); err != nil {
			return nil, nil
		}
		return []string{pattern}, nil
	}
	dir, file := Split(pattern)
	dir = cleanGlobPath(dir)
	if !hasMeta(dir[len(VolumeName(dir)):]) {
		return globDir(dir, file, nil)
	}
	// Prevent infinite recursion.
	if dir == pattern {
		return nil, ErrBadPattern
	}
	var m []string
	m, err = glob(dir, depth+1)
	if err != nil {
		return
	}
	for _, d := range m {
		matches, err = globDir(d, file, matches)
		if err != nil {
			return
		}
	}
	return
}

// cleanGlobPath prepares path for glob matching.
func cleanGlobPath(path string) string {
	switch path {
	case "":
		return "."
	case string(Separator):
		return path
	default:
		return path[0 : len(path)-1] // chop off trailing separator
	}
}

// globDir appends to matches the entries of dir matching pattern, sorted.
func globDir(dir, pattern string, matches []string) (m []string, e error) {
	m = matches
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	sort.Strings(names)
	for _, n := range names {
		matched, err := Match(pattern, n)
		if err != nil {
			return m, err
		}
		if matched {
			m = append(m, Join(dir, n))
		}
	}
	return
}

// hasMeta reports whether path contains any of the magic characters Match
// recognizes.
func hasMeta(path string) bool {
	return strings.ContainsAny(path, `*?[\`)
}
