/*
 * refgo-spawn: the exec launcher of harness.toolchain.LocalExecutor.
 *
 * Linux's wait4 reports as a child's peak RSS (ru_maxrss) the larger of its own peak and
 * that of the memory it had before its exec: a fork of a pytest worker starts with the
 * worker's resident pages (a vfork or posix_spawn shares them, and counts the worker's
 * own peak), so a 2 MiB step spawned by a 300 MiB worker reports 300 MiB.  The worker
 * therefore execs this small program, which forks the step from its own few pages and
 * reports the step's usage to the worker.  refgo-step (toolchain/step.c) measures a
 * Docker step the same way, as the fork of a small C process.  For example
 *
 *	refgo-spawn 5 sh -c 'exit 3'
 *
 * runs `sh -c 'exit 3'` in a session of its own and writes to file descriptor 5
 *
 *	pid 4242
 *	status 768 1000 0 3072
 *
 * the step's pid (its process group and session: the worker kills it by that) once it
 * has been exec'ed, then the wait status of the step and, in microseconds and KiB, its
 * user and system CPU time and peak RSS, the descendants it waited for included.  A step
 * that cannot be exec'ed gives `errno N` (its errno) instead of both lines.  This
 * program's own exit status is 0 once it has replied, 2 on a usage error.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Writes the formatted reply line to fd; gives up silently (the worker sees no reply). */
static void reply(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void reply(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdprintf(fd, fmt, ap);
	va_end(ap);
}

/* The child: leaves the launcher's session and execs argv; reports errno on errpipe. */
static void child(char **argv, int errpipe)
{
	int e;
	setsid();
	execvp(argv[0], argv);
	e = errno;
	while (write(errpipe, &e, sizeof e) < 0 && errno == EINTR)
		;
	_exit(127);
}

int main(int argc, char **argv)
{
	struct rusage ru;
	int fd, pipefd[2], status = 0, e = 0;
	char *end;
	pid_t pid;
	if (argc < 3 || (fd = (int)strtol(argv[1], &end, 10), *end != 0) ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
		fprintf(stderr, "usage: refgo-spawn FD ARGV...\n");
		return 2;
	}
	if (pipe2(pipefd, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
		reply(fd, "errno %d\n", errno);
		return 0;
	}
	if (pid == 0)
		child(argv + 2, pipefd[1]);
	close(pipefd[1]);
	while (read(pipefd[0], &e, sizeof e) < 0 && errno == EINTR)
		;
	if (e == 0)
		reply(fd, "pid %d\n", (int)pid);
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return 0;
	if (e != 0) {
		reply(fd, "errno %d\n", e);
		return 0;
	}
	reply(fd, "status %d %ld %ld %ld\n", status,
	      (long)ru.ru_utime.tv_sec * 1000000L + (long)ru.ru_utime.tv_usec,
	      (long)ru.ru_stime.tv_sec * 1000000L + (long)ru.ru_stime.tv_usec,
	      ru.ru_maxrss /* Linux: KiB */);
	return 0;
}
