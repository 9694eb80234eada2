/* cli.c -- reading inputs and writing outputs safely for the command. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cli.h"
#include "labels.h"

#ifndef RP_DATADIR
#define RP_DATADIR "/usr/local/share/respub"
#endif

int
cli_read_file(const char *path, char **data, size_t *len)
{
	return cli_read_input(path, SIZE_MAX - 1, data, len);
}

int
cli_read_input(const char *path, size_t max, char **data, size_t *len)
{
	FILE	*f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char	*buf = NULL, *p;
	size_t	 cap = 0, n = 0, got;
	struct stat st;
	int	 known;

	if (f == NULL)
		return -1;
	if ((known = fstat(fileno(f), &st) == 0) && (S_ISDIR(st.st_mode) ||
	    (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max))) {
		if (f != stdin)
			fclose(f);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EFBIG;
		return -1;
	}
	/* A regular file is read into a buffer of its size, at once: no
	 * growing copy (one byte more to see the end). */
	if (known && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	for (;;) {
		if (buf == NULL || n == cap) {
			cap = buf == NULL ? (cap ? cap : 65536) : cap * 2;
			if ((p = realloc(buf, cap + 1)) == NULL) {
				free(buf);
				if (f != stdin)
					fclose(f);
				errno = ENOMEM;
				return -1;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0 || n > max)
			break;
	}
	if (n > max) {
		free(buf);
		if (f != stdin)
			fclose(f);
		errno = EFBIG;
		return -1;
	}
	if (ferror(f)) {
		int e = errno;

		free(buf);
		if (f != stdin)
			fclose(f);
		errno = e ? e : EIO;
		return -1;
	}
	if (f != stdin)
		fclose(f);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

/* ------------------------------------------------------------- outputs */

/*
 * The temporary file being written, for the signal handler: a file
 * interrupted by SIGINT, SIGTERM or SIGHUP is removed, never left half
 * written beside the output.
 */
static char			pending[PATH_MAX + 32];
static volatile sig_atomic_t	have_pending;
static const int		fatal_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void
on_fatal_signal(int sig)
{
	if (have_pending)
		(void)unlink(pending);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
cli_catch_signals(void)
{
	struct sigaction	sa;
	size_t			i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(fatal_signals) / sizeof(*fatal_signals); i++)
		sigaction(fatal_signals[i], &sa, NULL);
}

static void
block_fatal_signals(int how)
{
	sigset_t	set;
	size_t		i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(fatal_signals) / sizeof(*fatal_signals); i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(how, &set, NULL);
}

static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Up to len bytes, fewer only at the end of the file; -1 on error. */
static ssize_t
read_some(int fd, char *buf, size_t len)
{
	size_t	n = 0;
	ssize_t	r;

	while (n < len) {
		if ((r = read(fd, buf + n, len - n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	return (ssize_t)n;
}

/* Close fd, keeping the first error of a failed write (rc != 0). */
static int
close_keeping_errno(int fd, int rc)
{
	int e = errno;

	if (close(fd) != 0 && rc == 0)
		return -1;
	errno = e;
	return rc;
}

static int
open_socket(const char *path)
{
	struct sockaddr_un	sun;
	int			fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(sun.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0)
		return close_keeping_errno(fd, -1);
	return fd;
}

/*
 * A device, a FIFO or a socket cannot be replaced by a file: write into
 * it, and report what it refuses (ENOSPC from a full device).
 */
static int
write_in_place(const char *path, const struct stat *st, const char *data,
    size_t len)
{
	int fd;

	if (S_ISDIR(st->st_mode)) {
		errno = EISDIR;
		return -1;
	}
	fd = S_ISSOCK(st->st_mode) ? open_socket(path) :
	    open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	return close_keeping_errno(fd, write_all(fd, data, len));
}

static mode_t
new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* Make the rename itself durable: sync the directory that holds path. */
static int
sync_dir_of(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		 dir[PATH_MAX];
	int		 fd, rc;

	if (slash == NULL)
		strcpy(dir, ".");
	else if ((size_t)(slash - path) + 1 >= sizeof(dir)) {
		errno = ENAMETOOLONG;
		return -1;
	} else
		snprintf(dir, sizeof(dir), "%.*s",
		    slash == path ? 1 : (int)(slash - path), path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	rc = fsync(fd);
	/* Some file systems cannot sync a directory; nothing more to do. */
	if (rc != 0 && (errno == EINVAL || errno == EROFS))
		rc = 0;
	return close_keeping_errno(fd, rc);
}

/* The temporary file beside path (pending), with old's mode and owner,
 * or 0666 less the umask: its descriptor, or -1 with errno. */
static int
replace_begin(const char *path, const struct stat *old)
{
	int fd, rc;

	if ((size_t)snprintf(pending, sizeof(pending), "%s.tmp.XXXXXX",
	    path) >= sizeof(pending)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	block_fatal_signals(SIG_BLOCK);
	if ((fd = mkstemp(pending)) >= 0)
		have_pending = 1;
	block_fatal_signals(SIG_UNBLOCK);
	if (fd < 0)
		return -1;
	if (old != NULL) {
		(void)fchown(fd, old->st_uid, old->st_gid);
		rc = fchmod(fd, old->st_mode & 07777);
	} else
		rc = fchmod(fd, new_file_mode());
	if (rc != 0) {
		rc = errno;
		close(fd);
		unlink(pending);
		have_pending = 0;
		errno = rc;
		return -1;
	}
	return fd;
}

/* The temporary file synced and renamed over path (rc 0), else removed. */
static int
replace_end(const char *path, int fd, int rc)
{
	if (rc == 0)
		rc = fsync(fd);
	rc = close_keeping_errno(fd, rc);
	if (rc == 0)
		rc = rename(pending, path);
	if (rc != 0) {
		int e = errno;

		unlink(pending);
		errno = e;
	}
	have_pending = 0;
	return rc == 0 ? sync_dir_of(path) : rc;
}

/*
 * A regular file (or a new one): a temporary file beside it, synced,
 * then renamed over it, so that no crash or power cut leaves it half
 * written.  An existing file keeps its mode (and owner, where allowed);
 * a new one gets 0666 less the umask.
 */
static int
write_replacing(const char *path, const struct stat *old, const char *data,
    size_t len)
{
	int fd;

	if ((fd = replace_begin(path, old)) < 0)
		return -1;
	return replace_end(path, fd, write_all(fd, data, len));
}

/* Whether the file open at fd (read from its start) holds path's bytes. */
static int
same_bytes(int fd, const char *path)
{
	char	 a[65536], b[sizeof(a)];
	ssize_t	 na, nb;
	int	 other, same = 0;

	if (lseek(fd, 0, SEEK_SET) != 0 ||
	    (other = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	for (;;) {
		if ((na = read_some(fd, a, sizeof(a))) < 0 ||
		    (nb = read_some(other, b, sizeof(b))) != na ||
		    memcmp(a, b, (size_t)na) != 0)
			break;
		if (na == 0) {
			same = 1;
			break;
		}
	}
	close(other);
	return same;
}

int
cli_stream_begin(const char *path)
{
	struct stat	st;

	if (stat(path, &st) != 0)
		return errno == ENOENT ? replace_begin(path, NULL) : -1;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		return -1;
	}
	return replace_begin(path, &st);
}

int
cli_stream_end(const char *path, int fd, int ok)
{
	if (ok && same_bytes(fd, path)) {
		close(fd);
		unlink(pending);
		have_pending = 0;
		return 1;
	}
	if (!ok)
		errno = EIO;
	return replace_end(path, fd, ok ? 0 : -1);
}

/*
 * The name a new output gets: path, or where its chain of symbolic links
 * ends when that does not exist yet (the links stay, as with the shell's
 * ">").  Returns 0, or -1 with errno.
 */
static int
new_output_name(const char *path, char *out, size_t outlen)
{
	struct stat	st;
	char		link[PATH_MAX];
	ssize_t		n;
	size_t		dirlen;
	int		hops;

	if ((size_t)snprintf(out, outlen, "%s", path) >= outlen) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (hops = 0; hops < 40; hops++) {
		const char *slash;

		if (lstat(out, &st) != 0)
			return errno == ENOENT ? 0 : -1;
		if ((n = readlink(out, link, sizeof(link) - 1)) < 0)
			return -1;
		link[n] = '\0';
		/* A relative target is relative to the link's directory. */
		slash = strrchr(out, '/');
		dirlen = link[0] == '/' || slash == NULL ? 0 :
		    (size_t)(slash - out) + 1;
		if (dirlen + (size_t)n >= outlen) {
			errno = ENAMETOOLONG;
			return -1;
		}
		memcpy(out + dirlen, link, (size_t)n + 1);
	}
	errno = ELOOP;
	return -1;
}

int
cli_write_output(const char *path, const char *data, size_t len)
{
	char		real[PATH_MAX];
	struct stat	st;

	if (path == NULL || strcmp(path, "-") == 0)
		return write_all(STDOUT_FILENO, data, len);
	/* stat follows links, /dev/stdout's and /proc's included. */
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return write_in_place(path, &st, data, len);
		if (realpath(path, real) == NULL)
			return -1;
		return write_replacing(real, &st, data, len);
	}
	if (errno != ENOENT || new_output_name(path, real, sizeof(real)) != 0)
		return -1;
	return write_replacing(real, NULL, data, len);
}

int
cli_mkdirs(const char *dir)
{
	char	*p, *s;
	int	 rc = 0;

	if ((s = strdup(dir)) == NULL)
		return -1;
	for (p = s + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(s, 0755) != 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(s);
	return rc;
}

char *
cli_join(const char *dir, const char *name, const char *ext)
{
	size_t	 n = strlen(dir) + strlen(name) + (ext ? strlen(ext) : 0) + 3;
	char	*s = malloc(n);

	if (s == NULL)
		return NULL;
	if (ext)
		snprintf(s, n, "%s/%s.%s", dir, name, ext);
	else
		snprintf(s, n, "%s/%s", dir, name);
	return s;
}

static int
has_data(const char *dir)
{
	char		path[PATH_MAX + 16];
	struct stat	st;

	snprintf(path, sizeof(path), "%s/stylesheets", dir);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
say_old_label(void *arg, const char *file, int line, const char *key,
    const char *now, int read)
{
	char where[PATH_MAX + 16];

	(void)arg;
	snprintf(where, sizeof(where), "%s:%d", file, line);
	if (read)
		cli_say(where, RP_WARNING, "label-key", "'%s' is now '%s' "
		    "(read as it: rename it)", key, now);
	else
		cli_say(where, RP_WARNING, "label-key", "'%s' is no longer "
		    "read: see the %s", key, now);
}

void
cli_check_labels(const char *data_dir)
{
	rp_labels_lint(data_dir, say_old_label, NULL);
}

const char *
cli_data_dir(void)
{
	static char	 dir[PATH_MAX];
	const char	*env = getenv("RESPUB_DATA_DIR");
	ssize_t		 n;
	char		*slash;

	if (env != NULL && *env != '\0')
		return env;
	/* Run from a build tree, the data sits one level above the binary;
	 * installed (anywhere: DESTDIR, a moved prefix), in ../share/respub. */
	if ((n = readlink("/proc/self/exe", dir,
	    sizeof(dir) - sizeof("/../share/respub"))) > 0) {
		dir[n] = '\0';
		if ((slash = strrchr(dir, '/')) != NULL) {
			strcpy(slash, "/..");
			if (has_data(dir))
				return dir;
			strcpy(slash, "/../share/respub");
			if (has_data(dir))
				return dir;
		}
	}
	return RP_DATADIR;
}
