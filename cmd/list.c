/* hwk list: what is due, entries, assignments or clients, in a format for people or tools. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "entries.h"
#include "err.h"
#include "list.h"

static const char usage[] =
	"usage: hwk list [due|entries|assignments|clients] [-f table|tsv|csv|json|yaml]\n"
	"                [-t TYPE] [-a ASSIGNMENT] [-s STATUS] [-r REASON] [--since DATE]\n"
	"                [--until DATE] [--all] [--history]\n";

enum { O_SINCE = HWK_LONG, O_UNTIL, O_ALL, O_HISTORY };

static int day_opt(const char *opt, const char *s, time_t now, hwk_day *d)
{
	if (hwk_parse_date(s, now, d) == 0)
		return 0;
	hwk_err("%s: %s is not a date (2026-11-27, yesterday, mon, -7d, ...)", opt, s);
	return -1;
}

/* what -s takes (entries: the first three, and withdrawn with --history; assignments:
 * active or ended) */
static const char *const statuses[] = {"done", "partial", "skipped", "withdrawn", "active",
				       "ended", NULL};
static const hwk_value statuses_v = {HWK_V_WORD, statuses};
static const hwk_opt opts[] = {
	{"format", 'f', &hwk_v_format},
	/* which days */
	{"since", O_SINCE, &hwk_v_text}, {"until", O_UNTIL, &hwk_v_text}, {"all", O_ALL, 0},
	/* entries: every row as stored */
	{"history", O_HISTORY, 0},
	/* which rows */
	{"type", 't', &hwk_v_type}, {"assignment", 'a', &hwk_v_assign},
	{"status", 's', &statuses_v}, {"reason", 'r', &hwk_v_reason},
	{0},
};
/* k below is one of these (an index of kinds, not a column of an entry) */
enum { DUE, ENTRIES, ASSIGNMENTS, CLIENTS };
static const char *const kinds[] = {[DUE] = "due", [ENTRIES] = "entries",
				    [ASSIGNMENTS] = "assignments", [CLIENTS] = "clients", NULL};
static const hwk_value operands[] = {{HWK_V_WORD, kinds}, {0}};
const hwk_cmd_args cmd_list_args = {opts, operands};

int cmd_list(int argc, char **argv, hwk_ctx *ctx)
{
	hwk_filter flt = {.since = HWK_DAY_NONE, .until = HWK_DAY_NONE};
	hwk_fmt fmt = hwk_fmt_default(stdout);
	int c, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0) {
		switch (c) {
		case 'f':
			if (hwk_format_opt(optarg, &fmt) < 0)
				return HWK_USAGE;
			break;
		case 't': flt.type = optarg; break;
		case 'a': flt.assignment = optarg; break;
		case 's': flt.status = optarg; break;
		case 'r': flt.reason = optarg; break;
		case O_SINCE:
			if (day_opt("--since", optarg, ctx->now, &flt.since) < 0)
				return HWK_USAGE;
			break;
		case O_UNTIL:
			if (day_opt("--until", optarg, ctx->now, &flt.until) < 0)
				return HWK_USAGE;
			break;
		case O_ALL: flt.all = 1; break;
		case O_HISTORY: flt.history = 1; break;
		}
	}
	if (c == 0)
		return st;
	if (argc - optind > 1)
		return hwk_usage(usage, 0);
	const char *kind = optind < argc ? argv[optind] : "due";
	size_t k;
	for (k = 0; kinds[k]; k++)
		if (!strcmp(kinds[k], kind))
			break;
	if (!kinds[k]) {
		hwk_err("%s: not something to list (due, entries, assignments, clients)", kind);
		return HWK_USAGE;
	}
	if (flt.reason && !hwk_reason_ok(flt.reason)) {
		hwk_err("-r: %s is not one of busy, difficult, avoided, forgot, unclear, unsuited, other",
			flt.reason);
		return HWK_USAGE;
	}
	if (flt.history && k != ENTRIES) {
		hwk_err("--history: only entries have a history");
		return HWK_USAGE;
	}
	/* a withdrawing row is only listed with --history */
	if (flt.status && k == ASSIGNMENTS ? strcmp(flt.status, "active") && strcmp(flt.status, "ended")
	    : flt.status && strcmp(flt.status, "done") && strcmp(flt.status, "partial") &&
		      strcmp(flt.status, "skipped") &&
		      (!flt.history || strcmp(flt.status, "withdrawn"))) {
		hwk_err("-s: %s is not %s", flt.status,
			k == ASSIGNMENTS ? "active or ended"
			: flt.history ? "done, partial, skipped or withdrawn"
				      : "done, partial or skipped");
		return HWK_USAGE;
	}

	if (hwk_setup(ctx, ~0u, NULL, 0) < 0)
		return HWK_FAIL;
	const hwk_practice *p = &ctx->scope.p;
	const hwk_strs *clients = &ctx->scope.clients;
	int r;
	switch (k) {
	case DUE: r = hwk_list_due(p, clients, &flt, ctx->now, fmt, stdout); break;
	case ENTRIES: r = hwk_list_entries(p, clients, &flt, fmt, stdout); break;
	case ASSIGNMENTS: r = hwk_list_assignments(p, clients, &flt, fmt, stdout); break;
	default: r = hwk_list_clients(p, clients, fmt, stdout); break;
	}
	/* a client folder left out (and named) makes the list incomplete: exit 1 */
	return r < 0 || ctx->scope.omitted ? HWK_FAIL : HWK_OK;
}
