#define _GNU_SOURCE
#include "merge.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assignment.h"
#include "csvfile.h"
#include "date.h"
#include "err.h"
#include "row.h"
#include "ydoc.h"

static const char *const label[3] = {"base", "ours", "theirs"};

/* How many times an item is in the result, from how many times O, A and B hold it: what
 * either side added beyond O (the larger addition, so that the same addition on both
 * sides counts once), less what either removed (the larger removal). Symmetric in A and
 * B, and merging A with A gives A. */
static size_t merged_count(size_t o, size_t a, size_t b)
{
	long da = (long)a - (long)o, db = (long)b - (long)o;
	long add = da > db ? da : db, rem = -da > -db ? -da : -db;
	if (add < 0)
		add = 0;
	if (rem < 0)
		rem = 0;
	return (size_t)((long)o - rem + add);
}

/* An item of one side: its bytes (what makes two identical), its instant and side. */
typedef struct {
	char *bytes;
	size_t len;
	time_t t;
	int side;
} item;

typedef struct {
	item *v;
	size_t n, cap;
} items;

static void items_push(items *l, char *bytes, size_t len, time_t t, int side)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = hwk_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (item){bytes, len, t, side};
}

static void items_free(items *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].bytes);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int cmp_bytes(const item *x, const item *y)
{
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->bytes, y->bytes, n);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

static int cmp_item_bytes(const void *p, const void *q)
{
	return cmp_bytes(p, q);
}

static int cmp_item_ptr_time(const void *p, const void *q)
{
	const item *x = *(item *const *)p, *y = *(item *const *)q;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return cmp_bytes(x, y);
}

/* The result of all three sides' items (each a multiset): pointers into l, sorted by
 * instant then bytes. l is sorted by bytes on the way. */
static item **merge_items(items *l, size_t *nout)
{
	if (l->n)
		qsort(l->v, l->n, sizeof *l->v, cmp_item_bytes);
	item **res = hwk_xmalloc((l->n + 1) * sizeof *res);
	size_t n = 0;
	for (size_t i = 0; i < l->n;) {
		size_t j = i, count[3] = {0, 0, 0};
		while (j < l->n && !cmp_bytes(&l->v[i], &l->v[j]))
			count[l->v[j++].side]++;
		size_t k = merged_count(count[0], count[1], count[2]);
		for (size_t c = 0; c < k; c++)
			res[n++] = &l->v[i];
		i = j;
	}
	qsort(res, n, sizeof *res, cmp_item_ptr_time);
	*nout = n;
	return res;
}

/* ---- entries ---- */

typedef struct {
	hwk_buf header; /* as hwk writes it, with its LF; empty for an empty file */
	size_t nhead;
	int replaces;   /* the header ends with replaces */
} eside;

static int parse_entries(int side, const char *data, size_t len, eside *s, items *rows,
			 char **why)
{
	hwk_csvr *r = hwk_csvr_mem(data, len, label[side], 1);
	hwk_csvr_quiet(r);
	hwk_strs rec = {0};
	size_t line;
	int rc;
	while ((rc = hwk_csvr_next(r, &rec, &line)) == 1) {
		if (!s->header.len) {
			int ok = rec.n >= HWK_ENTRY_FIXED;
			for (size_t i = 0; ok && i < HWK_ENTRY_FIXED; i++)
				ok = !strcmp(rec.v[i], hwk_entry_fixed[i]);
			if (!ok) {
				*why = hwk_xasprintf("%s line %zu: not an entries header "
						     "(at,logged,status,reason,note,...)",
						     label[side], line);
				rc = -2;
				break;
			}
			hwk_csv_row(&s->header, (const char *const *)rec.v, rec.n);
			s->nhead = rec.n;
			s->replaces = !strcmp(rec.v[rec.n - 1], "replaces");
			continue;
		}
		if (rec.n != s->nhead && !(s->replaces && rec.n + 1 == s->nhead)) {
			*why = hwk_xasprintf("%s line %zu: the row has %zu columns, the header %zu",
					     label[side], line, rec.n, s->nhead);
			rc = -2;
			break;
		}
		time_t t;
		if (hwk_time_parse_iso(rec.v[HWK_E_LOGGED], &t) < 0) {
			*why = hwk_xasprintf("%s line %zu: 'logged' is not a time", label[side],
					     line);
			rc = -2;
			break;
		}
		hwk_buf b = {0};
		hwk_csv_row(&b, (const char *const *)rec.v, rec.n);
		items_push(rows, b.s, b.len, t, side);
	}
	if (rc == -1 && hwk_csvr_conflicted(r))
		*why = hwk_xasprintf("%s holds git conflict markers (line %zu)", label[side],
				     hwk_csvr_lineno(r));
	else if (rc == -1)
		*why = hwk_xasprintf("%s line %zu: not a CSV record hwk can read", label[side],
				     hwk_csvr_lineno(r));
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
	return rc < 0 ? -1 : 0;
}

