/* hwk calendar: a client's assignments as an iCalendar file, to import as reminders. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

#include "calendar.h"
#include "cmd.h"
#include "err.h"
#include "practice.h"

static const char usage[] = "usage: hwk calendar [CLIENT] [--alarm MINUTES]\n";

enum { O_ALARM = HWK_LONG };

static const hwk_opt opts[] = {
	{"alarm", O_ALARM, &hwk_v_text},
	{0},
};
static const hwk_value operands[] = {{HWK_V_CLIENT, NULL}, {0}};
const hwk_cmd_args cmd_calendar_args = {opts, operands};

int cmd_calendar(int argc, char **argv, hwk_ctx *ctx)
{
	long alarm = 15;
	int c, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0) {
		if (c == O_ALARM && (hwk_parse_long(optarg, &alarm) < 0 || alarm < 0 || alarm > 1440)) {
			hwk_err("--alarm: %s is not a number of minutes (0 to 1440)", optarg);
			return HWK_USAGE;
		}
	}
	if (c == 0)
		return st;
	if (argc - optind > 1)
		return hwk_usage(usage, 0);
	if (hwk_setup(ctx, ~0u, argv + optind, (size_t)(argc - optind)) < 0)
		return HWK_FAIL;
	const hwk_practice *p = &ctx->scope.p;
	const char *client = ctx->scope.client, *from;
	char *dir = hwk_client_dir(p, client), *zone = hwk_practice_zone(p, &from);
	hwk_assignments l = {0};
	hwk_client_info ci = {0};
	hwk_buf out = {0};
	int rc = HWK_FAIL;
	hwk_period recent = hwk_calendar_period(ctx->now);
	if (hwk_client_read(dir, 0, &ci) < 0 || hwk_assignments_load(dir, &recent, &l) < 0)
		goto out;
	hwk_calendar_opts o = {client, ci.name, ci.created, zone, from, ctx->now, (int)alarm};
	if (hwk_calendar_write(&l, &o, &out) < 0)
		goto out;
	fwrite(out.s, 1, out.len, stdout);
	rc = HWK_OK;
out:
	hwk_buf_free(&out);
	hwk_assignments_free(&l);
	free(ci.id);
	free(ci.name);
	free(ci.created);
	free(dir);
	free(zone);
	return rc;
}
