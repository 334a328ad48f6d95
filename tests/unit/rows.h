/* rows: a growing set of log entries built in memory, for the unit tests of the
 * modules that read entries (adherence, metrics). */
#ifndef HWK_ROWS_H
#define HWK_ROWS_H

#include "entries.h"
#include "types.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An assignment of a built-in type, its fields as the built-in defines them (exit 2
 * when the type cannot be had). */
static inline void builtin(hwk_assignment *a, const char *type)
{
	hwk_type t = {0};
	memset(a, 0, sizeof *a);
	if (hwk_type_load(type, 0, &t) < 0) {
		fprintf(stderr, "# cannot load type %s\n", type);
		exit(2);
	}
	a->id = hwk_xasprintf("2026-11-20-%s-ab12", type);
	a->client = hwk_xstrdup("alex");
	a->type = hwk_xstrdup(type);
	hwk_fields_copy(&a->fields, &t.fields);
	hwk_type_free(&t);
}

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
