/* hwk review: what a client did since the last review, and the review kept. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "commit.h"
#include "err.h"
#include "html.h"
#include "practice.h"
#include "review.h"

static const char usage[] =
	"usage: hwk review [CLIENT] [--since DATE] [--until DATE] [-m NOTE | -e]\n"
	"                  [-r ASSIGNMENT=0..4]...\n"
	"       hwk review [CLIENT] [--since DATE] [--until DATE] -f text|html\n"
	"       hwk review [CLIENT] --amend (-m NOTE | -e)\n";

enum { O_SINCE = HWK_LONG, O_UNTIL, O_AMEND };

/* -r SPEC=N for the assignments of the review. */
static int rate(const char *arg, const hwk_assignments *l, const hwk_summary *s, size_t n,
		int *ratings)
{
	const char *eq = strrchr(arg, '=');
	long v;
	if (!eq || eq == arg || hwk_parse_long(eq + 1, &v) < 0 || v < 0 || v > HWK_RATING_MAX)
		return hwk_err("-r %s: give ASSIGNMENT=N, N from 0 (not done) to %d (very well)",
			       arg, HWK_RATING_MAX);
	char *spec = hwk_xstrndup(arg, (size_t)(eq - arg));
	/* a type name rates the one assignment of that type shown in the review, ended or
	 * not, as it is shown; else the name is looked up as hwk log does */
	long i = -1;
	size_t shown = 0, at = 0;
	for (size_t k = 0; k < n; k++)
		if (!strcmp(s[k].a->type, spec))
			shown++, at = k;
	for (size_t k = 0; k < l->n && shown == 1; k++)
		if (!strcmp(l->v[k].id, spec))
			shown = 0; /* an id is an id */
	if (shown == 1) {
		free(spec);
		ratings[at] = (int)v;
		return 0;
	}
	i = hwk_assignments_find(l, spec);
	free(spec);
	if (i < 0)
		return -1;
	for (size_t k = 0; k < n; k++)
		if (s[k].a == &l->v[i]) {
			ratings[k] = (int)v;
			return 0;
		}
	return hwk_err("-r %s: %s is not part of this review", arg, l->v[i].id);
}

/* A note given or written: -1 after a message when it is empty or not UTF-8. */
static int note_ok(const char *text, int given)
{
	if (!text[strspn(text, " \t\n")])
		return hwk_err(given ? "-m: an empty note: nothing recorded" : "no notes: nothing recorded");
	if (!hwk_utf8_valid(text, strlen(text)))
		return hwk_err(given ? "-m: the note is not valid UTF-8"
				     : "the notes are not valid UTF-8: nothing recorded");
	return 0;
}

/* hwk review --amend: the latest review's note replaced. */
static int amend(hwk_ctx *ctx, const char *dir, const char *note)
{
	const hwk_practice *p = &ctx->scope.p;
	const char *client = ctx->scope.client;
	char *rdir = hwk_reviews_dir(p, client), *was = NULL, *text = NULL;
	hwk_review_ref last = {0};
	int rc = HWK_FAIL;
	if (!rdir) {
		hwk_err("a client folder standing alone keeps no reviews: amend it in the practice");
		goto out;
	}
	if (hwk_review_note(rdir, client, &last, &was) <= 0)
		goto out;
	if (!note && hwk_review_edit_note(rdir, &last, was, &text) < 0)
		goto out;
	if (note_ok(note ? note : text, note != NULL) < 0 ||
	    hwk_review_amend(dir, rdir, &last, was, note ? note : text, ctx->now) < 0)
		goto out;
	hwk_note("amended %s", last.path);
	hwk_commit(p, "review: %s: amended", client);
	rc = HWK_OK;
out:
	hwk_review_ref_free(&last);
	free(rdir);
	free(was);
	free(text);
	return rc;
}

/* what -f takes */
static const char *const formats[] = {"text", "html", NULL};
static const hwk_value formats_v = {HWK_V_WORD, formats};
static const hwk_opt opts[] = {
	{"since", O_SINCE, &hwk_v_text},
	{"until", O_UNTIL, &hwk_v_text},
	{"message", 'm', &hwk_v_text},
	{"edit", 'e', 0},
	{"rate", 'r', &hwk_v_rate},
	{"amend", O_AMEND, 0},
	{"format", 'f', &formats_v},
	{0},
};
static const hwk_value operands[] = {{HWK_V_CLIENT, NULL}, {0}};
const hwk_cmd_args cmd_review_args = {opts, operands};