/* The header of the result: 0 and *h, or -1 and *why. */
static int merged_header(const eside *a, const eside *b, const hwk_buf **h, char **why)
{
	const hwk_buf *x = &a->header, *y = &b->header;
	if (!x->len || (y->len && x->len < y->len)) {
		const hwk_buf *t = x;
		x = y;
		y = t;
	}
	/* x is the longer (or the only) one */
	if (!y->len || (x->len == y->len && !memcmp(x->s, y->s, x->len)) ||
	    (x->len == y->len + 9 && !memcmp(x->s, y->s, y->len - 1) &&
	     !strcmp(x->s + y->len - 1, ",replaces\n"))) {
		*h = x;
		return 0;
	}
	*why = hwk_xasprintf("the headers differ (ours %.*s, theirs %.*s)",
			     (int)(a->header.len - 1), a->header.s, (int)(b->header.len - 1),
			     b->header.s);
	return -1;
}

int hwk_entries_ordered(const char *data, size_t len)
{
	eside side;
	items rows = {0};
	char *why = NULL;
	memset(&side, 0, sizeof side);
	int rc = parse_entries(1, data, len, &side, &rows, &why) < 0 ? -1 : 1;
	for (size_t i = 1; rc == 1 && i < rows.n; i++)
		if (rows.v[i].t < rows.v[i - 1].t)
			rc = 0;
	free(why);
	hwk_buf_free(&side.header);
	items_free(&rows);
	return rc;
}

int hwk_merge_entries(const char *o, size_t on, const char *a, size_t an, const char *b,
		      size_t bn, hwk_buf *out, char **why)
{
	const char *data[3] = {o, a, b};
	size_t len[3] = {on, an, bn};
	eside s[3];
	items rows = {0};
	int rc = HWK_MERGE_CONFLICT;
	memset(s, 0, sizeof s);
	*why = NULL;
	/* ours and theirs first: a conflict is named on them before the base */
	for (int i = 1; i < 4; i++)
		if (parse_entries(i % 3, data[i % 3], len[i % 3], &s[i % 3], &rows, why) < 0)
			goto out;
	const hwk_buf *h;
	if (merged_header(&s[1], &s[2], &h, why) < 0)
		goto out;
	size_t n;
	item **res = merge_items(&rows, &n);
	hwk_buf_reset(out);
	hwk_buf_add(out, h->s ? h->s : "", h->len);
	for (size_t i = 0; i < n; i++)
		hwk_buf_add(out, res[i]->bytes, res[i]->len);
	free(res);
	rc = HWK_MERGE_OK;
out:
	for (int i = 0; i < 3; i++)
		hwk_buf_free(&s[i].header);
	items_free(&rows);
	return rc;
}

/* ---- assignments ---- */

#define KEY(k) {#k, offsetof(hwk_assignment, k)}
static const struct {
	const char *key;
	size_t off;
} akeys[] = {
	KEY(id), KEY(client), KEY(type), KEY(title), KEY(every), KEY(start), KEY(until),
	KEY(when), KEY(where), KEY(minimum), KEY(instructions), KEY(status),
};
#undef KEY
#define NAKEYS (sizeof akeys / sizeof *akeys)

static char **key_slot(hwk_assignment *x, size_t i)
{
	return (char **)((char *)x + akeys[i].off);
}

static char *fields_text(const hwk_fields *f)
{
	hwk_buf b = {0};
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	hwk_yw_str(w, "fields");
	hwk_fields_emit(w, f);
	hwk_yw_map_end(w);
	hwk_yw_end(w);
	if (!b.s)
		hwk_buf_adds(&b, "");
	return b.s;
}

/* A value in a message: quoted, on one line, cut short when long. */
static void show(hwk_buf *m, const char *v)
{
	if (!v) {
		hwk_buf_adds(m, "(none)");
		return;
	}
	hwk_buf_addc(m, '\'');
	size_t i = 0;
	for (; v[i] && i < 60; i++) {
		if (v[i] == '\n')
			hwk_buf_adds(m, "\\n");
		else if ((unsigned char)v[i] < 0x20)
			hwk_buf_addc(m, ' ');
		else
			hwk_buf_addc(m, v[i]);
	}
	if (v[i])
		hwk_buf_adds(m, "...");
	hwk_buf_addc(m, '\'');
}

/* Which of a's and b's values the result takes, given o's: 0 a, 1 b, -1 conflict. */
static int pick(int has_o, const char *o, const char *a, const char *b)
{
	if (hwk_streq(a, b))
		return 0;
	if (has_o && hwk_streq(a, o))
		return 1;
	if (has_o && hwk_streq(b, o))
		return 0;
	return -1;
}

/* pick, for texts made to compare (each owned, freed here) */
static int pick_owned(int has_o, char *o, char *a, char *b)
{
	int p = pick(has_o, o, a, b);
	free(o);
	free(a);
	free(b);
	return p;
}

