#define _GNU_SOURCE
#include "report.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cache.h"
#include "err.h"
#include "prefetch.h"
#include "spill.h"

/* Attention: the thresholds of the brief. */
#define LOW_COMPLETION 50.0 /* % */
#define QUIET_DAYS 3        /* nothing logged for this many days or more */
#define SKIPS_ONE_REASON 3
#define SE_MOVE 5.0         /* sleep efficiency down (a flag) or up (improving) by this
			     * many points */

/* A metric's column in the records: the type's name and the metric's key, so that two
 * types' numbers of the same name never share a column ("sleep.se_mean"). */
static char *metric_col(const hwk_summary *s, const hwk_metric *m)
{
	size_t t = strlen(s->a->type), k = strlen(m->key);
	char *c = hwk_xmalloc(t + k + 2);
	memcpy(c, s->a->type, t);
	c[t] = '.';
	memcpy(c + t + 1, m->key, k + 1);
	return c;
}

static const hwk_metric *metric(const hwk_metrics *m, const char *key)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->v[i].key, key))
			return &m->v[i];
	return NULL;
}

/* How much a metric moved from the period before: NAN when either has no value. */
static double moved(const hwk_summary *s, const char *key)
{
	const hwk_metric *now = metric(&s->metrics, key), *before = metric(&s->metrics_before, key);
	if (!now || !before || isnan(now->value) || isnan(before->value))
		return NAN;
	return now->value - before->value;
}

static void flag(hwk_report_client *c, char *owned)
{
	hwk_strs_push(&c->flags, owned);
}

static int reason_index(const char *name)
{
	for (int i = 0; i < HWK_NREASONS; i++)
		if (!strcmp(hwk_reasons[i], name))
			return i;
	return -1;
}

static int row_counts(const hwk_entry *e)
{
	const char *st = e->cols.n > HWK_E_STATUS ? e->cols.v[HWK_E_STATUS] : "";
	return !strcmp(st, "done") || !strcmp(st, "partial");
}

/* Exposure: for each step with two or more sessions with a peak in the period (rows in
 * the order of at), its first and latest peaks: falling is improvement, else a flag. */
static void exposure_steps(const hwk_summary *s, hwk_report_assess *x)
{
	size_t n = 0;
	struct step {
		const char *name;
		double first, latest;
		long sessions;
	} *st = hwk_xcalloc(s->nrows + 1, sizeof *st);
	for (size_t i = 0; i < s->nrows; i++) {
		const hwk_entry *e = &s->rows[i];
		const char *pk = hwk_entry_field(s->a, e, "suds_peak");
		const char *name = hwk_entry_field(s->a, e, "step");
		double p;
		if (!row_counts(e) || !pk || hwk_parse_number(pk, &p) < 0)
			continue;
		if (!name)
			name = "-";
		size_t j = 0;
		while (j < n && strcmp(st[j].name, name))
			j++;
		if (j == n)
			st[n++] = (struct step){name, p, p, 0};
		st[j].latest = p;
		st[j].sessions++;
	}
	for (size_t j = 0; j < n; j++) {
		if (st[j].sessions < 2)
			continue;
		char a[32], b[32];
		hwk_fmt_decimal(a, st[j].first, 0);
		hwk_fmt_decimal(b, st[j].latest, 0);
		if (st[j].latest < st[j].first)
			hwk_strs_push(&x->improving,
				      hwk_xasprintf("peak SUDS falling on %s (%s to %s)", st[j].name, a, b));
		else
			hwk_strs_push(&x->flags, hwk_xasprintf("peak SUDS not falling on %s (%s to %s)",
							       st[j].name, a, b));
	}
	free(st);
}

/* One assignment's own flags, improvement and skip notes, from its rows (still there)
 * and its numbers. */
void hwk_report_assess_make(const hwk_summary *s, hwk_report_assess *x)
{
	memset(x, 0, sizeof *x);
	int av = reason_index("avoided");
	if (av >= 0 && s->now.reasons[av])
		hwk_strs_push(&x->flags, hwk_xasprintf("avoided %ld time%s", s->now.reasons[av],
						       s->now.reasons[av] == 1 ? "" : "s"));
	double d;
	if (!strcmp(s->a->type, "sleep") && !isnan(d = moved(s, "se_mean"))) {
		if (d <= -SE_MOVE)
			hwk_strs_push(&x->flags,
				      hwk_xasprintf("sleep efficiency down %.0f points", -d));
		else if (d >= SE_MOVE)
			hwk_strs_push(&x->improving,
				      hwk_xasprintf("sleep efficiency up %.0f points", d));
	}
	if (!strcmp(s->a->type, "exposure"))
		exposure_steps(s, x);
	for (size_t i = 0; i < s->nrows; i++) {
		const hwk_entry *e = &s->rows[i];
		const char *const *c = (const char *const *)e->cols.v;
		hwk_day day;
		if (e->cols.n <= HWK_E_NOTE || strcmp(c[HWK_E_STATUS], "skipped") ||
		    !*c[HWK_E_NOTE] || hwk_entry_day(e, &day) < 0)
			continue;
		x->notes = hwk_xrealloc(x->notes, (x->nnotes + 1) * sizeof *x->notes);
		hwk_skip_note *sn = &x->notes[x->nnotes++];
		hwk_day_format(day, sn->day);
		sn->reason = hwk_xstrdup(c[HWK_E_REASON]);
		sn->note = hwk_xstrdup(c[HWK_E_NOTE]);
	}
}

