#define _GNU_SOURCE
#include "prefetch.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#define AHEAD 16 /* folders read or being read and not yet taken, at most */
#define AHEAD_MADE 4 /* the same when something is made of each (its text, say) */

/* what was read of one folder */
typedef struct {
	hwk_assignments l;
	int err;   /* the listing's errno, 0 when listed */
	int rc;    /* the loader's */
	char *msg; /* what it said (owned), msglen bytes, of which the first read_said
		    * reading the assignments */
	size_t msglen, read_said;
	void *made; /* then's */
	int done;  /* read (under the lock) */
} folder;

struct hwk_prefetch {
	const char *const *dirs;
	size_t n;
	hwk_day from, to;
	int all;         /* hwk_assignments_load_all, with past (or HWK_CURRENT: !has_past) */
	hwk_period past;
	int has_past;
	hwk_prefetch_then then; /* make NULL: none */
	size_t ahead;
	folder *f;       /* one a folder */
	size_t next;     /* taken up to be read: 0..next-1 */
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
	hwk_err_kept k;
	if (p->then.first) {
		hwk_err_keep(&k);
		f->made = p->then.first(p->then.arg, i);
		hwk_err_keep_end(&k);
		if (f->made) {
			f->msg = k.msg;
			f->msglen = k.len;
			return;
		}
		free(k.msg);
	}
	if (!p->all && hwk_dir_yaml_names(p->dirs[i], &names) < 0) {
		f->err = errno;
		return;
	}
	hwk_err_keep(&k);
	if (p->all)
		f->rc = hwk_assignments_load_all(p->dirs[i], p->has_past ? &p->past : HWK_CURRENT,
						 &f->l);
	else
		f->rc = hwk_assignments_load_period(p->dirs[i], &names, p->from, p->to, &f->l);
	if (p->then.make) {
		f->read_said = hwk_err_kept_len(&k);
		f->made = p->then.make(p->then.arg, i, &f->l, f->rc < 0);
	}
	hwk_err_keep_end(&k);
	f->msg = k.msg;
	f->msglen = k.len;
	if (!p->then.make)
		f->read_said = f->msglen;
	hwk_strs_free(&names);
}

/* Take up the next folder not taken up, if it is not too far ahead of the one handed
 * out, and read it; with the lock held, which is let go meanwhile. 0 when there was
 * none to take up. */
static int read_next(hwk_prefetch *p)
{
	if (p->stop || p->next >= p->n || p->next - p->taken >= p->ahead)
		return 0;
	size_t i = p->next++;
	pthread_mutex_unlock(&p->mu);
	read_one(p, i); /* f[i] is not looked at before it is done */
	pthread_mutex_lock(&p->mu);
	p->f[i].done = 1;
	pthread_cond_broadcast(&p->cv);
	return 1;
}

static void *run(void *arg)
{
	hwk_prefetch *p = arg;
	pthread_mutex_lock(&p->mu);
	while (!p->stop && p->next < p->n)
		if (!read_next(p))
			pthread_cond_wait(&p->cv, &p->mu);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static hwk_prefetch *start(const char *const *dirs, size_t n, hwk_prefetch *p)
{
	p->dirs = dirs;
	p->n = n;
	p->ahead = p->then.make ? AHEAD_MADE : AHEAD;
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

hwk_prefetch *hwk_prefetch_start(const char *const *dirs, size_t n, hwk_day from, hwk_day to,
				 const hwk_prefetch_then *then)
{
	hwk_prefetch *p = hwk_xcalloc(1, sizeof *p);
	p->from = from;
	p->to = to;
	if (then)
		p->then = *then;
	return start(dirs, n, p);
}

hwk_prefetch *hwk_prefetch_start_all(const char *const *dirs, size_t n, const hwk_period *past,
				     const hwk_prefetch_then *then)
{
	hwk_prefetch *p = hwk_xcalloc(1, sizeof *p);
	p->all = 1;
	if (then)
		p->then = *then;
	if (past) {
		p->past = *past;
		p->has_past = 1;
	}
	return start(dirs, n, p);
}

static void folder_free(const hwk_prefetch *p, folder *f)
{
	if (f->made && p->then.drop)
		p->then.drop(f->made);
	hwk_assignments_free(&f->l);
	free(f->msg);
	memset(f, 0, sizeof *f);
}

int hwk_prefetch_get(hwk_prefetch *p, size_t i, int say, hwk_assignments *l)
{
	return hwk_prefetch_get_made(p, i, say, l, NULL);
}

int hwk_prefetch_get_made(hwk_prefetch *p, size_t i, int say, hwk_assignments *l, void **made)
{
	if (!p->threaded) {
		read_one(p, i);
	} else {
		pthread_mutex_lock(&p->mu);
		/* (taken is i: each is asked for once, in order) while folder i is being read,
		 * the next ones are read here too */
		while (!p->f[i].done)
			if (!read_next(p))
				pthread_cond_wait(&p->cv, &p->mu);
		p->taken = i + 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	folder *f = &p->f[i];
	size_t from = say ? 0 : f->read_said;
	if (f->msglen > from)
		fwrite(f->msg + from, 1, f->msglen - from, stderr);
	int e = f->err, rc = f->rc < 0;
	*l = f->l;
	memset(&f->l, 0, sizeof f->l);
	if (made) {
		*made = f->made;
		f->made = NULL;
	}
	folder_free(p, f);
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
		folder_free(p, &p->f[i]);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p->f);
	free(p);
}