int cmd_review(int argc, char **argv, hwk_ctx *ctx)
{
	const char *since = NULL, *until = NULL, *note = NULL, *format = NULL;
	hwk_strs rates = {0};
	int c, edit = 0, amending = 0, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0) {
		switch (c) {
		case O_SINCE: since = optarg; break;
		case O_UNTIL: until = optarg; break;
		case 'm': note = optarg; break;
		case 'e': edit = 1; break;
		case 'r': hwk_strs_push(&rates, hwk_xstrdup(optarg)); break;
		case O_AMEND: amending = 1; break;
		case 'f': format = optarg; break;
		}
	}
	if (c == 0) {
		hwk_strs_free(&rates);
		return st;
	}
	int html = format && !strcmp(format, "html");
	if (format && !hwk_word_in(format, formats)) {
		hwk_err("%s: not a review format (text, html)", format);
		hwk_strs_free(&rates);
		return HWK_USAGE;
	}
	/* a page is a view, as text without -m or -e is: it records nothing */
	if (html && (note || edit || rates.n || amending)) {
		hwk_err("-f html shows the review and records nothing: -m, -e, -r and --amend "
			"record one");
		hwk_strs_free(&rates);
		return HWK_USAGE;
	}
	if (argc - optind > 1 || (note && edit) || (rates.n && !note && !edit) ||
	    (amending && (since || until || rates.n || (!note && !edit)))) {
		if (note && edit)
			hwk_err("-m and -e cannot be combined");
		else if (amending && (since || until || rates.n))
			hwk_err("--amend replaces the latest review's note: give -m NOTE or -e alone");
		else if (amending)
			hwk_err("--amend: give the new note, -m NOTE or -e");
		else if (rates.n && !note && !edit)
			hwk_err("-r rates a review being recorded: add -m NOTE or -e");
		hwk_strs_free(&rates);
		return argc - optind > 1 ? hwk_usage(usage, 0) : HWK_USAGE;
	}
	/* up to now: today is a day in progress (what is logged later belongs to the
	 * next review, which starts at this one's instant) */
	hwk_day today = hwk_day_of(ctx->now), from = today, to = today;
	if ((since && hwk_parse_date(since, ctx->now, &from) < 0) ||
	    (until && hwk_parse_date(until, ctx->now, &to) < 0)) {
		hwk_err("%s: %s is not a date (2026-11-27, mon, -2w, ...)",
			since && hwk_parse_date(since, ctx->now, &from) < 0 ? "--since" : "--until",
			since && hwk_parse_date(since, ctx->now, &from) < 0 ? since : until);
		hwk_strs_free(&rates);
		return HWK_USAGE;
	}

	hwk_assignments l = {0};
	hwk_review_ref last = {0};
	hwk_summary *s = NULL;
	hwk_window w;
	size_t n = 0;
	char *dir = NULL, *rdir = NULL, *name = NULL, *text = NULL, *path = NULL;
	int *ratings = NULL, rc = HWK_FAIL, have_last, had = 3;
	if (hwk_setup(ctx, ~0u, argv + optind, (size_t)(argc - optind)) < 0)
		goto out;
	const hwk_practice *p = &ctx->scope.p;
	const char *client = ctx->scope.client;
	dir = hwk_client_dir(p, client);
	if (amending) {
		rc = amend(ctx, dir, note);
		goto out;
	}
	rdir = hwk_reviews_dir(p, client);
	if ((have_last = hwk_review_last(rdir, &last)) < 0)
		goto out;
	/* the ended assignments that reach the review's days too: every one for a first
	 * review, which starts at the first assignment's start */
	hwk_period span = {since ? from : have_last ? hwk_day_of(last.reach) : HWK_DAY_NONE, to, 0};
	if (hwk_assignments_load(dir, &span, &l) < 0)
		goto out;
	if (hwk_review_range(&l, have_last ? &last : NULL, since != NULL, until != NULL, ctx->now,
			     &from, &to, &w)) {
		if (hwk_review_empty(have_last && !since ? &last : NULL, 0, note || edit) == 0)
			rc = HWK_OK;
		goto out;
	}
	hwk_client_info ci; /* read first: a client.yaml that is wrong stops the review */
	if (hwk_client_read(dir, 0, &ci) < 0)
		goto out;
	name = ci.name;
	free(ci.created);
	if (hwk_summaries_make(&l, from, to, today, p->week_start, &w, &s, &n) < 0)
		goto out;
	if (hwk_review_nothing_new(&w, from, today, s, n)) {
		if (hwk_review_empty(have_last ? &last : NULL, 1, note || edit) == 0)
			rc = HWK_OK;
		goto out;
	}
	ratings = hwk_xcalloc(n + 1, sizeof *ratings);
	for (size_t k = 0; k < n; k++)
		ratings[k] = -1;
	for (size_t i = 0; i < rates.n; i++)
		if (rate(rates.v[i], &l, s, n, ratings) < 0)
			goto out;
	hwk_review r = {client, name, from, to, today, have_last ? &last : NULL, s, n, ratings};
	if ((edit || note) && hwk_entries_bad()) {
		/* the next review would start after rows nobody saw: shown, not recorded */
		if (note)
			hwk_review_print(stdout, &r);
		hwk_err("not recorded: mend the rows named above, then review again");
		goto out;
	}
	if ((edit || note) && !rdir) {
		if (note)
			hwk_review_print(stdout, &r);
		hwk_err("a client folder standing alone keeps no reviews (they are the clinician's): "
			"record it in the practice");
		goto out;
	}
	if (edit || note) /* a review not kept leaves no folder made for it */
		had = (access("reviews", F_OK) == 0) | (access(rdir, F_OK) == 0) << 1;
	if (edit) {
		if (hwk_review_make(rdir) < 0 || hwk_review_edit(rdir, &r, &text) < 0 ||
		    note_ok(text, 0) < 0)
			goto out;
	} else if (html) {
		if (hwk_html_review(stdout, &r, p->week_start) < 0)
			goto out; /* an entries file named */
	} else {
		hwk_review_print(stdout, &r);
	}
	if (note) {
		if (note_ok(note, 1) < 0)
			goto out;
		text = hwk_xstrdup(note);
	}
	if (text) {
		if (hwk_review_save(dir, rdir, &r, text, ctx->now, &path) < 0)
			goto out;
		hwk_note("recorded in %s", path);
		hwk_commit(p, "review: %s", client);
	}
	rc = HWK_OK;
out:
	if (rc != HWK_OK && rdir)
		hwk_review_unmake(rdir, ~had & 3);
	hwk_summaries_free(s, n);
	free(ratings);
	hwk_review_ref_free(&last);
	hwk_assignments_free(&l);
	hwk_strs_free(&rates);
	free(dir);
	free(rdir);
	free(name);
	free(text);
	free(path);
	return rc;
}