static void push_history(items *l, const hwk_assignment *x, int side)
{
	for (size_t i = 0; i < x->nhistory; i++) {
		const hwk_change *c = &x->history[i];
		/* its content as bytes: the four values, each flagged present or not */
		hwk_buf b = {0};
		const char *v[4] = {c->at, c->change, c->from, c->to};
		for (int k = 0; k < 4; k++) {
			hwk_buf_addc(&b, v[k] ? '+' : '-');
			hwk_buf_adds(&b, v[k] ? v[k] : "");
			hwk_buf_addc(&b, '\0');
		}
		time_t t = 0;
		if (hwk_time_parse_iso(c->at, &t) < 0)
			t = (time_t)-1; /* never so: the caller checks first */
		items_push(l, b.s, b.len, t, side);
	}
}

static const char *hist_field(const item *it, int k)
{
	const char *p = it->bytes;
	for (int i = 0; i < k; i++)
		p += strlen(p) + 1;
	return *p == '+' ? p + 1 : NULL;
}

int hwk_merge_assignment(const char *o, size_t on, const char *a, size_t an, const char *b,
			 size_t bn, hwk_buf *out, char **why)
{
	hwk_assignment x[3];
	memset(x, 0, sizeof x);
	const char *data[3] = {o, a, b};
	size_t len[3] = {on, an, bn};
	int has_o = on > 0, ok = 1, rc = HWK_MERGE_TEXT;
	*why = NULL;
	hwk_err_quiet(1);
	for (int i = !has_o; i < 3 && ok; i++)
		ok = hwk_assignment_parse(label[i], data[i], len[i], &x[i]) == 0;
	hwk_err_quiet(0);
	if (!ok)
		goto out;

	rc = HWK_MERGE_CONFLICT;
	hwk_buf msg = {0};
	hwk_assignment r = {0};
	for (size_t i = 0; i < NAKEYS; i++) {
		const char *vo = *key_slot(&x[0], i), *va = *key_slot(&x[1], i),
			   *vb = *key_slot(&x[2], i);
		int p = pick(has_o, vo, va, vb);
		if (p < 0) {
			hwk_buf_printf(&msg, "%s'%s' changed on both sides: ours ",
				       msg.len ? "; " : "", akeys[i].key);
			show(&msg, va);
			hwk_buf_adds(&msg, ", theirs ");
			show(&msg, vb);
			continue;
		}
		*key_slot(&r, i) = (char *)(p ? vb : va);
	}
	int p = pick_owned(has_o, has_o ? fields_text(&x[0].fields) : NULL,
			   fields_text(&x[1].fields), fields_text(&x[2].fields));
	if (p < 0)
		hwk_buf_printf(&msg, "%s'fields' changed on both sides", msg.len ? "; " : "");
	else
		r.fields = x[1 + p].fields;
	/* the ladder as the fields: from the side that changed it */
	p = pick_owned(has_o, has_o ? hwk_ladder_text(&x[0].ladder) : NULL,
		       hwk_ladder_text(&x[1].ladder), hwk_ladder_text(&x[2].ladder));
	if (p < 0)
		hwk_buf_printf(&msg, "%s'ladder' changed on both sides", msg.len ? "; " : "");
	else
		r.ladder = x[1 + p].ladder;

	items hist = {0};
	for (int i = !has_o; i < 3; i++)
		push_history(&hist, &x[i], i);
	for (size_t i = 0; i < hist.n && !msg.len; i++)
		if (hist.v[i].t == (time_t)-1)
			hwk_buf_printf(&msg, "%s: a history record's 'at' is not a time",
				       label[hist.v[i].side]);
	if (!msg.len) {
		size_t n;
		item **res = merge_items(&hist, &n);
		r.history = hwk_xcalloc(n + 1, sizeof *r.history);
		r.nhistory = n;
		for (size_t i = 0; i < n; i++)
			r.history[i] = (hwk_change){(char *)hist_field(res[i], 0),
						    (char *)hist_field(res[i], 1),
						    (char *)hist_field(res[i], 2),
						    (char *)hist_field(res[i], 3)};
		free(res);
		hwk_buf_reset(out);
		hwk_assignment_emit(&r, out);
		free(r.history);
		/* each side was valid; the two together need not be */
		hwk_assignment check;
		hwk_err_quiet(1);
		int valid = hwk_assignment_parse("merged", out->s, out->len, &check) == 0;
		hwk_err_quiet(0);
		if (valid) {
			hwk_assignment_free(&check);
			rc = HWK_MERGE_OK;
		} else {
			hwk_buf_adds(&msg, "the two sides' changes together do not make a valid "
				     "assignment");
		}
	}
	items_free(&hist);
	if (rc != HWK_MERGE_OK)
		*why = hwk_xstrdup(msg.s);
	hwk_buf_free(&msg);
out:
	for (int i = 0; i < 3; i++)
		hwk_assignment_free(&x[i]);
	return rc;
}
