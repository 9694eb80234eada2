/*
 * io_shim.c -- an LD_PRELOAD library for tests/t_files.sh: it logs the
 * calls that make an output durable, and can interrupt one.
 *
 *   RP_SHIM_LOG=FILE     append "fsync PATH" and "rename FROM TO" lines
 *   RP_SHIM_SIGNAL=N     raise signal N at the first fsync, before it runs
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void
log_line(const char *what, const char *a, const char *b)
{
	const char	*path = getenv("RP_SHIM_LOG");
	FILE		*f;

	if (path == NULL || (f = fopen(path, "a")) == NULL)
		return;
	fprintf(f, "%s %s%s%s\n", what, a, b ? " " : "", b ? b : "");
	fclose(f);
}

int
fsync(int fd)
{
	int		(*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	const char	*sig = getenv("RP_SHIM_SIGNAL");
	char		 link[64], path[PATH_MAX];
	ssize_t		 n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, sizeof(path) - 1)) < 0)
		n = 0;
	path[n] = '\0';
	log_line("fsync", path, NULL);
	if (sig != NULL)
		raise(atoi(sig));
	return real(fd);
}

int
rename(const char *from, const char *to)
{
	int (*real)(const char *, const char *) =
	    (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");

	log_line("rename", from, to);
	return real(from, to);
}