void hwk_report_assess_free(hwk_report_assess *x)
{
	hwk_strs_free(&x->flags);
	hwk_strs_free(&x->improving);
	for (size_t i = 0; i < x->nnotes; i++) {
		free(x->notes[i].reason);
		free(x->notes[i].note);
	}
	free(x->notes);
}

/* The client's flags as a whole; its assignments' own come from assess. */
static void attention(const hwk_report *r, hwk_report_client *c)
{
	long reasons[HWK_NREASONS] = {0};
	c->since_last = -1;
	for (size_t k = 0; k < c->n; k++) {
		const hwk_adherence *h = &c->s[k].now;
		c->expected += h->expected;
		c->completed += h->completed;
		for (int i = 0; i < HWK_NREASONS; i++)
			reasons[i] += h->reasons[i];
		if (h->since_last >= 0 && (c->since_last < 0 || h->since_last < c->since_last))
			c->since_last = h->since_last;
	}
	if (c->incomplete)
		flag(c, hwk_xstrdup("files not read (see the messages)"));
	c->completion = c->expected ? 100.0 * (double)c->completed / (double)c->expected : NAN;
	if (!isnan(c->completion) && c->completion < LOW_COMPLETION)
		flag(c, hwk_xasprintf("completion %.0f%%", c->completion));
	if (c->expected && c->since_last < 0) {
		char d[16];
		hwk_day_format(r->from - (r->to - r->from + 1), d);
		flag(c, hwk_xasprintf("nothing logged since %s", d));
	}
	else if (c->since_last >= QUIET_DAYS)
		flag(c, hwk_xasprintf("nothing logged for %ld days", c->since_last));
	/* avoided is flagged on its assignment at the first skip */
	int av = reason_index("avoided");
	for (int i = 0; i < HWK_NREASONS; i++)
		if (i != av && reasons[i] >= SKIPS_ONE_REASON)
			flag(c, hwk_xasprintf("%ld skips: %s", reasons[i], hwk_reasons[i]));
	c->nflags = c->flags.n;
	for (size_t k = 0; k < c->n; k++)
		c->nflags += c->x[k].flags.n;
}

/* One client's part, from its assignments of the period (l, taken; read: -1 when one
 * could not be, and was named), into c. yaml: client.yaml's lstat taken just before,
 * or NULL. */
static int client_make(const hwk_report *r, const hwk_practice *p, const char *client,
		       hwk_assignments *l, int read, const struct stat *yaml,
		       hwk_report_client *c)
{
	memset(c, 0, sizeof *c);
	char *dir = hwk_client_dir(p, client);
	/* an assignment or entries file that cannot be read is named in a message, and the
	 * client's others are reported all the same: -1 then */
	int rc = read;
	c->client = hwk_xstrdup(client);
	c->l = *l;
	memset(l, 0, sizeof *l);
	c->s = hwk_xcalloc(c->l.n + 1, sizeof *c->s);
	for (size_t k = 0; k < c->l.n; k++) {
		const hwk_assignment *a = &c->l.v[k];
		if (a->start_day > r->to || (a->until_day != HWK_DAY_NONE && a->until_day < r->from))
			continue;
		if (hwk_summary_make(a, r->from, r->to, r->today, r->week_start, NULL, &c->s[c->n]) < 0)
			rc = -1;
		else
			c->n++;
	}
	if (hwk_cache_client_name_st(dir, yaml, &c->name) < 0)
		rc = -1;
	c->incomplete = rc < 0;
	c->x = hwk_xcalloc(c->n + 1, sizeof *c->x);
	for (size_t k = 0; k < c->n; k++)
		hwk_report_assess_make(&c->s[k], &c->x[k]);
	/* the entries themselves are not shown: keep the numbers only */
	for (size_t k = 0; k < c->n; k++) {
		hwk_entry_rows_free(c->s[k].rows, c->s[k].nrows);
		c->s[k].rows = NULL;
		c->s[k].nrows = 0;
	}
	attention(r, c);
	free(dir);
	return rc;
}

static void client_free(hwk_report_client *c)
{
	for (size_t k = 0; k < c->n && c->x; k++)
		hwk_report_assess_free(&c->x[k]);
	free(c->x);
	hwk_summaries_free(c->s, c->n);
	hwk_assignments_free(&c->l);
	hwk_strs_free(&c->flags);
	free(c->client);
	free(c->name);
}

static void section(FILE *f, const hwk_report *r, const hwk_report_client *c, int md, int utf8);
static void rows_make(hwk_buf *b, const hwk_report *r, const hwk_report_client *c,
		      hwk_strs *metrics);
static void metric_seen(hwk_report *r, const char *key);

/* What the report keeps of a client: its section's text, which waits in the spill, its
 * caseload row, and (ROWS) the metric columns its records have. */
typedef struct {
	char *mem;
	size_t len;
	hwk_report_row row; /* at and len set when kept */
	hwk_strs metrics;
	int page_bad;
} kept_client;

/* The client's part made into k: in the thread that made the client, which then frees
 * it there (the report only reads r). -1 after a message. */
