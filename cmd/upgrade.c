/* hwk upgrade: move a practice, or a client folder standing alone, to this hwk's format. */
#define _GNU_SOURCE
#include <stdio.h>

#include "cmd.h"
#include "err.h"
#include "upgrade.h"

static const char usage[] = "usage: hwk upgrade\n";

static const hwk_opt opts[] = {{0}};
const hwk_cmd_args cmd_upgrade_args = {opts, NULL};

int cmd_upgrade(int argc, char **argv, hwk_ctx *ctx)
{
	int c, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0)
		;
	if (c == 0)
		return st;
	if (argc - optind > 0)
		return hwk_usage(usage, 0);
	hwk_practice_allow_old(1);
	if (hwk_setup(ctx, ~0u, NULL, 0) < 0)
		return HWK_FAIL;
	const hwk_practice *p = &ctx->scope.p;
	hwk_upgrade_stats s;
	int rc = hwk_upgrade(p, ctx->now, &s);
	if (s.clients || s.practice)
		hwk_note("version " HWK_FORMAT_S " now: %zu client folder%s moved over (%zu "
			 "review%s moved, %zu entries file%s given the replaces column, %zu "
			 "ended assignment%s moved where version 3 keeps them)",
			 s.clients, s.clients == 1 ? "" : "s", s.reviews, s.reviews == 1 ? "" : "s",
			 s.files, s.files == 1 ? "" : "s", s.ended, s.ended == 1 ? "" : "s");
	else if (rc == 0)
		hwk_note("already version " HWK_FORMAT_S);
	return rc < 0 ? HWK_FAIL : HWK_OK;
}
