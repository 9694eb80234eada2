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
/* Remove a temporary output file on SIGINT, SIGTERM and SIGHUP. */
void		 cli_catch_signals(void);
/* mkdir -p. */
int		 cli_mkdirs(const char *dir);
/* "dir/name.ext" (ext may be NULL), malloc'd. */
char		*cli_join(const char *dir, const char *name, const char *ext);
/* Print a document's diagnostics at or above min on stderr, each as
 * "PROG: FILE:LINE:COL: LEVEL: text"; one text said many times once,
 * where it first comes, with how many times. */
void		 cli_print_diags(const rp_doc *doc, rp_level min,
		    const char *prog);
/* The directory holding templates/ and stylesheets/. */
const char	*cli_data_dir(void);

#endif
