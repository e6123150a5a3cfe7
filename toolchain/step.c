/*
 * refgo-step: init process and step runner of the refgo toolchain container.
 *
 * The Docker executor (harness/container.py) starts one container per pytest worker with
 *
 *	refgo-step init IDLE_SECONDS
 *
 * as PID 1, and runs every operation with one `docker exec` of refgo-step.  It is C, not
 * Python, because it runs once per step: an exec of it costs a few milliseconds where
 * starting an interpreter costs tens.  For example
 *
 *	refgo-step run -C /refgo/work/k -t 10 -m -E PATH=/usr/bin:/bin -n -p /refgo/work/k \
 *		-- sh -c 'echo hi; exit 3'
 *
 * empties the case scratch (-n), creates /refgo/work/k, runs the command there and writes
 * to stdout
 *
 *	{"ok": true, "returncode": 3, "timed_out": false, "oom_killed": false,
 *	 "oom_kills": 0, "duration": 0.002, "cpu": 0.001, "maxrss": 3145728,
 *	 "out": 3, "err": 0}
 *	hi
 *
 * that is one JSON header line, then "out" bytes of the step's stdout and "err" bytes of
 * its stderr (-m: stderr shares stdout's file, so the interleaving is exactly the
 * program's).  cpu (user+system seconds) and maxrss (peak RSS, bytes) are wait4's usage
 * of the step's process and the descendants it waited for.  Operations and options:
 *
 *	run [-C DIR] [-t SECONDS] [-m] [-i] [-E NAME=VALUE]... -- ARGV...
 *		-E entries are the program's whole environment; -i hands it this process's
 *		stdin, otherwise it reads /dev/null.  A program that cannot be started
 *		(missing, not executable, bad -C) gives returncode 127 and the message
 *		"cannot run ARGV0: STRERROR\n", as harness.toolchain.LocalExecutor does.
 *	write PATH	stdin's bytes to PATH
 *	read PATH	PATH's bytes as "out"
 *	reset		kill every process but init and this one
 *	init IDLE	PID 1 (see init below)
 *
 * Every operation but init takes -n (a new case: empty the scratch, see below) and
 * -p DIR (recreate DIR empty), applied first: the executor creates work directories
 * lazily with them.  A failure the caller should see as an exception replies
 * {"ok": false, "kind": "FileNotFoundError", "error": "..."}, kind naming the Python
 * exception for the errno, as open() would raise.
 *
 * Inside the container (PID 1 is this program's init) refgo-step runs as root with only
 * CAP_SETUID, CAP_SETGID and CAP_KILL, and everything a case does runs as CASE_UID, a
 * uid of its own: the program and the compile steps, the work directory setup and the
 * file reads and writes.  So a case cannot signal, ptrace or open /proc/PID/fd of the
 * runner, whose stdout is the reply channel, nor signal init.  The case's scratch is
 * /refgo/work (a tmpfs owned by CASE_UID), /tmp and /dev/shm; -n empties all three, as
 * CASE_UID, before the first step of each case.
 *
 * A step runs in a new session.  When it exits or its timeout expires, every process of
 * that session is killed with SIGKILL; inside the container every other process except
 * PID 1 is killed too (until none is left), so nothing a step started survives it, even
 * a daemon that left the session.  Orphans are reparented to init, which reaps them.
 * Do NOT weaken in_container(): outside the container (the unit tests) there is no case
 * uid to switch to, -n does nothing and kill(-1, ...) would signal every process the
 * user owns.
 *
 * A step is reported oom_killed when the memory cgroup's oom_kill counter (cgroup v1
 * memory.oom_control, v2 memory.events) grew while it ran; the executor runs one
 * operation at a time per container, so the kill belongs to this step.
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <grp.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define HEARTBEAT "/refgo/.heartbeat"
#define INIT_POLL_SECONDS 5
#define MAX_LIST 256
#define CASE_UID 60999 /* harness.container.CASE_UID */
#define CASE_GID 60999
#define KILL_ROUNDS 2000 /* of 1 ms: give up on a process that will not die after 2 s */

extern char **environ;

/* The case's scratch directories: emptied (not removed) by -n. */
static const char *const scratch[] = {"/refgo/work", "/tmp", "/dev/shm"};

/* The dirs named by -p, in order; whether -n was given. */
static const char *prepare[MAX_LIST];
static int nprepare, new_case;