static int client_text(const hwk_report *r, const hwk_report_client *c, kept_client *k)
{
	memset(k, 0, sizeof *k);
	if (r->kind == HWK_REPORT_TEXT || r->kind == HWK_REPORT_MD) {
		FILE *m = open_memstream(&k->mem, &k->len);
		if (!m)
			return hwk_err_sys("a client's section");
		section(m, r, c, r->kind == HWK_REPORT_MD, r->utf8);
		if (fclose(m) != 0) {
			free(k->mem);
			k->mem = NULL;
			return hwk_err_sys("a client's section");
		}
	} else {
		hwk_buf b = {0};
		if (r->kind == HWK_REPORT_HTML)
			k->page_bad = r->page->client(&b, r, c) < 0; /* named: its charts left out */
		else
			rows_make(&b, r, c, &k->metrics);
		k->mem = b.s;
		k->len = b.len;
	}
	k->row = (hwk_report_row){
		.client = hwk_xstrdup(c->client),
		.nflags = c->nflags,
		.completion = c->completion,
		.since_last = c->since_last,
		.flags = hwk_report_caseload_str(c, 0),
		.improving = hwk_report_caseload_str(c, 1),
	};
	return 0;
}

static void kept_free(kept_client *k)
{
	free(k->mem);
	free(k->row.client);
	free(k->row.flags);
	free(k->row.improving);
	hwk_strs_free(&k->metrics);
	memset(k, 0, sizeof *k);
}

/* The client's section put into the spill and its caseload row kept (k's taken): what
 * the report holds of it from here on. -1 after a message: the spill cannot be
 * written. */
static int client_keep_text(hwk_report *r, kept_client *k)
{
	for (size_t i = 0; i < k->metrics.n; i++)
		metric_seen(r, k->metrics.v[i]);
	if (k->page_bad)
		r->page_bad = 1;
	off_t at;
	if (hwk_spill_add(r->spill, k->mem ? k->mem : "", k->len, &at) < 0) {
		kept_free(k);
		return -1;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->c = hwk_xrealloc(r->c, r->cap * sizeof *r->c);
	}
	k->row.at = at;
	k->row.len = k->len;
	r->c[r->n++] = k->row;
	k->row = (hwk_report_row){0};
	kept_free(k);
	return 0;
}

static int client_keep(hwk_report *r, const hwk_report_client *c)
{
	kept_client k;
	if (client_text(r, c, &k) < 0)
		return -1;
	return client_keep_text(r, &k);
}

int hwk_report_open(hwk_report *r, const hwk_practice *p)
{
	r->spill = hwk_spill_open(p->root);
	return r->spill ? 0 : -1;
}

/* What each client's part of a report is made with, in either thread (prefetch.h) */
typedef struct {
	const hwk_report *r;
	const hwk_practice *p;
	const hwk_strs *clients;
	struct stat *yaml; /* each client's client.yaml, as client_first found it */
	unsigned char *have; /* ... when it did (each written and read by one thread) */
} maker;

typedef struct {
	hwk_report_client c;
	int rc;   /* client_make's */
	int none; /* no client made: the folder is no client (yet), or (rc -1) it could not
		   * be looked into */
	int text; /* 1: made into kept and c freed; -1: that failed, after a message; 0:
		   * not made (HTML, whose charts read files: in the main thread) */
	kept_client kept;
} made_client;

static void *client_made(void *arg, size_t i, hwk_assignments *l, int rc)
{
	const maker *mk = arg;
	made_client *m = hwk_xcalloc(1, sizeof *m);
	m->rc = client_make(mk->r, mk->p, mk->clients->v[i], l, rc ? -1 : 0,
			    mk->have[i] ? &mk->yaml[i] : NULL, &m->c);
	if (mk->r->kind != HWK_REPORT_HTML) {
		/* freed where it was made: a block freed in the other thread goes back
		 * to this one's arena under its lock, which the two then wait on */
		m->text = client_text(mk->r, &m->c, &m->kept) < 0 ? -1 : 1;
		client_free(&m->c);
	}
	return m;
}

/* A folder of clients/ taken as it was listed (HWK_CLIENT_FOLDERS): is it a client?
 * Looked at here, in the thread that reads it, off the path of the report's start. */
static void *client_first(void *arg, size_t i)
{
	const maker *mk = arg;
	if (mk->p->standalone)
		return NULL;
	char *dir = hwk_client_dir(mk->p, mk->clients->v[i]);
	int is = hwk_client_folder_is_client(dir, &mk->yaml[i]);
	free(dir);
	if (is == 1) {
		mk->have[i] = 1; /* for client_made, in this thread */
		return NULL;
	}
	made_client *m = hwk_xcalloc(1, sizeof *m);
	m->none = 1;
	m->rc = is;
	return m;
}

static void client_drop(void *made)
{
	made_client *m = made;
	if (!m->text)
		client_free(&m->c);
	kept_free(&m->kept);
	free(m);
}

