/* rows: a growing set of log entries built in memory, for the unit tests of the
 * modules that read entries (adherence, metrics). */
#ifndef HWK_ROWS_H
#define HWK_ROWS_H

#include "entries.h"
#include "util.h"

#include <string.h>

typedef struct {
	hwk_entry *v;
	size_t n;
} rowset;

/* A new entry with the leading columns: at, logged (= at), status, reason (NULL is
 * ""), note (""); returns it for more columns. */
static inline hwk_entry *rows_add(rowset *s, const char *at, const char *status,
				  const char *reason)
{
	s->v = hwk_xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	hwk_entry *e = &s->v[s->n++];
	memset(e, 0, sizeof *e);
	hwk_strs_push(&e->cols, hwk_xstrdup(at));
	hwk_strs_push(&e->cols, hwk_xstrdup(at));
	hwk_strs_push(&e->cols, hwk_xstrdup(status));
	hwk_strs_push(&e->cols, hwk_xstrdup(reason ? reason : ""));
	hwk_strs_push(&e->cols, hwk_xstrdup(""));
	return e;
}

static inline void rows_free(rowset *s)
{
	hwk_entry_rows_free(s->v, s->n);
	s->v = NULL;
	s->n = 0;
}

#endif
