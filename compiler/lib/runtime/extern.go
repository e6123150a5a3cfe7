package runtime

// GOOS is the running program's operating system target: refgo builds for Linux only.
const GOOS = "linux"

// GOARCH is the running program's architecture target: refgo generates x86-64 only.
const GOARCH = "amd64"
