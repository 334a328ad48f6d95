/* hwk init: make a new practice. */
#define _GNU_SOURCE
#include <stdio.h>

#include "cmd.h"
#include "err.h"
#include "practice.h"

static const char usage[] = "usage: hwk init [--git] [DIR]\n";

enum { O_GIT = HWK_LONG };
static const hwk_opt opts[] = {
	{"git", O_GIT, 0},
	{0},
};
static const hwk_value operands[] = {{HWK_V_DIR, NULL}, {0}};
const hwk_cmd_args cmd_init_args = {opts, operands};

int cmd_init(int argc, char **argv, hwk_ctx *ctx)
{
	int c, git = 0, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0)
		git = c == O_GIT;
	if (c == 0)
		return st;
	if (argc - optind > 1)
		return hwk_usage(usage, 0);
	const char *dir = optind < argc ? argv[optind] : ctx->dir ? ctx->dir : ".";
	if (hwk_practice_init(dir, git, ctx->now) < 0)
		return HWK_FAIL;
	hwk_note("made a practice in %s", dir);
	return HWK_OK;
}
