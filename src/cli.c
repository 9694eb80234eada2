/* cli.c -- reading inputs and writing outputs safely for the command. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef RP_DATADIR
#define RP_DATADIR "/usr/local/share/respub"
#endif

int
cli_read_file(const char *path, char **data, size_t *len)
{
	FILE	*f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char	*buf = NULL, *p;
	size_t	 cap = 0, n = 0, got;
	struct stat st;

	if (f == NULL)
		return -1;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		errno = EISDIR;
		return -1;
	}
	for (;;) {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
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
		if (got == 0)
			break;
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

int
cli_write_output(const char *path, const char *data, size_t len)
{
	char	*tmp;
	int	 fd, e;

	if (path == NULL || strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, data, len) != 0)
			return -1;
		return 0;
	}
	if ((tmp = malloc(strlen(path) + 16)) == NULL)
		return -1;
	sprintf(tmp, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		return -1;
	}
	/* mkstemp makes 0600; outputs are ordinary files. */
	(void)fchmod(fd, 0644 & ~(mode_t)0);
	if (write_all(fd, data, len) != 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		errno = e;
		return -1;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		free(tmp);
		errno = e;
		return -1;
	}
	free(tmp);
	return 0;
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
