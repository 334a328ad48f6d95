/* hwk assign: give a client homework; adjust or end an assignment. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assignment.h"
#include "cmd.h"
#include "commit.h"
#include "entries.h"
#include "err.h"
#include "practice.h"

static const char usage[] =
	"usage: hwk assign [CLIENT] TYPE [-e FREQ] [--start DATE] [--until DATE] [--when TEXT]\n"
	"                  [--where TEXT] [--minimum TEXT] [-m INSTRUCTIONS] [--name NAME]\n"
	"                  [--step NAME=EXPECTED[/TARGET]]...\n"
	"       hwk assign --edit ID [-e FREQ] [--until DATE|never] [--when TEXT] [--where TEXT]\n"
	"                  [--minimum TEXT] [-m INSTRUCTIONS] [--step NAME=EXPECTED[/TARGET]]...\n"
	"       hwk assign --end ID [--at DATE]\n";

enum {
	O_START = HWK_LONG, O_UNTIL, O_WHEN, O_WHERE, O_MINIMUM, O_NAME, O_STEP, O_EDIT, O_END,
	O_AT
};

#define NKEYS HWK_ASSIGN_NKEYS

struct edit_arg {
	hwk_ctx *ctx;
	const char **set;
	const int *given;
	char *const *steps; /* --step: the whole ladder, when nsteps */
	size_t nsteps;
	hwk_buf what; /* for the commit message: "CLIENT ID KEY..." */
};

/* --edit, on the assignment as read under its folder's lock */
static int edit_one(hwk_assignment *a, void *arg)
{
	struct edit_arg *e = arg;
	int changed = 0;
	if (strcmp(a->status, "active"))
		return hwk_err("%s: the assignment has ended", a->id);
	for (size_t k = 0; k < NKEYS; k++) {
		if (!e->given[k])
			continue;
		char day[16];
		const char *v = e->set[k];
		if (k == 1 && !strcmp(v, "never")) {
			v = NULL;
		} else if (k == 1) {
			hwk_day d;
			if (hwk_assign_day("--until", v, e->ctx->now, &d, day) < 0)
				return -1;
			v = day;
		}
		int r = hwk_assignment_set(a, hwk_assign_keys[k], v, e->ctx->now);
		if (r < 0)
			return -1;
		if (r && !changed)
			hwk_buf_printf(&e->what, "%s %s", a->client, a->id);
		if (r)
			hwk_buf_printf(&e->what, " %s", hwk_assign_keys[k]);
		changed |= r;
	}
	if (e->nsteps) {
		hwk_ladder l;
		if (hwk_assignment_ladder_args(a, e->steps, e->nsteps, &l) < 0)
			return -1;
		int r = hwk_entries_keep_steps(a, &l);
		if (r == 0)
			r = hwk_assignment_set_ladder(a, &l, e->ctx->now);
		hwk_ladder_free(&l);
		if (r < 0)
			return -1;
		if (r && !changed)
			hwk_buf_printf(&e->what, "%s %s", a->client, a->id);
		if (r)
			hwk_buf_adds(&e->what, " ladder");
		changed |= r;
	}
	if (!changed)
		hwk_note("%s: nothing to change", a->id);
	return changed;
}

static int edit(hwk_practice *p, hwk_ctx *ctx, const char *spec, const char **set, int *given,
		char *const *steps, size_t nsteps)
{
	struct edit_arg e = {ctx, set, given, steps, nsteps, {0}};
	int r = hwk_assignment_update(p, ctx->client, spec, edit_one, &e);
	if (r > 0)
		hwk_commit(p, "assign: %s", e.what.s);
	hwk_buf_free(&e.what);
	return r < 0 ? HWK_FAIL : HWK_OK;
}

struct end_arg {
	hwk_day day;
	time_t now;
	char *what; /* for the commit message: "CLIENT ID ended DAY" */
};

static int end_one(hwk_assignment *a, void *arg)
{
	struct end_arg *e = arg;
	if (hwk_assignment_end(a, e->day, e->now) < 0)
		return -1;
	char day[16];
	hwk_day_format(e->day, day);
	e->what = hwk_xasprintf("%s %s ended %s", a->client, a->id, day);
	return 1;
}

