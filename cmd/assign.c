/* hwk assign: give a client homework; adjust or end an assignment. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assignment.h"
#include "cmd.h"
#include "err.h"
#include "practice.h"

static const char usage[] =
	"usage: hwk assign [CLIENT] TYPE [-e FREQ] [--start DATE] [--until DATE] [--when TEXT]\n"
	"                  [--where TEXT] [--minimum TEXT] [-m INSTRUCTIONS] [--name NAME]\n"
	"       hwk assign --edit ID [-e FREQ] [--until DATE|never] [--when TEXT] [--where TEXT]\n"
	"                  [--minimum TEXT] [-m INSTRUCTIONS]\n"
	"       hwk assign --end ID [--at DATE]\n";

enum { O_START = 256, O_UNTIL, O_WHEN, O_WHERE, O_MINIMUM, O_NAME, O_EDIT, O_END, O_AT };

/* The changeable keys, in the order they are applied and recorded. */
static const char *const keys[] = {"every", "until", "when", "where", "minimum", "instructions"};
#define NKEYS (sizeof keys / sizeof *keys)

static int parse_day(const char *opt, const char *s, time_t now, hwk_day *d, char *out)
{
	if (hwk_parse_date(s, now, d) < 0) {
		hwk_err("%s: %s is not a date (2026-11-27, today, +4w, ...)", opt, s);
		return -1;
	}
	hwk_day_format(*d, out);
	return 0;
}

static int edit(hwk_practice *p, hwk_ctx *ctx, const char *spec, const char **set, int *given)
{
	hwk_assignments l = {0};
	int rc = HWK_FAIL, changed = 0;
	long i = hwk_assignment_locate(p, ctx->client, spec, &l);
	if (i < 0)
		goto out;
	hwk_assignment *a = &l.v[i];
	if (strcmp(a->status, "active")) {
		hwk_err("%s: the assignment has ended", a->id);
		goto out;
	}
	for (size_t k = 0; k < NKEYS; k++) {
		if (!given[k])
			continue;
		char day[16];
		const char *v = set[k];
		if (k == 1 && !strcmp(v, "never")) {
			v = NULL;
		} else if (k == 1) {
			hwk_day d;
			if (parse_day("--until", v, ctx->now, &d, day) < 0)
				goto out;
			v = day;
		}
		int r = hwk_assignment_set(a, keys[k], v, ctx->now);
		if (r < 0)
			goto out;
		changed |= r;
	}
	if (!changed) {
		hwk_note("%s: nothing to change", a->id);
	} else if (hwk_assignment_save(a, 0) < 0) {
		goto out;
	}
	rc = HWK_OK;
out:
	hwk_assignments_free(&l);
	return rc;
}

static int end(hwk_practice *p, hwk_ctx *ctx, const char *spec, const char *at)
{
	hwk_assignments l = {0};
	int rc = HWK_FAIL;
	hwk_day d = hwk_day_of(ctx->now);
	char day[16];
	if (at && parse_day("--at", at, ctx->now, &d, day) < 0)
		return HWK_FAIL;
	long i = hwk_assignment_locate(p, ctx->client, spec, &l);
	if (i >= 0 && hwk_assignment_end(&l.v[i], d, ctx->now) == 0 &&
	    hwk_assignment_save(&l.v[i], 0) == 0)
		rc = HWK_OK;
	hwk_assignments_free(&l);
	return rc;
}