int hwk_report_add_clients(hwk_report *r, const hwk_practice *p, const hwk_strs *clients)
{
	/* the folders' assignments are read, and each client's numbers made, two clients at
	 * a time: in a second thread, and in this one while it waits for it; the clients
	 * are kept here, in their order */
	char **dirs = hwk_xcalloc(clients->n + 1, sizeof *dirs);
	for (size_t i = 0; i < clients->n; i++)
		dirs[i] = hwk_client_dir(p, clients->v[i]);
	maker mk = {r, p, clients, hwk_xcalloc(clients->n + 1, sizeof *mk.yaml),
		    hwk_xcalloc(clients->n + 1, 1)};
	hwk_prefetch_then then = {client_made, client_drop, &mk, client_first};
	hwk_prefetch *pf = hwk_prefetch_start((const char *const *)dirs, clients->n, r->from,
					      r->to, &then);
	int rc = 0;
	for (size_t i = 0; i < clients->n && rc > -2; i++) {
		hwk_assignments l = {0};
		void *made = NULL;
		int read = hwk_prefetch_get_made(pf, i, 1, &l, &made);
		if (made) {
			made_client *m = made;
			if (m->rc < 0)
				rc = -1;
			if (!m->none && (m->text ? m->text < 0 || client_keep_text(r, &m->kept) < 0
					     : client_keep(r, &m->c) < 0))
				rc = -2;
			client_drop(m);
		} else if (read < 0 && errno != ENOENT) {
			rc = hwk_err_sys("%s", dirs[i]); /* left out, named */
		} else { /* ENOENT: gone, nothing assigned */
			hwk_report_client c;
			if (client_make(r, p, clients->v[i], &l, read > 0 ? -1 : 0, NULL, &c) < 0)
				rc = -1;
			if (client_keep(r, &c) < 0)
				rc = -2;
			client_free(&c);
		}
		hwk_assignments_free(&l);
	}
	if (rc < 0)
		r->partial = 1;
	hwk_prefetch_end(pf);
	for (size_t i = 0; i < clients->n; i++)
		free(dirs[i]);
	free(dirs);
	free(mk.yaml);
	free(mk.have);
	return rc;
}

static int by_attention(const void *x, const void *y)
{
	const hwk_report_row *a = x, *b = y;
	if (a->nflags != b->nflags)
		return a->nflags > b->nflags ? -1 : 1;
	int na = isnan(a->completion), nb = isnan(b->completion);
	if (na != nb)
		return na ? 1 : -1;
	if (!na && a->completion != b->completion)
		return a->completion < b->completion ? -1 : 1;
	return strcmp(a->client, b->client);
}

void hwk_report_free(hwk_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->c[i].client);
		free(r->c[i].flags);
		free(r->c[i].improving);
	}
	free(r->c);
	hwk_strs_free(&r->metric_cols);
	hwk_spill_close(r->spill);
	memset(r, 0, sizeof *r);
}

/* ---- text and Markdown ---- */

static void pct(char *buf, size_t n, double v)
{
	if (isnan(v))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.0f%%", v);
}

