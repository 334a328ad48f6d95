/* hwk clone: a client folder or a practice from a git remote, private and set up. */
#define _GNU_SOURCE
#include <stdio.h>

#include "clone.h"
#include "cmd.h"
#include "err.h"

static const char usage[] = "usage: hwk clone [-q] URL [DIR]\n";

static const hwk_opt opts[] = {
	{"quiet", 'q', 0},
	{0},
};
static const hwk_value operands[] = {{HWK_V_TEXT, NULL}, {HWK_V_DIR, NULL}, {0}};
const hwk_cmd_args cmd_clone_args = {opts, operands};

int cmd_clone(int argc, char **argv, hwk_ctx *ctx)
{
	int c, quiet = 0, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0)
		quiet = c == 'q';
	if (c == 0)
		return st;
	int n = argc - optind;
	if (n < 1 || n > 2 || !*argv[optind] || (n == 2 && !*argv[optind + 1]))
		return hwk_usage(usage, 0);
	hwk_cloned r;
	if (hwk_clone(argv[optind], n == 2 ? argv[optind + 1] : NULL, ctx->dir, &r) < 0)
		return HWK_FAIL;
	if (!quiet) {
		if (r.client)
			hwk_note("cloned %s's client folder into %s", r.client, r.path);
		else
			hwk_note("cloned a practice into %s", r.path);
	}
	hwk_cloned_free(&r);
	return HWK_OK;
}
