/* jobs.h -- a batch over every core: tasks run in worker processes
 * (forked, so state made before the call, such as opened writers, is
 * shared copy-on-write), and their messages and results come back in
 * task order, as one process would give them. */
#ifndef RP_JOBS_H
#define RP_JOBS_H

#include <stddef.h>

/* Task i, in a worker; what it writes to stderr is captured.  Returns
 * its exit status (0: fine). */
typedef int	(*jobs_task)(void *ctx, int i);

/* What task i gave back. */
struct jobs_result {
	int		 status;	/* < 0: its worker died of signal -status;
					 * JOBS_LATE: stopped at the limit */
	const char	*msg;		/* what it wrote to stderr (NULL when it */
	size_t		 len;		/* ran in this process: written already) */
	const char	*data;		/* what it handed back with jobs_reply() */
	size_t		 dlen;
};
/* In the parent, for i = 0, 1, ... in order. */
typedef void	(*jobs_done)(void *ctx, int i, const struct jobs_result *);

/* The number of cores online (at least 1). */
int	jobs_cores(void);
/*
 * Run tasks 0..n-1 on up to njobs workers (njobs 1: here, in order).  A
 * worker that dies takes only its current task with it: done() gets a
 * negative status.  Returns 0, or -1 when no worker can be started (the
 * tasks then run here).
 */
int	jobs_run(int njobs, int n, jobs_task task, jobs_done done,
	    void *ctx);
/* The status of a task stopped at the limit (jobs_set_limit). */
#define JOBS_LATE	256
/* In a task: bytes that done() gets with its result (what a task makes
 * in a worker's memory is lost with it otherwise).  Appends; 0, or -1
 * when out of memory. */
int	jobs_reply(const void *data, size_t len);
/* From now on, a task that runs more than seconds in a worker is
 * stopped (SIGTERM: the worker removes the file it was writing) and
 * fails with status JOBS_LATE, and a new worker takes the tasks after
 * it (0: no limit); with a limit, jobs_run runs even one job at a time
 * in a worker. */
void	jobs_set_limit(int seconds);
/* For --shard K/N: parse "K/N" (1 <= K <= N); 0, or -1 when malformed. */
int	jobs_parse_shard(const char *arg, int *k, int *n);

#endif
