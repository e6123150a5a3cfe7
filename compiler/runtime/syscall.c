/*
 * The syscall package's hooks (compiler/lib/syscall/hooks_refgo.go): one raw system
 * call, and fork+exec, which must not run Go code in the child. os and os/exec are
 * written over them in Go, e.g. os.Open("x") is
 *
 *     syscall.rawSyscall(SYS_OPENAT, AT_FDCWD, "x\0", O_RDONLY|O_CLOEXEC, 0, 0)
 *         -> (fd, 0) or (-1, ENOENT)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern void rt_flush(void);

typedef struct { uintptr_t r, err; } sysret;

sysret syscall_rawSyscall(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3,
                          uintptr_t a4, uintptr_t a5) __asm__("syscall.rawSyscall");
sysret syscall_rawSyscall(uintptr_t trap, uintptr_t a1, uintptr_t a2, uintptr_t a3,
                          uintptr_t a4, uintptr_t a5) {
    rt_flush(); /* print/println output goes before what the program writes itself */
    long r = syscall((long)trap, a1, a2, a3, a4, a5, 0);
    sysret out = {(uintptr_t)r, 0};
    if (r == -1) out.err = (uintptr_t)errno;
    return out;
}

/* forkExec: the child resets its signal mask and handlers' effects (exec does the
   rest), moves fds[0..2] to 0..2, changes directory and execs; an error before or in
   exec travels back through a close-on-exec pipe as its errno. */
typedef struct { int64_t pid; uintptr_t err; } forkret;

forkret syscall_forkExec(const char *path, char *const *argv, char *const *envv,
                         const char *dir, const int64_t *fds) __asm__("syscall.forkExec");
forkret syscall_forkExec(const char *path, char *const *argv, char *const *envv,
                         const char *dir, const int64_t *fds) {
    forkret out = {0, 0};
    int p[2];
    rt_flush();
    if (pipe2(p, O_CLOEXEC) < 0) {
        out.err = (uintptr_t)errno;
        return out;
    }
    pid_t pid = fork();
    if (pid < 0) {
        out.err = (uintptr_t)errno;
        close(p[0]);
        close(p[1]);
        return out;
    }
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        int fd[3];
        /* first move every source above 2, so one dup2 cannot clobber another's source */
        for (int i = 0; i < 3; i++) {
            fd[i] = (int)fds[i];
            if (fd[i] >= 0 && fd[i] < 3 && fd[i] != i) fd[i] = fcntl(fd[i], F_DUPFD_CLOEXEC, 3);
        }
        for (int i = 0; i < 3; i++) {
            if (fd[i] < 0) continue;
            if (fd[i] == i) {
                int fl = fcntl(i, F_GETFD);
                fcntl(i, F_SETFD, fl & ~FD_CLOEXEC);
            } else if (dup2(fd[i], i) < 0) {
                goto fail;
            }
        }
        if (dir != NULL && chdir(dir) < 0) goto fail;
        execve(path, argv, envv);
    fail:;
        int e = errno;
        ssize_t w = write(p[1], &e, sizeof e);
        (void)w;
        _exit(127);
    }
    close(p[1]);
    int e = 0;
    ssize_t n;
    do n = read(p[0], &e, sizeof e); while (n < 0 && errno == EINTR);
    close(p[0]);
    if (n == (ssize_t)sizeof e) {
        int st;
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
        out.err = (uintptr_t)e;
        return out;
    }
    out.pid = pid;
    return out;
}
