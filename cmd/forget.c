/* hwk forget: remove a client for good, after a confirmation, and say what copies remain. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "err.h"
#include "forget.h"

static const char usage[] = "usage: hwk forget [-y] CLIENT\n";

/* Ask on the terminal for the client id: 1 typed, 0 not. */
static int confirmed(const char *client)
{
	fprintf(stderr,
		"hwk forget: this removes clients/%s and reviews/%s: every assignment, entry and "
		"review note of %s, for good.\nType the client id to confirm: ",
		client, client, client);
	fflush(stderr);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = 0;
	int ok = n > 0 && !strcmp(line, client);
	free(line);
	return ok;
}

static const hwk_opt opts[] = {
	{"yes", 'y', 0},
	{0},
};
static const hwk_value operands[] = {{HWK_V_CLIENT, NULL}, {0}};
const hwk_cmd_args cmd_forget_args = {opts, operands};

int cmd_forget(int argc, char **argv, hwk_ctx *ctx)
{
	int c, st, yes = 0;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0)
		yes = 1;
	if (c == 0)
		return st;
	if (argc - optind != 1)
		return hwk_usage(usage, 0);
	const char *client = argv[optind];
	if (hwk_setup(ctx, ~0u, NULL, 0) < 0)
		return HWK_FAIL;
	const hwk_practice *p = &ctx->scope.p;
	if (!hwk_client_id_ok(client)) {
		hwk_err("%s: not a client id (lower-case letters, digits, '-', '_' and '.')", client);
		return HWK_FAIL;
	}
	if (!p->standalone && !hwk_forget_found(p, client)) {
		hwk_err("%s: no such client (see 'hwk list clients')", client);
		return HWK_FAIL;
	}
	if (!yes && !isatty(STDIN_FILENO)) {
		hwk_err("not confirmed: standard input is not a terminal, so give --yes "
			"(nothing removed)");
		return hwk_usage(usage, 0);
	}
	if (!yes && !confirmed(client)) {
		hwk_err("not confirmed: nothing removed");
		return HWK_FAIL;
	}
	hwk_buf report = {0};
	int rc = hwk_forget(p, client, &report);
	if (report.s)
		fputs(report.s, stdout);
	hwk_buf_free(&report);
	return rc < 0 ? HWK_FAIL : HWK_OK;
}
