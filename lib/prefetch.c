#define _GNU_SOURCE
#include "prefetch.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#define AHEAD 16 /* folders read and not yet taken, at most */

/* what was read of one folder */
typedef struct {
	hwk_assignments l;
	int err;   /* the listing's errno, 0 when listed */
	int rc;    /* hwk_assignments_load_period's */
	char *msg; /* what it said (owned), msglen bytes */
	size_t msglen;
} folder;

struct hwk_prefetch {
	const char *const *dirs;
	size_t n;
	hwk_day from, to;
	folder *f;       /* one a folder */
	size_t done;     /* read: 0..done-1 */
	size_t taken;    /* handed out: 0..taken-1 */
	int stop;
	int threaded;
	pthread_t t;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/* Read folder i into p->f[i] (its messages kept there): from either thread. */
static void read_one(hwk_prefetch *p, size_t i)
{
	folder *f = &p->f[i];
	hwk_strs names = {0};
	if (hwk_dir_yaml_names(p->dirs[i], &names) < 0) {
		f->err = errno;
		return;
	}
	FILE *m = open_memstream(&f->msg, &f->msglen);
	hwk_err_to(m); /* NULL (no memory): said on the spot, out of order at worst */
	f->rc = hwk_assignments_load_period(p->dirs[i], &names, p->from, p->to, &f->l);
	hwk_err_to(NULL);
	if (m)
		fclose(m);
	hwk_strs_free(&names);
}

static void *run(void *arg)
{
	hwk_prefetch *p = arg;
	pthread_mutex_lock(&p->mu);
	while (!p->stop && p->done < p->n) {
		if (p->done - p->taken >= AHEAD) {
			pthread_cond_wait(&p->cv, &p->mu);
			continue;
		}
		size_t i = p->done;
		pthread_mutex_unlock(&p->mu);
		read_one(p, i); /* f[i] is not looked at before done passes i */
		pthread_mutex_lock(&p->mu);
		p->done = i + 1;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

hwk_prefetch *hwk_prefetch_start(const char *const *dirs, size_t n, hwk_day from, hwk_day to)
{
	hwk_prefetch *p = hwk_xcalloc(1, sizeof *p);
	p->dirs = dirs;
	p->n = n;
	p->from = from;
	p->to = to;
	p->f = hwk_xcalloc(n + 1, sizeof *p->f);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (n > 1) {
		/* the thread takes no signal: they stay the main thread's */
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		p->threaded = pthread_create(&p->t, NULL, run, p) == 0;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	return p;
}

static void folder_free(folder *f)
{
	hwk_assignments_free(&f->l);
	free(f->msg);
	memset(f, 0, sizeof *f);
}

int hwk_prefetch_get(hwk_prefetch *p, size_t i, hwk_assignments *l)
{
	if (!p->threaded) {
		read_one(p, i);
	} else {
		pthread_mutex_lock(&p->mu);
		while (p->done <= i)
			pthread_cond_wait(&p->cv, &p->mu);
		p->taken = i + 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	folder *f = &p->f[i];
	if (f->msglen)
		fwrite(f->msg, 1, f->msglen, stderr);
	int e = f->err, rc = f->rc < 0;
	*l = f->l;
	memset(&f->l, 0, sizeof f->l);
	folder_free(f);
	if (e) {
		errno = e;
		return -1;
	}
	return rc;
}

void hwk_prefetch_end(hwk_prefetch *p)
{
	if (!p)
		return;
	if (p->threaded) {
		pthread_mutex_lock(&p->mu);
		p->stop = 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		pthread_join(p->t, NULL);
	}
	for (size_t i = 0; i < p->n; i++)
		folder_free(&p->f[i]);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p->f);
	free(p);
}