static int create(hwk_practice *p, hwk_ctx *ctx, const char *client_arg, const char *type,
		  const char *start, const char **set, int *given, const char *name)
{
	hwk_assignment a = {0};
	hwk_type t = {0};
	hwk_day sday = hwk_day_of(ctx->now), uday;
	char sbuf[16], ubuf[16];
	char *client = NULL;
	int rc = HWK_FAIL, made = 0;

	if (start && parse_day("--start", start, ctx->now, &sday, sbuf) < 0)
		goto out;
	if (name && (!hwk_utf8_valid(name, strlen(name)) || strchr(name, '\n'))) {
		hwk_err("--name: the name must be one line of UTF-8 text");
		goto out;
	}
	hwk_day_format(sday, sbuf);
	if (given[1]) {
		if (parse_day("--until", set[1], ctx->now, &uday, ubuf) < 0)
			goto out;
		if (uday < sday) {
			hwk_err("--until: %s is before the start, %s", ubuf, sbuf);
			goto out;
		}
	}
	if (!client_arg)
		client_arg = ctx->client;
	if (client_arg) {
		if (!hwk_client_id_ok(client_arg)) {
			hwk_err("%s: not a client id (lower-case letters, digits, '-', '_' and '.'; "
				"a letter or digit first)", client_arg);
			goto out;
		}
		if (p->standalone && strcmp(client_arg, p->here_client)) {
			hwk_err("%s: this folder holds only %s's homework", client_arg, p->here_client);
			goto out;
		}
		client = hwk_xstrdup(client_arg);
	} else if (hwk_practice_client(p, NULL, 1, &client) < 0) {
		goto out;
	} else if (!client) {
		hwk_strs all = {0};
		if (hwk_practice_clients(p, &all) < 0)
			goto out;
		size_t n = all.n;
		hwk_strs_free(&all);
		if (n) {
			hwk_err("which client? name one: hwk assign CLIENT %s", type);
			goto out;
		}
		client = hwk_xstrdup("me"); /* a self-guided user's own practice */
	}
	if (hwk_type_load(type, p->exists && !p->standalone, &t) < 0)
		goto out;

	a.client = hwk_xstrdup(client);
	a.type = hwk_xstrdup(type);
	a.title = t.title ? hwk_xstrdup(t.title) : NULL;
	a.start = hwk_xstrdup(sbuf);
	a.status = hwk_xstrdup("active");
	a.every = hwk_xstrdup(p->default_every);
	hwk_fields_copy(&a.fields, &t.fields);
	a.id = hwk_assignment_new_id(sday, type);
	char *dir = hwk_client_dir(p, client);
	if (hwk_assignment_derive(&a, dir) < 0) {
		free(dir);
		goto out;
	}
	free(dir);
	for (size_t k = 0; k < NKEYS; k++)
		if (given[k] && hwk_assignment_set(&a, keys[k], k == 1 ? ubuf : set[k], ctx->now) < 0)
			goto out;
	/* a new assignment's history starts with its making, not with each option */
	for (size_t h = 0; h < a.nhistory; h++) {
		free(a.history[h].at);
		free(a.history[h].change);
		free(a.history[h].from);
		free(a.history[h].to);
	}
	a.nhistory = 0;
	hwk_assignment_add_change(&a, ctx->now, "assigned", NULL, NULL);

	if (hwk_practice_ensure(p, ctx->now) < 0)
		goto out;
	if (!p->standalone && (made = hwk_client_create(p, client, name, ctx->now)) < 0)
		goto out;
	if (hwk_assignment_save(&a, 1) < 0) {
		if (made == 1)
			hwk_client_uncreate(p, client);
		goto out;
	}
	printf("%s\n", a.id);
	rc = HWK_OK;
out:
	free(client);
	hwk_type_free(&t);
	hwk_assignment_free(&a);
	return rc;
}

int cmd_assign(int argc, char **argv, hwk_ctx *ctx)
{
	static const struct option opts[] = {
		{"every", required_argument, NULL, 'e'},
		{"start", required_argument, NULL, O_START},
		{"until", required_argument, NULL, O_UNTIL},
		{"when", required_argument, NULL, O_WHEN},
		{"where", required_argument, NULL, O_WHERE},
		{"minimum", required_argument, NULL, O_MINIMUM},
		{"message", required_argument, NULL, 'm'},
		{"name", required_argument, NULL, O_NAME},
		{"edit", required_argument, NULL, O_EDIT},
		{"end", required_argument, NULL, O_END},
		{"at", required_argument, NULL, O_AT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *set[NKEYS] = {0};
	int given[NKEYS] = {0};
	const char *start = NULL, *name = NULL, *edit_id = NULL, *end_id = NULL, *at = NULL;
	int c, k;
	while ((c = hwk_getopt(argc, argv, "e:m:h", opts)) != -1) {
		switch (c) {
		case 'e': k = 0; goto set;
		case O_UNTIL: k = 1; goto set;
		case O_WHEN: k = 2; goto set;
		case O_WHERE: k = 3; goto set;
		case O_MINIMUM: k = 4; goto set;
		case 'm': k = 5;
		set:
			set[k] = optarg;
			given[k] = 1;
			break;
		case O_START: start = optarg; break;
		case O_NAME: name = optarg; break;
		case O_EDIT: edit_id = optarg; break;
		case O_END: end_id = optarg; break;
		case O_AT: at = optarg; break;
		case 'h':
			return hwk_usage(usage, 1);
		default:
			return hwk_usage(usage, 0);
		}
	}
	int nargs = argc - optind, nset = 0;
	for (size_t i = 0; i < NKEYS; i++)
		nset += given[i];
	if (edit_id && end_id) {
		hwk_err("--edit and --end cannot be combined");
		return HWK_USAGE;
	}
	if ((edit_id || end_id) && (nargs || start || name)) {
		hwk_err("--%s takes an id and no CLIENT, TYPE, --start or --name",
			edit_id ? "edit" : "end");
		return HWK_USAGE;
	}
	if (end_id && nset) {
		hwk_err("--end takes only --at; to change an assignment use --edit");
		return HWK_USAGE;
	}
	if (at && !end_id) {
		hwk_err("--at goes with --end");
		return HWK_USAGE;
	}
	if (edit_id && !nset) {
		hwk_err("--edit needs something to change (--every, --until, --when, --where, --minimum, -m)");
		return HWK_USAGE;
	}
	if (!edit_id && !end_id && (nargs < 1 || nargs > 2))
		return hwk_usage(usage, 0);

	hwk_practice p;
	int rc = HWK_FAIL;
	if (hwk_practice_find(&p, ctx->dir) == 0) {
		if (edit_id)
			rc = edit(&p, ctx, edit_id, set, given);
		else if (end_id)
			rc = end(&p, ctx, end_id, at);
		else
			rc = create(&p, ctx, nargs == 2 ? argv[optind] : NULL, argv[argc - 1], start,
				    set, given, name);
	}
	hwk_practice_free(&p);
	return rc;
}