/* Returns the monotonic clock in seconds. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Writes all of buf to fd, retrying short writes; returns 0 or -1. */
static int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes s to stdout as a JSON string literal. */
static void json_string(const char *s)
{
	char buf[8];
	write_all(1, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf[0] = '\\';
			buf[1] = (char)*p;
			write_all(1, buf, 2);
		} else if (*p < 0x20) {
			snprintf(buf, sizeof buf, "\\u%04x", *p);
			write_all(1, buf, 6);
		} else {
			write_all(1, p, 1);
		}
	}
	write_all(1, "\"", 1);
}

/* Returns the Python exception class open() or Popen raise for errno e. */
static const char *errno_kind(int e)
{
	switch (e) {
	case ENOENT:
		return "FileNotFoundError";
	case EACCES:
	case EPERM:
		return "PermissionError";
	case EISDIR:
		return "IsADirectoryError";
	case ENOTDIR:
		return "NotADirectoryError";
	case EEXIST:
		return "FileExistsError";
	default:
		return "OSError";
	}
}

/* Replies {"ok": false} with kind and a printf-style message; exits 0. */
static void fail(const char *kind, const char *fmt, ...)
{
	char msg[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	write_all(1, "{\"ok\": false, \"kind\": ", 22);
	json_string(kind);
	write_all(1, ", \"error\": ", 11);
	json_string(msg);
	write_all(1, "}\n", 2);
	exit(0);
}

/* Reports whether PID 1 is this program's init, i.e. we run inside the toolchain container. */
static int in_container(void)
{
	char buf[4096];
	ssize_t n;
	int fd, named = 0, init = 0;
	if (getpid() == 1)
		return 0;
	fd = open("/proc/1/cmdline", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	for (char *p = buf; p < buf + n; p += strlen(p) + 1) {
		const char *base = strrchr(p, '/');
		base = base ? base + 1 : p;
		if (p == buf && strcmp(base, "refgo-step") == 0)
			named = 1;
		else if (strcmp(p, "init") == 0)
			init = 1;
	}
	return named && init;
}

/* Returns the memory cgroup's count of OOM kills, or -1 where it cannot be read. */
static long oom_kills(void)
{
	static const char *files[] = {"/sys/fs/cgroup/memory/memory.oom_control",
				      "/sys/fs/cgroup/memory.events"};
	char line[256];
	long v;
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		FILE *f = fopen(files[i], "re");
		if (!f)
			continue;
		while (fgets(line, sizeof line, f)) {
			if (sscanf(line, "oom_kill %ld", &v) == 1) {
				fclose(f);
				return v;
			}
		}
		fclose(f);
	}
	return -1;
}

/* Reads /proc/PID/stat's state and session; returns 0, or -1 if the process is gone. */
static int proc_stat(pid_t pid, char *state, pid_t *sid)
{
	char path[64], buf[1024];
	ssize_t n;
	int fd, ppid, pgrp, session;
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	char *p = strrchr(buf, ')');
	if (!p || sscanf(p + 1, " %c %d %d %d", state, &ppid, &pgrp, &session) != 4)
		return -1;
	*sid = session;
	return 0;
}

/* Kills with SIGKILL every live process of session sid (but this one) until none is left. */
static void kill_session(pid_t sid)
{
	pid_t me = getpid();
	for (int round = 0; round < 200; round++) {
		int victims = 0;
		DIR *d;
		struct dirent *e;
		kill(-sid, SIGKILL);
		d = opendir("/proc");
		if (!d)
			return;
		while ((e = readdir(d)) != NULL) {
			char state;
			pid_t pid = (pid_t)atoi(e->d_name), s;
			if (pid <= 0 || pid == me || proc_stat(pid, &state, &s) < 0)
				continue;
			if (s == sid && state != 'Z') {
				kill(pid, SIGKILL);
				victims++;
			}
		}
		closedir(d);
		if (!victims)
			return;
		usleep(5000);
	}
}

/*
 * Inside the container, kills every process but PID 1 and this one, and waits until they
 * are gone (reaped by init); a no-op elsewhere.  kill(-1) fails with ESRCH only when no
 * other process, not even a zombie, is left.  Do NOT call it with an unreaped child.
 */
static void kill_others(void)
{
	if (!in_container())
		return;
	for (int round = 0; round < KILL_ROUNDS; round++) {
		if (kill(-1, SIGKILL) < 0 && errno == ESRCH)
			return;
		usleep(1000);
	}
}

/*
 * Becomes the case uid for good (groups, gid, uid: real, effective and saved), which also
 * drops every capability; inside the container only.  Exits on failure: a case must never
 * run as the runner.
 */
static void drop_privileges(void)
{
	if (!in_container())
		return;
	if (setgroups(0, NULL) < 0 || setresgid(CASE_GID, CASE_GID, CASE_GID) < 0 ||
	    setresuid(CASE_UID, CASE_UID, CASE_UID) < 0 || getuid() != CASE_UID) {
		const char *msg = "refgo-step: cannot switch to the case uid\n";
		write_all(2, msg, strlen(msg));
		_exit(126);
	}
}

/* Marks the container as in use, for init's idle watchdog. */
static void touch_heartbeat(void)
{
	int fd;
	if (!in_container())
		return;
	fd = open(HEARTBEAT, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
	if (fd >= 0) {
		futimens(fd, NULL);
		close(fd);
	}
}

/*
 * Deletes path and everything below it, ignoring errors (like shutil.rmtree(ignore_errors)).
 * A directory is made searchable first: a case may leave one mode 000 (its owner may
 * chmod it back; root without CAP_DAC_OVERRIDE could not read it either).
 */
static void rm_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700);
	DIR *d = opendir(path);
	if (d) {
		struct dirent *e;
		char sub[PATH_MAX];
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < (int)sizeof sub)
				rm_tree(sub);
		}
		closedir(d);
	}
	rmdir(path);
}

