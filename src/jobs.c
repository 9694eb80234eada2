/* jobs.c -- a batch over every core, in forked worker processes (see
 * jobs.h).  Processes, not threads: the libraries behind the writers
 * (libxml2, libxslt, libharu) keep global state and error handlers, and
 * a fork after the writers are made shares their fonts and compiled
 * stylesheet copy-on-write.  The parent hands out one task at a time, so
 * a slow input holds up one worker only, and it prints each task's
 * messages in task order. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs.h"

struct worker {
	pid_t	 pid;
	int	 task_fd;	/* task numbers to the worker */
	int	 result_fd;	/* results from it */
	int	 busy;		/* the task it runs, or -1 */
	long long since;	/* when it was given that task (ms) */
	int	 late;		/* stopped for running over the limit */
};

/* Seconds a task may run in a worker (jobs_set_limit), 0: no limit. */
static int limit;

/* Milliseconds on a clock that never goes back. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A result as a worker sends it, its messages and data after it. */
struct record {
	int32_t	 task, status;
	uint32_t len, dlen;
};

struct result {
	int	 ready, status;
	char	*msg, *data;
	size_t	 len, dlen;
};

/* What the running task handed back (jobs_reply). */
static struct {
	char	*p;
	size_t	 len, cap;
} reply;

struct batch {
	int		 n, next_task, next_done;
	struct result	*res;
	jobs_task	 task;
	jobs_done	 done;
	void		*ctx;
};

int
jobs_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

int
jobs_reply(const void *data, size_t len)
{
	if (len > UINT32_MAX - reply.len)
		return -1;
	if (reply.len + len > reply.cap) {
		size_t	 cap = reply.cap ? reply.cap : 256;
		char	*p;

		while (cap < reply.len + len)
			cap *= 2;
		if ((p = realloc(reply.p, cap)) == NULL)
			return -1;
		reply.p = p;
		reply.cap = cap;
	}
	memcpy(reply.p + reply.len, data, len);
	reply.len += len;
	return 0;
}

int
jobs_parse_shard(const char *arg, int *k, int *n)
{
	char	*end;
	long	 a, b;

	errno = 0;
	a = strtol(arg, &end, 10);
	if (end == arg || *end != '/' || errno != 0)
		return -1;
	arg = end + 1;
	b = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || errno != 0 || a < 1 || b < a ||
	    b > 1000000)
		return -1;
	*k = (int)a;
	*n = (int)b;
	return 0;
}

