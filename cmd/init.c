/* hwk init: make a new practice. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "err.h"
#include "practice.h"

static const char usage[] = "usage: hwk init [--git] [DIR]\n";

int cmd_init(int argc, char **argv, hwk_ctx *ctx)
{
	static const struct option opts[] = {
		{"git", no_argument, NULL, 'g'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, git = 0;
	while ((c = hwk_getopt(argc, argv, "h", opts)) != -1) {
		switch (c) {
		case 'g':
			git = 1;
			break;
		case 'h':
			return hwk_usage(usage, 1);
		default:
			return hwk_usage(usage, 0);
		}
	}
	if (argc - optind > 1)
		return hwk_usage(usage, 0);
	const char *dir = optind < argc ? argv[optind] : ctx->dir ? ctx->dir : ".";
	if (hwk_practice_init(dir, git, ctx->now) < 0)
		return HWK_FAIL;
	hwk_note("made a practice in %s", dir);
	return HWK_OK;
}