/* Deletes everything in directory path, keeping path itself. */
static void empty_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char sub[PATH_MAX];
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < (int)sizeof sub)
			rm_tree(sub);
	}
	closedir(d);
}

/* Creates directory path and its missing parents; returns 0 or -1 with errno set. */
static int mkdir_all(const char *path)
{
	char buf[PATH_MAX];
	if (strlen(path) >= sizeof buf) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(buf, path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, 0777) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0777) < 0)
		return -1;
	return 0;
}

/*
 * Applies -n (empty the scratch, inside the container only) and then -p (recreate empty)
 * in order.  Returns 0, or the errno of the first -p that failed (*bad names it).
 */
static int prepare_dirs(const char **bad)
{
	if (new_case && in_container())
		for (size_t i = 0; i < sizeof scratch / sizeof scratch[0]; i++)
			empty_dir(scratch[i]);
	for (int i = 0; i < nprepare; i++) {
		rm_tree(prepare[i]);
		if (mkdir_all(prepare[i]) < 0) {
			*bad = prepare[i];
			return errno;
		}
	}
	return 0;
}

/* Runs prepare_dirs as the case uid (in a child: this process keeps its own); fails the
 * operation with its error. */
static void prepare_as_case(void)
{
	const char *bad = "";
	int status = 0, e;
	pid_t pid;
	if (!new_case && nprepare == 0)
		return;
	pid = fork();
	if (pid < 0)
		fail("OSError", "refgo-step: fork: %s", strerror(errno));
	if (pid == 0) {
		drop_privileges();
		_exit(prepare_dirs(&bad) & 0xff);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	e = WIFEXITED(status) ? WEXITSTATUS(status) : EINTR;
	if (e != 0)
		fail(errno_kind(e), "cannot create work directory %s: %s",
		     nprepare ? prepare[0] : "(scratch)", strerror(e));
}

/* Copies fd's content (from its start) to stdout. */
static void copy_out(int fd)
{
	char buf[1 << 16];
	ssize_t n;
	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, buf, sizeof buf)) > 0)
		write_all(1, buf, (size_t)n);
}

/* Returns the size of fd's content. */
static long size_of(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (long)st.st_size : 0;
}

/* The resource usage of the step's reaped child (zero until it is reaped). */
static struct rusage step_usage;

/* Writes a run reply header. */
static void run_header(int rc, int timed_out, int oom_killed, long kills, double duration,
		       long out, long err)
{
	double cpu = (double)step_usage.ru_utime.tv_sec + step_usage.ru_utime.tv_usec / 1e6 +
		     (double)step_usage.ru_stime.tv_sec + step_usage.ru_stime.tv_usec / 1e6;
	printf("{\"ok\": true, \"returncode\": %d, \"timed_out\": %s, \"oom_killed\": %s, "
	       "\"oom_kills\": %ld, \"duration\": %.6f, \"cpu\": %.6f, \"maxrss\": %ld, "
	       "\"out\": %ld, \"err\": %ld}\n",
	       rc, timed_out ? "true" : "false", oom_killed ? "true" : "false", kills, duration,
	       cpu, step_usage.ru_maxrss * 1024L /* Linux: KiB */, out, err);
	fflush(stdout);
}

