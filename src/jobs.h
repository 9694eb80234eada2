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
/* In the parent, for i = 0, 1, ... in order: task i's status and the
 * messages it wrote. */
typedef void	(*jobs_done)(void *ctx, int i, int status, const char *msg,
		    size_t len);

/* The number of cores online (at least 1). */
int	jobs_cores(void);
/*
 * Run tasks 0..n-1 on up to njobs workers.  A worker that dies takes
 * only its current task with it: done() gets status 1 and a message
 * naming the signal.  Returns 0, or -1 when no worker can be started.
 */
int	jobs_run(int njobs, int n, jobs_task task, jobs_done done,
	    void *ctx);
/*
 * fn(ctx) in a child process given at most seconds, then stopped with
 * SIGTERM: its exit status, JOBS_LATE when stopped, -1 when it could not
 * start (errno).  What the child leaves is its own (files it wrote).
 */
#define JOBS_LATE	256
int	jobs_timed(int seconds, int (*fn)(void *), void *ctx);
/* For --shard K/N: parse "K/N" (1 <= K <= N); 0, or -1 when malformed. */
int	jobs_parse_shard(const char *arg, int *k, int *n);

#endif