static int end(hwk_practice *p, hwk_ctx *ctx, const char *spec, const char *at)
{
	struct end_arg e = {hwk_day_of(ctx->now), ctx->now, NULL};
	char day[16];
	if (at && hwk_assign_day("--at", at, ctx->now, &e.day, day) < 0)
		return HWK_FAIL;
	int r = hwk_assignment_update(p, ctx->client, spec, end_one, &e);
	if (r > 0 && e.what)
		hwk_commit(p, "assign: %s", e.what);
	free(e.what);
	return r < 0 ? HWK_FAIL : HWK_OK;
}

static const hwk_opt opts[] = {
	/* the assignment's keys (hwk_assign_keys) */
	{"every", 'e', &hwk_v_text}, {"start", O_START, &hwk_v_text}, {"until", O_UNTIL, &hwk_v_text},
	{"when", O_WHEN, &hwk_v_text}, {"where", O_WHERE, &hwk_v_text},
	{"minimum", O_MINIMUM, &hwk_v_text}, {"message", 'm', &hwk_v_text},
	{"name", O_NAME, &hwk_v_text}, {"step", O_STEP, &hwk_v_text},
	/* what to do to an existing one, and when */
	{"edit", O_EDIT, &hwk_v_assign}, {"end", O_END, &hwk_v_assign}, {"at", O_AT, &hwk_v_text},
	{0},
};
/* [CLIENT] TYPE */
static const hwk_value operands[] = {{HWK_V_CLIENT | HWK_V_TYPE, NULL}, {HWK_V_TYPE, NULL}, {0}};
const hwk_cmd_args cmd_assign_args = {opts, operands};

int cmd_assign(int argc, char **argv, hwk_ctx *ctx)
{
	hwk_assignment_opts o = {0};
	const char **set = o.set;
	int given[NKEYS] = {0};
	const char *edit_id = NULL, *end_id = NULL, *at = NULL;
	char **steps = hwk_xcalloc((size_t)argc + 1, sizeof *steps);
	size_t nsteps = 0;
	int c, k, st, rc = HWK_USAGE;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0) {
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
		case O_START: o.start = optarg; break;
		case O_NAME: o.name = optarg; break;
		case O_STEP: steps[nsteps++] = optarg; break;
		case O_EDIT: edit_id = optarg; break;
		case O_END: end_id = optarg; break;
		case O_AT: at = optarg; break;
		}
	}
	if (c == 0) {
		rc = st;
		goto out;
	}
	int nargs = argc - optind, nset = 0;
	for (size_t i = 0; i < NKEYS; i++)
		nset += given[i];
	if (edit_id && end_id) {
		hwk_err("--edit and --end cannot be combined");
		goto out;
	}
	if ((edit_id || end_id) && (nargs || o.start || o.name)) {
		hwk_err("--%s takes an id and no CLIENT, TYPE, --start or --name",
			edit_id ? "edit" : "end");
		goto out;
	}
	if (end_id && (nset || nsteps)) {
		hwk_err("--end takes only --at; to change an assignment use --edit");
		goto out;
	}
	if (at && !end_id) {
		hwk_err("--at goes with --end");
		goto out;
	}
	if (edit_id && !nset && !nsteps) {
		hwk_err("--edit needs something to change (--every, --until, --when, --where, --minimum, -m, --step)");
		goto out;
	}
	if (!edit_id && !end_id && (nargs < 1 || nargs > 2)) {
		rc = hwk_usage(usage, 0);
		goto out;
	}

	rc = HWK_FAIL;
	if (hwk_setup(ctx, ~0u, NULL, 0) < 0)
		goto out;
	hwk_practice *p = &ctx->scope.p;
	if (edit_id) {
		rc = edit(p, ctx, edit_id, set, given, steps, nsteps);
		goto out;
	}
	if (end_id) {
		rc = end(p, ctx, end_id, at);
		goto out;
	}
	o.client = nargs == 2 ? argv[optind] : ctx->client;
	o.type = argv[argc - 1];
	o.steps = steps;
	o.nsteps = nsteps;
	char *id, *what;
	if (hwk_assignment_create(p, &o, ctx->now, &id, &what) < 0)
		goto out;
	printf("%s\n", id);
	hwk_commit(p, "assign: %s", what);
	free(id);
	free(what);
	rc = HWK_OK;
out:
	free(steps);
	return rc;
}