/* Waits up to timeout seconds for child pid; returns 1 if it exited (status and usage
 * set), 0 if not. */
static int wait_for(pid_t pid, double timeout, int *status)
{
	double deadline = now() + timeout;
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	for (;;) {
		pid_t r = wait4(pid, status, WNOHANG, &step_usage);
		if (r == pid)
			break;
		double left = deadline - now();
		if (left <= 0) {
			if (pidfd >= 0)
				close(pidfd);
			return 0;
		}
		if (pidfd >= 0) {
			struct pollfd p = {.fd = pidfd, .events = POLLIN};
			poll(&p, 1, (int)ceil(fmin(left, 3600.0) * 1000));
		} else {
			usleep((useconds_t)fmin(left * 1e6, 2000));
		}
	}
	if (pidfd >= 0)
		close(pidfd);
	return 1;
}

/* The child side of run: enters a new session and execs argv; reports errno on errpipe. */
static void child(char **argv, const char *cwd, char **envp, int in, int out, int err,
		  int errpipe)
{
	int e;
	setsid();
	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
		goto failed;
	syscall(SYS_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */);
	drop_privileges();
	if (cwd && chdir(cwd) < 0)
		goto failed;
	environ = envp;
	execvp(argv[0], argv);
failed:
	e = errno;
	write_all(errpipe, &e, sizeof e);
	_exit(127);
}

/* run: see the file comment. */
static int op_run(char **argv, const char *cwd, double timeout, int merge, int use_stdin,
		  char **envp)
{
	int fout = memfd_create("refgo-step-out", MFD_CLOEXEC);
	int ferr = merge ? fout : memfd_create("refgo-step-err", MFD_CLOEXEC);
	int in = use_stdin ? 0 : open("/dev/null", O_RDONLY | O_CLOEXEC);
	int pipefd[2], status = 0, e = 0, timed_out = 0;
	long before, after;
	double start;
	pid_t pid;
	if (fout < 0 || ferr < 0 || in < 0 || pipe2(pipefd, O_CLOEXEC) < 0)
		fail("OSError", "refgo-step: cannot set up the step: %s", strerror(errno));
	before = oom_kills();
	start = now();
	pid = fork();
	if (pid < 0)
		fail("OSError", "refgo-step: fork: %s", strerror(errno));
	if (pid == 0)
		child(argv, cwd, envp, in, fout, ferr, pipefd[1]);
	close(pipefd[1]);
	while (read(pipefd[0], &e, sizeof e) < 0 && errno == EINTR)
		;
	close(pipefd[0]);
	if (e != 0) {
		char msg[PATH_MAX + 256];
		int n;
		waitpid(pid, &status, 0);
		n = snprintf(msg, sizeof msg, "cannot run %s: %s\n", argv[0], strerror(e));
		run_header(127, 0, 0, before, now() - start, merge ? n : 0, merge ? 0 : n);
		write_all(1, msg, (size_t)n);
		return 0;
	}
	if (!wait_for(pid, timeout, &status)) {
		timed_out = 1;
		if (in_container())
			kill(-1, SIGKILL);
		else
			kill_session(pid);
		while (wait4(pid, &status, 0, &step_usage) < 0 && errno == EINTR)
			;
	}
	if (!in_container())
		kill_session(pid);
	kill_others();
	double duration = now() - start;
	after = oom_kills();
	int rc = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
	run_header(rc, timed_out, before >= 0 && after > before, after, duration, size_of(fout),
		   merge ? 0 : size_of(ferr));
	copy_out(fout);
	if (!merge)
		copy_out(ferr);
	return 0;
}

/* write: stdin's bytes to path. */
static int op_write(const char *path)
{
	char buf[1 << 16];
	ssize_t n;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		fail(errno_kind(errno), "[Errno %d] %s: '%s'", errno, strerror(errno), path);
	while ((n = read(0, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fail("OSError", "reading stdin: %s", strerror(errno));
		}
		if (write_all(fd, buf, (size_t)n) < 0)
			fail(errno_kind(errno), "[Errno %d] %s: '%s'", errno, strerror(errno), path);
	}
	if (close(fd) < 0)
		fail(errno_kind(errno), "[Errno %d] %s: '%s'", errno, strerror(errno), path);
	printf("{\"ok\": true, \"out\": 0, \"err\": 0}\n");
	return 0;
}

/* read: path's bytes as "out". */
static int op_read(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		fail(errno_kind(errno), "[Errno %d] %s: '%s'", errno, strerror(errno), path);
	if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode))
		fail("IsADirectoryError", "[Errno %d] %s: '%s'", EISDIR, strerror(EISDIR), path);
	int mem = memfd_create("refgo-step-read", MFD_CLOEXEC);
	char buf[1 << 16];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		write_all(mem, buf, (size_t)n);
	printf("{\"ok\": true, \"out\": %ld, \"err\": 0}\n", size_of(mem));
	fflush(stdout);
	copy_out(mem);
	return 0;
}

