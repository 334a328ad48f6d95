#define _GNU_SOURCE
#include "prefetch.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "assignment.h"

#define AHEAD 16 /* folders listed and not yet taken, at most */

struct hwk_prefetch {
	const char *const *dirs;
	size_t n;
	hwk_strs *names; /* one a folder */
	int *err;        /* its errno, 0 when listed */
	size_t done;     /* listed: 0..done-1 */
	size_t taken;    /* handed out: 0..taken-1 */
	int stop;
	int threaded;
	pthread_t t;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static int list(hwk_prefetch *p, size_t i)
{
	hwk_strs names = {0};
	int e = hwk_dir_yaml_names(p->dirs[i], &names) < 0 ? errno : 0;
	p->names[i] = names;
	return e;
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
		int e = list(p, i); /* names[i] is not looked at before done passes i */
		pthread_mutex_lock(&p->mu);
		p->err[i] = e;
		p->done = i + 1;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

hwk_prefetch *hwk_prefetch_start(const char *const *dirs, size_t n)
{
	hwk_prefetch *p = hwk_xcalloc(1, sizeof *p);
	p->dirs = dirs;
	p->n = n;
	p->names = hwk_xcalloc(n + 1, sizeof *p->names);
	p->err = hwk_xcalloc(n + 1, sizeof *p->err);
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

int hwk_prefetch_get(hwk_prefetch *p, size_t i, hwk_strs *names)
{
	int e;
	if (!p->threaded) {
		e = list(p, i);
	} else {
		pthread_mutex_lock(&p->mu);
		while (p->done <= i)
			pthread_cond_wait(&p->cv, &p->mu);
		e = p->err[i];
		p->taken = i + 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	*names = p->names[i];
	memset(&p->names[i], 0, sizeof p->names[i]);
	if (e) {
		hwk_strs_free(names);
		errno = e;
		return -1;
	}
	return 0;
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
		hwk_strs_free(&p->names[i]);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p->names);
	free(p->err);
	free(p);
}
