/* hwk export: everything hwk holds about a client, as JSON or as a tar of its files. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "err.h"
#include "export.h"
#include "store.h"

static const char usage[] = "usage: hwk export [-f json|tar] [CLIENT]\n";

/* what -f takes */
static const char *const formats[] = {"json", "tar", NULL};
static const hwk_value formats_v = {HWK_V_WORD, formats};
static const hwk_opt opts[] = {
	{"format", 'f', &formats_v},
	{0},
};
static const hwk_value operands[] = {{HWK_V_CLIENT, NULL}, {0}};
const hwk_cmd_args cmd_export_args = {opts, operands};

int cmd_export(int argc, char **argv, hwk_ctx *ctx)
{
	int c, st, tar = 0;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0) {
		if (hwk_word_in(optarg, formats)) {
			tar = !strcmp(optarg, "tar");
			continue;
		}
		hwk_err("%s: not a format of export (json, tar)", optarg);
		return hwk_usage(usage, 0);
	}
	if (c == 0)
		return st;
	if (argc - optind > 1)
		return hwk_usage(usage, 0);
	if (tar && isatty(STDOUT_FILENO)) {
		hwk_err("not writing a tar to a terminal: redirect it to a file, as in "
			"'hwk export -f tar CLIENT > CLIENT.tar'");
		return HWK_FAIL;
	}
	if (hwk_setup(ctx, ~0u, argv + optind, (size_t)(argc - optind)) < 0)
		return HWK_FAIL;
	const char *client = ctx->scope.client;
	/* under the client's lock: no entry, assignment or review changes while it is read */
	char *dir = hwk_client_dir(&ctx->scope.p, client);
	int lock = hwk_store_lock(dir, dir);
	free(dir);
	if (lock < 0)
		return HWK_FAIL;
	hwk_export x;
	int rc = hwk_export_collect(&ctx->scope.p, client, &x);
	hwk_store_unlock(lock);
	if (rc < 0)
		return HWK_FAIL;
	rc = tar ? hwk_export_tar(stdout, &x) : hwk_export_json(stdout, &x, ctx->now);
	hwk_export_free(&x);
	return rc == 0 ? HWK_OK : HWK_FAIL;
}