/* reset: kills every process but init and this one. */
static int op_reset(void)
{
	kill_others();
	printf("{\"ok\": true, \"out\": 0, \"err\": 0, \"oom_kills\": %ld}\n", oom_kills());
	return 0;
}

/* Reports whether any process but this one is alive (zombies do not count). */
static int others_alive(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int found = 0;
	if (!d)
		return 1;
	while (!found && (e = readdir(d)) != NULL) {
		char state;
		pid_t pid = (pid_t)atoi(e->d_name), s;
		if (pid > 0 && pid != getpid() && proc_stat(pid, &state, &s) == 0 && state != 'Z')
			found = 1;
	}
	closedir(d);
	return found;
}

/*
 * init: PID 1.  Reaps orphans; exits on SIGTERM or SIGINT, or once the heartbeat is older
 * than idle seconds and nothing else runs.  The container is started with auto-remove, so
 * exiting removes it: that is how a container whose pytest process died without cleaning
 * up disappears on its own.  idle <= 0 disables the watchdog.
 */
static int init(double idle)
{
	sigset_t set;
	int fd = open(HEARTBEAT, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
	if (fd >= 0)
		close(fd);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (;;) {
		struct timespec poll_every = {.tv_sec = INIT_POLL_SECONDS};
		int sig = sigtimedwait(&set, NULL, &poll_every);
		if (sig == SIGTERM || sig == SIGINT)
			return 0;
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (idle > 0 && sig < 0) {
			struct stat st;
			struct timespec t;
			clock_gettime(CLOCK_REALTIME, &t);
			if (stat(HEARTBEAT, &st) == 0 && t.tv_sec - st.st_mtime > idle &&
			    !others_alive())
				return 0;
		}
	}
}

static void usage(void)
{
	fputs("usage: refgo-step run [-C DIR] [-t SECONDS] [-m] [-i] [-E NAME=VALUE]... "
	      "[-n] [-p DIR]... -- ARGV...\n"
	      "       refgo-step write|read [-n] [-p DIR]... PATH\n"
	      "       refgo-step reset | init IDLE_SECONDS\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	static char *envp[4096];
	const char *op, *cwd = NULL;
	double timeout = 3600;
	int merge = 0, use_stdin = 0, nenv = 0, i;
	if (argc < 2)
		usage();
	op = argv[1];
	if (strcmp(op, "init") == 0) {
		if (argc != 3)
			usage();
		return init(atof(argv[2]));
	}
	for (i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || a[1] == 0 || a[2] != 0)
			break;
		if (strchr("CtEp", a[1]) && i + 1 >= argc)
			usage();
		switch (a[1]) {
		case 'C':
			cwd = argv[++i];
			break;
		case 't':
			timeout = atof(argv[++i]);
			break;
		case 'm':
			merge = 1;
			break;
		case 'i':
			use_stdin = 1;
			break;
		case 'E':
			if (nenv + 1 >= (int)(sizeof envp / sizeof envp[0]))
				usage();
			envp[nenv++] = argv[++i];
			break;
		case 'p':
			if (nprepare >= MAX_LIST)
				usage();
			prepare[nprepare++] = argv[++i];
			break;
		case 'n':
			new_case = 1;
			break;
		default:
			usage();
		}
	}
	envp[nenv] = NULL;
	touch_heartbeat();
	if (strcmp(op, "reset") != 0)
		kill_others(); /* a runner killed by a reset left its case running */
	prepare_as_case();
	if (strcmp(op, "run") == 0 && i < argc) {
		op_run(argv + i, cwd, timeout, merge, use_stdin, envp);
	} else if (strcmp(op, "write") == 0 && i == argc - 1) {
		drop_privileges();
		op_write(argv[i]);
	} else if (strcmp(op, "read") == 0 && i == argc - 1) {
		drop_privileges();
		op_read(argv[i]);
	}
	else if (strcmp(op, "reset") == 0 && i == argc)
		op_reset();
	else
		usage();
	fflush(stdout);
	touch_heartbeat();
	return 0;
}