static int
read_full(int fd, void *buf, size_t len)
{
	size_t	got = 0;
	ssize_t	r;

	while (got < len) {
		if ((r = read(fd, (char *)buf + got, len - got)) < 0 &&
		    errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	return 0;
}

static int
write_full(int fd, const void *buf, size_t len)
{
	ssize_t	w;

	while (len > 0) {
		if ((w = write(fd, buf, len)) < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf = (const char *)buf + w;
		len -= (size_t)w;
	}
	return 0;
}

/* Send what the task wrote to the log (the worker's stderr) and what it
 * handed back, then empty both for the next task. */
static int
send_result(int fd, int log, int task, int status)
{
	struct record	 rec = { task, status, 0, (uint32_t)reply.len };
	off_t		 end = lseek(log, 0, SEEK_END);
	char		*msg = end > 0 ? malloc((size_t)end) : NULL;

	if (end > 0 && (msg == NULL || pread(log, msg, (size_t)end, 0) !=
	    end))
		end = 0;
	rec.len = (uint32_t)(end > 0 ? end : 0);
	if (ftruncate(log, 0) != 0 || lseek(log, 0, SEEK_SET) != 0 ||
	    write_full(fd, &rec, sizeof(rec)) != 0 ||
	    write_full(fd, msg, rec.len) != 0 ||
	    write_full(fd, reply.p, rec.dlen) != 0) {
		free(msg);
		return -1;
	}
	free(msg);
	reply.len = 0;
	return 0;
}

/* A worker: run the tasks the parent sends until it closes the pipe. */
static void
worker_main(const struct batch *b, int task_fd, int result_fd)
{
	FILE	*log = tmpfile();
	int32_t	 i;

	signal(SIGPIPE, SIG_DFL);
	/* Messages go to a file of the worker's own. */
	if (log == NULL || dup2(fileno(log), STDERR_FILENO) < 0)
		_exit(127);
	while (read_full(task_fd, &i, sizeof(i)) == 0)
		if (send_result(result_fd, STDERR_FILENO, i,
		    b->task(b->ctx, i)) != 0)
			_exit(127);
	_exit(0);
}

/* Give w the next task, or tell it there is none. */
static void
hand_out(struct batch *b, struct worker *w)
{
	int32_t i = b->next_task;

	w->busy = -1;
	if (i < b->n && write_full(w->task_fd, &i, sizeof(i)) == 0) {
		w->busy = i;
		w->since = now_ms();
		b->next_task++;
	} else if (w->task_fd >= 0) {
		close(w->task_fd);
		w->task_fd = -1;
	}
}

static int
start_worker(struct batch *b, struct worker *w, struct worker *all,
    int nall)
{
	int	tp[2], rp[2], k;

	if (pipe(tp) != 0)
		return -1;
	if (pipe(rp) != 0) {
		close(tp[0]);
		close(tp[1]);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	if ((w->pid = fork()) == 0) {
		/* Only its own pipe ends: a worker must not keep another's
		 * task pipe open, or that one never sees the end. */
		for (k = 0; k < nall; k++)
			if (&all[k] != w && all[k].pid > 0) {
				if (all[k].task_fd >= 0)
					close(all[k].task_fd);
				close(all[k].result_fd);
			}
		close(tp[1]);
		close(rp[0]);
		worker_main(b, tp[0], rp[1]);
	}
	close(tp[0]);
	close(rp[1]);
	if (w->pid < 0) {
		close(tp[1]);
		close(rp[0]);
		return -1;
	}
	w->task_fd = tp[1];
	w->result_fd = rp[0];
	hand_out(b, w);
	return 0;
}

/* Read w's result; at its end, the task it ran failed with the signal
 * that stopped it (status < 0). */
static void
take_result(struct batch *b, struct worker *w)
{
	struct record	 rec;
	struct result	*r;
	int		 st = 0;

	if (read_full(w->result_fd, &rec, sizeof(rec)) != 0 ||
	    rec.task < 0 || rec.task >= b->n) {
		close(w->result_fd);
		if (w->task_fd >= 0)
			close(w->task_fd);
		waitpid(w->pid, &st, 0);
		w->pid = -1;
		if (w->busy >= 0) {
			r = &b->res[w->busy];
			r->ready = 1;
			r->status = w->late ? JOBS_LATE : WIFSIGNALED(st) ?
			    -WTERMSIG(st) : -1;
		}
		return;
	}
	r = &b->res[rec.task];
	r->status = rec.status;
	r->len = rec.len;
	r->dlen = rec.dlen;
	if (rec.len > 0 && ((r->msg = malloc(rec.len)) == NULL ||
	    read_full(w->result_fd, r->msg, rec.len) != 0))
		r->len = 0;
	if (rec.dlen > 0 && ((r->data = malloc(rec.dlen)) == NULL ||
	    read_full(w->result_fd, r->data, rec.dlen) != 0))
		r->dlen = 0;
	r->ready = 1;
	if (w->late)		/* stopped as it finished: it ends now */
		w->busy = -1;
	else
		hand_out(b, w);
}

/* Pass on the results that are next in order. */
static void
flush_done(struct batch *b)
{
	struct result *r;

	while (b->next_done < b->n && (r = &b->res[b->next_done])->ready) {
		struct jobs_result out = { r->status, r->msg, r->len,
		    r->data, r->dlen };

		b->done(b->ctx, b->next_done, &out);
		free(r->msg);
		free(r->data);
		r->msg = r->data = NULL;
		b->next_done++;
	}
}

/*
 * Stop the workers whose task has run over the limit, with SIGTERM (so
 * that a worker removes the file it was writing, as cli.c's handler
 * does): the task fails with JOBS_LATE, the others go on.  Returns the
 * milliseconds until the next task reaches the limit, -1 for none.
 */
static int
stop_late(struct worker *w, int nw)
{
	long long	now = now_ms(), left, wait = -1;
	int		k;

	for (k = 0; k < nw && limit > 0; k++) {
		if (w[k].pid <= 0 || w[k].busy < 0 || w[k].late)
			continue;
		if ((left = w[k].since + limit * 1000LL - now) <= 0) {
			w[k].late = 1;
			kill(w[k].pid, SIGTERM);
		} else if (wait < 0 || left < wait)
			wait = left;
	}
	return (int)wait;
}

void
jobs_set_limit(int seconds)
{
	limit = seconds > 0 ? seconds : 0;
}

/* A worker in place of each that died while tasks are left, so that the
 * tasks after one stopped at the limit are still timed. */
static void
restart(struct batch *b, struct worker *w, int nw)
{
	int k;

	for (k = 0; k < nw && b->next_task < b->n; k++)
		if (w[k].pid == -1) {
			memset(&w[k], 0, sizeof(w[k]));
			if (start_worker(b, &w[k], w, nw) != 0)
				w[k].pid = -2;	/* none could start */
		}
}

/* Wait for results from the live workers; returns how many live. */
static int
collect(struct batch *b, struct worker *w, int nw)
{
	struct pollfd	pfd[1024];
	int		map[1024], k, np = 0;

	for (k = 0; k < nw; k++)
		if (w[k].pid > 0) {
			pfd[np].fd = w[k].result_fd;
			pfd[np].events = POLLIN;
			map[np++] = k;
		}
	if (np == 0)
		return 0;
	if (poll(pfd, (nfds_t)np, stop_late(w, nw)) < 0)
		return np;
	stop_late(w, nw);
	for (k = 0; k < np; k++)
		if (pfd[k].revents != 0)
			take_result(b, &w[map[k]]);
	flush_done(b);
	restart(b, w, nw);
	return np;
}

int
jobs_run(int njobs, int n, jobs_task task, jobs_done done, void *ctx)
{
	struct batch	 b = { n, 0, 0, NULL, task, done, ctx };
	struct worker	*w;
	void		(*old)(int) = signal(SIGPIPE, SIG_IGN);
	int		 k, nw = njobs < n ? njobs : n, started = 0;

	if (nw > 1024)
		nw = 1024;
	if ((b.res = calloc((size_t)n + 1, sizeof(*b.res))) == NULL ||
	    (w = calloc((size_t)nw + 1, sizeof(*w))) == NULL) {
		free(b.res);
		signal(SIGPIPE, old);
		return -1;
	}
	/* A limit needs workers to stop, even for one job at a time. */
	for (k = 0; k < nw && (nw > 1 || limit > 0); k++)
		started += start_worker(&b, &w[k], w, nw) == 0;
	while (started > 0 && collect(&b, w, nw) > 0)
		continue;
	/* No worker left (one asked, none could start, or all died): the
	 * rest here, in order, its messages straight out. */
	for (; b.next_task < n; b.next_task++) {
		struct result *r = &b.res[b.next_task];

		flush_done(&b);
		reply.len = 0;
		r->status = task(ctx, b.next_task);
		r->data = reply.p;
		r->dlen = reply.len;
		r->ready = 1;
		reply.p = NULL;
		reply.len = reply.cap = 0;
	}
	flush_done(&b);
	free(w);
	free(b.res);
	signal(SIGPIPE, old);
	return started > 0 || nw <= 1 ? 0 : -1;
}
