package os

// env is the program's environment as "KEY=value" strings, read from the
// runtime on first use; Setenv and Unsetenv change only this copy.
var env []string

var envLoaded bool

// environment returns the environment, loading it on first use.
func environment() []string {
	if !envLoaded {
		env = sysEnviron()
		envLoaded = true
	}
	return env
}

// envIndex returns the index of key's entry in the environment, or -1.
func envIndex(key string) int {
	e := environment()
	for i := len(e) - 1; i >= 0; i-- {
		kv := e[i]
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return i
		}
	}
	return -1
}

// LookupEnv returns the value of the environment variable key and whether it is set.
func LookupEnv(key string) (string, bool) {
	i := envIndex(key)
	if i < 0 {
		return "", false
	}
	return env[i][len(key)+1:], true
}

// Getenv returns the value of the environment variable key, "" if unset.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// Setenv sets the environment variable key to value; an empty key or one
// containing '=' or NUL is an error.
func Setenv(key, value string) error {
	if len(key) == 0 {
		return &SyscallError{"setenv", errInvalidArgument}
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return &SyscallError{"setenv", errInvalidArgument}
		}
	}
	for i := 0; i < len(value); i++ {
		if value[i] == 0 {
			return &SyscallError{"setenv", errInvalidArgument}
		}
	}
	kv := key + "=" + value
	if i := envIndex(key); i >= 0 {
		env[i] = kv
	} else {
		env = append(env, kv)
	}
	return nil
}

// Unsetenv removes the environment variable key.
func Unsetenv(key string) error {
	for i := envIndex(key); i >= 0; i = envIndex(key) {
		env = append(env[:i], env[i+1:]...)
	}
	return nil
}

// Clearenv removes every environment variable.
func Clearenv() {
	environment()
	env = nil
}

// Environ returns a copy of the environment as "KEY=value" strings.
func Environ() []string {
	return append([]string(nil), environment()...)
}

// SyscallError records an error from a system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *SyscallError) Unwrap() error { return e.Err }