static void last_str(char *buf, size_t n, long since)
{
	if (since < 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%ld", since);
}

static void join(hwk_buf *b, const hwk_strs *l, const char *type)
{
	for (size_t i = 0; i < l->n; i++) {
		if (b->s && *b->s)
			hwk_buf_adds(b, "; ");
		if (type)
			hwk_buf_printf(b, "%s: ", type);
		hwk_buf_adds(b, l->v[i]);
	}
}

static char *owned(hwk_buf *b)
{
	if (!b->s)
		hwk_buf_adds(b, "");
	return b->s;
}

/* A list joined by "; " (owned). */
static char *list_str(const hwk_strs *l)
{
	hwk_buf b = {0};
	join(&b, l, NULL);
	return owned(&b);
}

/* The caseload's words: the client's flags, then its assignments' each after its type
 * (improving: its assignments' signs of improvement the same way). Owned. */
char *hwk_report_caseload_str(const hwk_report_client *c, int improving)
{
	hwk_buf b = {0};
	if (!improving)
		join(&b, &c->flags, NULL);
	for (size_t k = 0; k < c->n; k++)
		join(&b, improving ? &c->x[k].improving : &c->x[k].flags, c->s[k].a->type);
	return owned(&b);
}

/* A text made visible; in md with each "|" written "\|" (a backslash escape in
 * Markdown, shown as "|"), so that a client's, a step's or a note's "|" never splits a
 * cell of the table or starts one. */
static void put_text(FILE *f, const char *s, int md)
{
	if (!md || !strchr(s, '|')) {
		hwk_put_visible(f, s);
		return;
	}
	char *t = hwk_xstrdup(s), *p = t;
	for (;;) {
		char *bar = strchr(p, '|');
		if (bar)
			*bar = 0;
		hwk_put_visible(f, p);
		if (!bar)
			break;
		fputs("\\|", f);
		p = bar + 1;
	}
	free(t);
}

static void put_cell(FILE *f, const char *s, void *md)
{
	put_text(f, s, *(int *)md);
}

static void caseload(FILE *f, const hwk_report *r, int md)
{
	static const char *const cols[] = {"client", "completion", "days since last entry",
					   "attention", "improving"};
	if (md)
		fputs("| client | completion | days since last entry | attention | improving |\n"
		      "|---|---|---|---|---|\n", f);
	hwk_out *o = md ? NULL : hwk_out_new(HWK_FMT_TABLE, f, cols, 5);
	for (size_t i = 0; i < r->n; i++) {
		const hwk_report_row *c = &r->c[i];
		char p[32], l[64];
		pct(p, sizeof p, c->completion);
		last_str(l, sizeof l, c->since_last);
		const char *fl = *c->flags ? c->flags : "-", *im = *c->improving ? c->improving : "-";
		if (md) {
			fputs("| ", f);
			put_text(f, c->client, 1);
			fprintf(f, " | %s | %s | ", p, l);
			put_text(f, fl, 1);
			fputs(" | ", f);
			put_text(f, im, 1);
			fputs(" |\n", f);
		} else {
			const char *vals[] = {c->client, p, l, fl, im};
			hwk_out_row(o, vals, NULL);
		}
	}
	if (o)
		hwk_out_end(o);
}

static void section(FILE *f, const hwk_report *r, const hwk_report_client *c, int md, int utf8)
{
	const char *h2 = md ? "## " : "", *h3 = md ? "### " : "  ", *li = md ? "- " : "    ";
	fprintf(f, "\n%s", h2);
	put_text(f, c->client, md);
	if (c->name && *c->name) {
		fputs(" (", f);
		put_text(f, c->name, md);
		fputc(')', f);
	}
	fputc('\n', f);
	if (!c->n)
		fprintf(f, "%s%s\n", md ? "\n" : h3,
			c->incomplete ? "no assignment to show: files not read (see the messages)"
				      : "no assignment was active");
	for (size_t k = 0; k < c->n; k++) {
		const hwk_summary *s = &c->s[k];
		const hwk_adherence *h = &s->now, *b = &s->before;
		char now[32], before[32];
		if (md)
			fputc('\n', f);
		const hwk_report_assess *x = &c->x[k];
		/* ended: as hwk review says it */
		fprintf(f, "%s%s, every %s (%s%s)\n", h3, s->a->type,
			hwk_assignment_every_on(s->a, r->to), s->a->id,
			strcmp(s->a->status, "active") ? ", ended" : "");
		if (md)
			fputc('\n', f);
		pct(now, sizeof now, h->completion);
		pct(before, sizeof before, b->completion);
		fprintf(f, "%sdone %ld, partial %ld, skipped %ld, missed %ld of %ld expected: %s", li,
			h->done, h->partial, h->skipped, h->missed, h->expected, now);
		if (!isnan(h->completion) && !isnan(b->completion))
			fprintf(f, " (the period before: %s, %+.0f)", before,
				h->completion - b->completion);
		else
			fprintf(f, " (the period before: %s)", before);
		fputc('\n', f);
		if (h->skipped) {
			fprintf(f, "%sskipped:", li);
			for (int i = 0, first = 1; i < HWK_NREASONS; i++)
				if (h->reasons[i]) {
					fprintf(f, "%s %s %ld", first ? "" : ",", hwk_reasons[i],
						h->reasons[i]);
					first = 0;
				}
			fputc('\n', f);
		}
		/* the skips' notes under them, as the client wrote them, made visible */
		for (size_t i = 0; i < x->nnotes; i++) {
			fprintf(f, "%s%s %s: ", md ? "  - " : "      ", x->notes[i].day,
				x->notes[i].reason);
			put_text(f, x->notes[i].note, md);
			fputc('\n', f);
		}
		for (int w = 0; w < 2; w++) {
			const hwk_strs *l = w ? &x->improving : &x->flags;
			if (!l->n)
				continue;
			char *t = list_str(l);
			fprintf(f, "%s%s: ", li, w ? "improving" : "attention");
			put_text(f, t, md);
			fputc('\n', f);
			free(t);
		}
		char *trend = hwk_sparkline(s, utf8);
		fprintf(f, "%strend %s%s%s\n", li, md ? "`" : "", trend, md ? "`" : "");
		free(trend);
		for (size_t i = 0; i < s->metrics.n; i++) {
			const hwk_metric *m = &s->metrics.v[i];
			char v[512];
			hwk_metric_str(m, v, sizeof v);
			fprintf(f, "%s%s: ", li, m->label);
			put_text(f, v, md);
			fprintf(f, " (%ld)\n", m->n);
		}
		if (s->metrics.hint)
			fprintf(f, "%s%s\n", li, s->metrics.hint);
		if (s->ladder.n)
			hwk_ladder_progress_print(f, &s->ladder, li, md ? "  - " : "      ",
						  put_cell, &md);
	}
	(void)r;
}

/* Each client's section, from the spill, in the order of r->c. -1 after a message. */
static int sections(FILE *f, hwk_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (hwk_spill_copy(r->spill, r->c[i].at, r->c[i].len, f) < 0)
			return -1;
	return 0;
}

static int text_print(FILE *f, hwk_report *r)
{
	int md = r->kind == HWK_REPORT_MD;
	char from[16], to[16];
	hwk_day_format(r->from, from);
	hwk_day_format(r->to, to);
	fprintf(f, "%sReport for %s to %s", md ? "# " : "", from, to);
	if (r->label)
		fprintf(f, " (%s)", r->label);
	fprintf(f, ", %zu client%s\n\n", r->n, r->n == 1 ? "" : "s");
	caseload(f, r, md);
	return sections(f, r);
}

static int rows_print(FILE *f, hwk_report *r);

int hwk_report_print(FILE *f, hwk_report *r)
{
	if (r->n > 1)
		qsort(r->c, r->n, sizeof *r->c, by_attention);
	if (r->kind == HWK_REPORT_TEXT || r->kind == HWK_REPORT_MD)
		return text_print(f, r);
	if (r->kind == HWK_REPORT_ROWS)
		return rows_print(f, r);
	r->page->head(f, r);
	int rc = sections(f, r);
	r->page->foot(f);
	return rc < 0 || r->page_bad ? -1 : 0;
}

/* ---- records ---- */

static const char *const fixed_cols[] = {
	"client", "name", "assignment", "type", "every", "from", "to", "expected", "done",
	"partial", "skipped", "missed", "completion", "completion_before", "completion_change",
	"since_last", "streak", "streak_unit", "trend", "attention",
};
#define NFIXED (sizeof fixed_cols / sizeof *fixed_cols)
/* after the skips by reason */
static const char *const more_cols[] = {"improving", "client_attention", "skip_notes", "ladder",
					"next_step"};
#define NMORE (sizeof more_cols / sizeof *more_cols)
#define C_MORE (NFIXED + HWK_NREASONS)

/* An assignment's skip notes: in JSON an array of {assignment, day, reason, note},
 * else "DAY REASON: NOTE" joined by "; ". Owned. */
static char *notes_str(const hwk_summary *s, const hwk_report_assess *x, int json)
{
	hwk_buf b = {0};
	if (json)
		hwk_buf_addc(&b, '[');
	for (size_t i = 0; i < x->nnotes; i++) {
		const hwk_skip_note *n = &x->notes[i];
		if (json) {
			hwk_buf_adds(&b, i ? ",{\"assignment\":" : "{\"assignment\":");
			hwk_json_str(&b, s->a->id);
			hwk_buf_printf(&b, ",\"day\":\"%s\",\"reason\":", n->day);
			hwk_json_str(&b, n->reason);
			hwk_buf_adds(&b, ",\"note\":");
			hwk_json_str(&b, n->note);
			hwk_buf_addc(&b, '}');
		} else {
			hwk_buf_printf(&b, "%s%s %s: %s", i ? "; " : "", n->day, n->reason, n->note);
		}
	}
	if (json)
		hwk_buf_addc(&b, ']');
	return owned(&b);
}

/* An assignment's ladder (hwk_ladder_progress): in JSON an array of its steps
 * (hwk_ladder_progress_json), else "N STEP" joined by "; ". Owned. */
static char *ladder_str(const hwk_ladder_progress *p, int json)
{
	hwk_buf b = {0};
	if (json)
		hwk_ladder_progress_json(p, &b);
	for (size_t i = 0; i < p->n && !json; i++) {
		char *t = hwk_step_progress_str(&p->v[i]);
		hwk_buf_printf(&b, "%s%zu %s", i ? "; " : "", i + 1, t);
		free(t);
	}
	return owned(&b);
}

/* A number as the records show it, in the column's own room. */
typedef char numbuf[32];

static void num(const char **vals, numbuf *room, size_t x, double v, int decimals)
{
	hwk_fmt_decimal(room[x], v, decimals);
	vals[x] = room[x];
}

/* The metric columns of the records: each metric two columns, "TYPE.KEY" and
 * "TYPE.KEY_n", and whether its value is a text (exposure's peak_by_step). */
typedef struct {
	hwk_strs cols;        /* every column, the fixed ones first */
	size_t first;         /* the first metric column */
	unsigned char *text;  /* per column: a metric given as text */
	size_t cap;
	size_t last;          /* where the last lookup matched: a row's metrics come in
			       * the order of its type's columns, so the next is near */
} colset;

static size_t col_find(colset *c, const char *key)
{
	size_t span = c->cols.n - c->first;
	for (size_t k = 0; k < span; k += 2) {
		size_t x = c->first + (c->last - c->first + k) % span;
		if (!strcmp(c->cols.v[x], key))
			return c->last = x;
	}
	return (size_t)-1;
}

static void col_push(colset *c, char *owned, int text)
{
	if (c->cols.n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 128;
		c->text = hwk_xrealloc(c->text, c->cap);
	}
	c->text[c->cols.n] = (unsigned char)text;
	hwk_strs_push(&c->cols, owned);
}

static void metric_push(colset *c, const char *type, const hwk_metric *m)
{
	char *key = hwk_xasprintf("%s.%s", type, m->key);
	if (c->cols.n > c->first && col_find(c, key) != (size_t)-1) {
		free(key);
		return;
	}
	char *n = hwk_xasprintf("%s_n", key);
	col_push(c, key, m->text != NULL);
	col_push(c, n, 0);
}

static int field_by_name(const void *a, const void *b)
{
	return strcmp(((const hwk_field *)a)->name, ((const hwk_field *)b)->name);
}

/* A type's metric columns, whatever the data: its metrics over no entries (every type
 * yields the same keys whatever the data; metrics.c), its fields taken in the order of
 * their names. */
static void type_cols(colset *c, const char *type, const hwk_fields *fields)
{
	hwk_assignment a = {0};
	a.type = (char *)type;
	if (fields && fields->n) {
		a.fields.n = fields->n;
		a.fields.v = hwk_xcalloc(fields->n, sizeof *a.fields.v);
		memcpy(a.fields.v, fields->v, fields->n * sizeof *a.fields.v);
		qsort(a.fields.v, a.fields.n, sizeof *a.fields.v, field_by_name);
	}
	hwk_metrics m;
	hwk_metrics_compute(&a, NULL, 0, &m);
	for (size_t i = 0; i < m.n; i++)
		metric_push(c, type, &m.v[i]);
	hwk_metrics_free(&m);
	free(a.fields.v);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The records' columns, one fixed set for a practice whatever the period's data (the
 * report's own format, hwk-report(1)): the fixed ones, the skips by reason, the three texts after
 * them; then every built-in type's metrics, the types in the order of hwk types, each
 * type's metrics in the order review shows them; then the custom types of types/, in
 * the byte order of their names, each with its fields' metrics in the byte order of
 * the fields' names. A metric that an assignment has and this set has not (its type
 * left types/, or its fields differ from the type's now) comes after all of them,
 * these in the byte order of their columns' names: only then can two periods differ. */
static int record_cols(colset *c, const hwk_report *r)
{
	int bad = 0;
	for (size_t i = 0; i < NFIXED; i++)
		col_push(c, hwk_xstrdup(fixed_cols[i]), 0);
	for (int i = 0; i < HWK_NREASONS; i++)
		col_push(c, hwk_xasprintf("skipped_%s", hwk_reasons[i]), 0);
	for (size_t i = 0; i < NMORE; i++)
		col_push(c, hwk_xstrdup(more_cols[i]), 0);
	c->first = c->last = c->cols.n;
	for (const char *const *t = hwk_builtin_types(); *t; t++)
		type_cols(c, *t, NULL);
	hwk_strs names = {0};
	if (hwk_custom_types(&names) == 0)
		for (size_t i = 0; i < names.n; i++) {
			if (hwk_is_builtin_type(names.v[i]))
				continue; /* refused where it is used; its columns are the built-in's */
			hwk_type t = {0};
			if (hwk_type_load(names.v[i], 1, &t) == 0)
				type_cols(c, names.v[i], &t.fields);
			else
				bad = 1; /* named: its columns come after all, as the data has them */
			hwk_type_free(&t);
		}
	hwk_strs_free(&names);
	/* what the data has beyond them (each once in r->metric_cols) */
	hwk_strs extra = {0};
	for (size_t i = 0; i < r->metric_cols.n; i++)
		if (col_find(c, r->metric_cols.v[i]) == (size_t)-1)
			hwk_strs_push(&extra, hwk_xstrdup(r->metric_cols.v[i]));
	if (extra.n)
		qsort(extra.v, extra.n, sizeof *extra.v, str_cmp);
	for (size_t j = 0; j < extra.n; j++) {
		col_push(c, extra.v[j], 0);
		col_push(c, hwk_xasprintf("%s_n", extra.v[j]), 0);
		extra.v[j] = NULL;
	}
	hwk_strs_free(&extra);
	return bad;
}

/* The values of a record before its metrics: the fixed columns, the skips by reason and
 * the texts after them. */
#define NVALS (C_MORE + NMORE)

/* A metric's column, each once in r->metric_cols: the data's, for record_cols. */
static void metric_seen(hwk_report *r, const char *key)
{
	/* a type's metrics come in the same order in each of its records: looked for
	 * after the last one found first */
	hwk_strs *l = &r->metric_cols;
	for (size_t k = 0; k < l->n; k++) {
		size_t x = (r->metric_next + k) % l->n;
		if (!strcmp(l->v[x], key)) {
			r->metric_next = x + 1;
			return;
		}
	}
	hwk_strs_push(l, hwk_xstrdup(key));
	r->metric_next = l->n;
}

static void put(hwk_buf *b, const char *s)
{
	hwk_buf_add(b, s, strlen(s) + 1);
}

/* A client's records, one per assignment, into b in a form that does not depend on the
 * columns (which only the whole caseload tells): each record its NVALS values, then
 * its metrics' count and each metric's column, value and count, every one of them
 * ended by a NUL. */
static void rows_make(hwk_buf *b, const hwk_report *r, const hwk_report_client *c,
		      hwk_strs *metrics)
{
	const char *vals[NVALS];
	numbuf room[NVALS];
	hwk_buf trend = {0};
	char from[16], to[16];
	int json = r->fmt == HWK_FMT_JSON;
	hwk_day_format(r->from, from);
	hwk_day_format(r->to, to);
	char *cfl = list_str(&c->flags);
	for (size_t k = 0; k < c->n; k++) {
		char *fl = list_str(&c->x[k].flags), *im = list_str(&c->x[k].improving);
		char *notes = notes_str(&c->s[k], &c->x[k], json);
		char *ladder = ladder_str(&c->s[k].ladder, json);
		const hwk_summary *s = &c->s[k];
		const hwk_adherence *h = &s->now;
		vals[0] = c->client;
		vals[1] = c->name ? c->name : "";
		vals[2] = s->a->id;
		vals[3] = s->a->type;
		vals[4] = hwk_assignment_every_on(s->a, r->to);
		vals[5] = from;
		vals[6] = to;
		num(vals, room, 7, (double)h->expected, 0);
		num(vals, room, 8, (double)h->done, 0);
		num(vals, room, 9, (double)h->partial, 0);
		num(vals, room, 10, (double)h->skipped, 0);
		num(vals, room, 11, (double)h->missed, 0);
		num(vals, room, 12, h->completion, 1);
		num(vals, room, 13, s->before.completion, 1);
		num(vals, room, 14, h->completion - s->before.completion, 1);
		num(vals, room, 15, h->since_last < 0 ? NAN : (double)h->since_last, 0);
		num(vals, room, 16, (double)h->streak, 0);
		vals[17] = h->streak_weeks ? "weeks" : "days";
		hwk_buf_reset(&trend);
		hwk_buf_adds(&trend, "");
		for (hwk_day d = s->from; d <= s->to; d++) {
			char n[32];
			hwk_fmt_decimal(n, (double)hwk_summary_day(s, d), 0);
			if (d > s->from)
				hwk_buf_addc(&trend, ' ');
			hwk_buf_adds(&trend, n);
		}
		vals[18] = trend.s;
		vals[19] = fl;
		for (int x = 0; x < HWK_NREASONS; x++)
			num(vals, room, NFIXED + (size_t)x, (double)h->reasons[x], 0);
		vals[C_MORE] = im;
		vals[C_MORE + 1] = cfl;
		vals[C_MORE + 2] = notes;
		vals[C_MORE + 3] = ladder;
		vals[C_MORE + 4] = s->ladder.n && s->ladder.next >= 0
					   ? s->ladder.v[s->ladder.next].step->name
					   : "";
		for (size_t x = 0; x < NVALS; x++)
			put(b, vals[x]);
		hwk_buf_printf(b, "%zu", s->metrics.n);
		hwk_buf_addc(b, 0);
		for (size_t m = 0; m < s->metrics.n; m++) {
			const hwk_metric *mt = &s->metrics.v[m];
			char *key = metric_col(s, mt);
			put(b, key);
			size_t x = 0; /* each of the client's once, for metric_seen */
			while (x < metrics->n && strcmp(metrics->v[x], key))
				x++;
			if (x == metrics->n)
				hwk_strs_push(metrics, key);
			else
				free(key);
			if (mt->text) {
				put(b, mt->text);
			} else {
				hwk_fmt_decimal(room[0], mt->value, mt->decimals);
				put(b, room[0]);
			}
			hwk_fmt_decimal(room[0], (double)mt->n, 0);
			put(b, room[0]);
		}
		free(fl);
		free(im);
		free(notes);
		free(ladder);
	}
	free(cfl);
	hwk_buf_free(&trend);
}

/* The next string of a client's records (rows_make), NUL-ended: NULL past their end. */
static const char *take(const char *buf, size_t len, size_t *pos)
{
	if (*pos >= len)
		return NULL;
	const char *s = buf + *pos;
	*pos += strlen(s) + 1;
	return s;
}

static int rows_print(FILE *f, hwk_report *r)
{
	colset set = {0};
	int bad = record_cols(&set, r), unread = 0;
	hwk_strs cols = set.cols;
	hwk_fmt fmt = r->fmt;
	hwk_coltype *types = hwk_xcalloc(cols.n, sizeof *types);
	for (size_t x = 7; x < cols.n; x++)
		types[x] = set.text[x] ? HWK_COL_TEXT : HWK_COL_NUM;
	types[17] = types[18] = types[19] = HWK_COL_TEXT; /* streak_unit, trend, attention */
	for (size_t i = 0; i < NMORE; i++)
		types[C_MORE + i] = HWK_COL_TEXT;
	if (fmt == HWK_FMT_JSON)
		types[C_MORE + 2] = types[C_MORE + 3] = HWK_COL_JSON;
	const char **vals = hwk_xcalloc(cols.n, sizeof *vals);
	char *buf = NULL;
	size_t cap = 0;

	hwk_out *o = hwk_out_new(fmt, f, (const char *const *)cols.v, cols.n);
	for (size_t i = 0; i < r->n && !unread; i++) {
		size_t len = r->c[i].len, pos = 0;
		if (len + 1 > cap) {
			cap = len + 1;
			free(buf);
			buf = hwk_xmalloc(cap);
		}
		if (hwk_spill_read(r->spill, r->c[i].at, len, buf) < 0) {
			unread = 1;
			break;
		}
		buf[len] = 0;
		while (pos < len) {
			memset(vals, 0, cols.n * sizeof *vals);
			for (size_t x = 0; x < NVALS; x++)
				vals[x] = take(buf, len, &pos);
			const char *nm = take(buf, len, &pos);
			size_t n = nm ? strtoul(nm, NULL, 10) : 0;
			for (size_t m = 0; m < n; m++) {
				const char *key = take(buf, len, &pos);
				const char *v = take(buf, len, &pos), *vn = take(buf, len, &pos);
				/* every metric's column is there (record_cols) */
				size_t x = key ? col_find(&set, key) : (size_t)-1;
				if (x != (size_t)-1)
					vals[x] = v, vals[x + 1] = vn;
			}
			hwk_out_row(o, vals, types);
		}
	}
	if (r->partial || bad || unread)
		hwk_out_fail(o);
	else
		hwk_out_end(o);
	free(buf);
	free(set.text);
	free(vals);
	free(types);
	hwk_strs_free(&cols);
	return bad || unread ? -1 : 0;
}
