/* cli.h -- file handling for main.c and other command-line front ends. */
#ifndef RP_CLI_H
#define RP_CLI_H

#include <stddef.h>

#include "respub.h"

/* Read a whole file ("-" is stdin) into a malloc'd, NUL-terminated
 * buffer; more than max bytes: -1 with errno EFBIG, having read no more
 * than about max. */
int		 cli_read_input(const char *path, size_t max, char **data,
		    size_t *len);
/* The same without a limit. */
int		 cli_read_file(const char *path, char **data, size_t *len);
/*
 * Write data to path, or to stdout when path is NULL or "-".  A regular
 * file (or a new one) is replaced atomically: a temporary file beside it,
 * synced, renamed over it; it keeps its mode, a new one gets 0666 less
 * the umask.  Symbolic links are followed, not replaced.  A device, FIFO
 * or socket is written in place.  Returns 0, or -1 with errno.
 */
int		 cli_write_output(const char *path, const char *data,
		    size_t len);
/*
 * A regular file written as a stream, replaced as cli_write_output does:
 * cli_stream_begin gives the descriptor of a temporary file beside path
 * (-1 with errno); cli_stream_end(ok) renames it over path (0), unless
 * path holds the same bytes already (1, path left alone), or removes it
 * (!ok, or an error: -1 with errno).  One stream at a time.
 */
int		 cli_stream_begin(const char *path);
int		 cli_stream_end(const char *path, int fd, int ok);
/* Remove a temporary output file on SIGINT, SIGTERM and SIGHUP. */
void		 cli_catch_signals(void);
/* mkdir -p. */
int		 cli_mkdirs(const char *dir);
/* "dir/name.ext" (ext may be NULL), malloc'd. */
char		*cli_join(const char *dir, const char *name, const char *ext);
/*
 * Messages, each one line on stderr: "respub: WHERE: LEVEL: text [code]",
 * WHERE being FILE:LINE:COL, FILE, or nothing (where NULL) for the
 * command line; code (NULL: none) names the kind, as respub(1) lists.
 */
void		 cli_say(const char *where, rp_level level, const char *code,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The one line for an input whose worker was stopped (jobs.h): status
 * JOBS_LATE at --timeout SECONDS, else -(the signal). */
void		 cli_stopped(const char *where, int status, int seconds);
/* A document's diagnostics at or above min; one text said many times
 * once, where it first comes, with how many times. */
void		 cli_print_diags(const rp_doc *doc, rp_level min);
/* -W CODE: "no-CODE" silences the warnings and notes of that kind,
 * "CODE" shows them again.  0, or -1 (said) for an unknown code. */
int		 cli_warning_option(const char *arg);
/* --timeout SECONDS: the number, or -1 (said) when not one. */
int		 cli_parse_timeout(const char *arg);
/* The directory holding templates/ and stylesheets/. */
const char	*cli_data_dir(void);
/* A warning for each old key of the data directory's label tables. */
void		 cli_check_labels(const char *data_dir);

#endif
