/* hwk list: what is due, entries, assignments or clients, in a format for people or tools. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "entries.h"
#include "err.h"
#include "listing.h"

static const char usage[] =
	"usage: hwk list [due|entries|assignments|clients] [-f table|tsv|csv|json|yaml]\n"
	"                [-t TYPE] [-a ASSIGNMENT] [-s STATUS] [-r REASON] [--since DATE]\n"
	"                [--until DATE] [--all]\n";

enum { O_SINCE = 256, O_UNTIL, O_ALL };

static int day_opt(const char *opt, const char *s, time_t now, hwk_day *d)
{
	if (hwk_parse_date(s, now, d) == 0)
		return 0;
	hwk_err("%s: %s is not a date (2026-11-27, yesterday, mon, -7d, ...)", opt, s);
	return -1;
}

int cmd_list(int argc, char **argv, hwk_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"type", required_argument, NULL, 't'},
		{"assignment", required_argument, NULL, 'a'},
		{"status", required_argument, NULL, 's'},
		{"reason", required_argument, NULL, 'r'},
		{"since", required_argument, NULL, O_SINCE},
		{"until", required_argument, NULL, O_UNTIL},
		{"all", no_argument, NULL, O_ALL},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	hwk_filter flt = {.since = HWK_DAY_NONE, .until = HWK_DAY_NONE};
	hwk_fmt fmt = hwk_fmt_default(stdout);
	int c;
	while ((c = hwk_getopt(argc, argv, "f:t:a:s:r:h", opts)) != -1) {
		switch (c) {
		case 'f':
			if (hwk_fmt_parse(optarg, &fmt) < 0) {
				hwk_err("%s: not a format (table, tsv, csv, json, yaml)", optarg);
				return HWK_USAGE;
			}
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
		case 'h':
			return hwk_usage(usage, 1);
		default:
			return hwk_usage(usage, 0);
		}
	}
	if (argc - optind > 1)
		return hwk_usage(usage, 0);
	const char *kind = optind < argc ? argv[optind] : "due";
	/* k below is one of these (an index of kinds, not a column of an entry) */
	enum { DUE, ENTRIES, ASSIGNMENTS, CLIENTS };
	static const char *const kinds[] = {[DUE] = "due", [ENTRIES] = "entries",
					    [ASSIGNMENTS] = "assignments", [CLIENTS] = "clients", NULL};
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
	if (flt.status && k == ASSIGNMENTS ? strcmp(flt.status, "active") && strcmp(flt.status, "ended")
	    : flt.status && strcmp(flt.status, "done") && strcmp(flt.status, "partial") &&
		      strcmp(flt.status, "skipped")) {
		hwk_err("-s: %s is not %s", flt.status,
			k == ASSIGNMENTS ? "active or ended" : "done, partial or skipped");
		return HWK_USAGE;
	}

	hwk_practice p;
	hwk_strs clients = {0};
	char *client = NULL;
	int rc = HWK_FAIL;
	if (hwk_practice_find(&p, ctx->dir) < 0)
		goto out;
	/* one client when one is named or implied; else every client */
	if (ctx->client || p.here_client) {
		if (hwk_practice_client(&p, ctx->client, 0, &client) < 0)
			goto out;
		hwk_strs_push(&clients, client);
	} else if (hwk_practice_clients(&p, &clients) < 0) {
		goto out;
	}
	int r;
	switch (k) {
	case DUE: r = hwk_list_due(&p, &clients, &flt, ctx->now, fmt, stdout); break;
	case ENTRIES: r = hwk_list_entries(&p, &clients, &flt, fmt, stdout); break;
	case ASSIGNMENTS: r = hwk_list_assignments(&p, &clients, &flt, fmt, stdout); break;
	default: r = hwk_list_clients(&p, &clients, fmt, stdout); break;
	}
	rc = r < 0 ? HWK_FAIL : HWK_OK;
out:
	hwk_strs_free(&clients);
	hwk_practice_free(&p);
	return rc;
}
