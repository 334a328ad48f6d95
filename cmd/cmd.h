/* cmd: what every command gets from the dispatcher, and the commands themselves. */
#ifndef HWK_CMD_H
#define HWK_CMD_H

#include <time.h>
#include <unistd.h> /* optarg and optind, for the commands' option loops */

#include "output.h"
#include "practice.h"

typedef struct {
	const char *dir;    /* -C DIR, or NULL */
	const char *client; /* -c CLIENT or $HWK_CLIENT, or NULL */
	time_t now;         /* $HWK_NOW or the clock */
	unsigned needs;     /* the command table's HWK_NEED_PRACTICE, HWK_NEED_CLIENT, HWK_CLIENTS */
	hwk_scope scope;    /* what hwk_setup found: scope.p, scope.client, scope.clients */
} hwk_ctx;

/* Every command: argv[0] is its name; returns an exit status (0, 1, 2). */
typedef int hwk_cmd_fn(int argc, char **argv, hwk_ctx *ctx);

hwk_cmd_fn cmd_init, cmd_assign, cmd_log, cmd_list, cmd_types, cmd_review, cmd_report, cmd_git,
	cmd_sync, cmd_clone, cmd_upgrade, cmd_calendar;

/* Find what the command table says the command needs (only the part in mask), once: the
 * command calls it when its arguments are checked, so that usage errors come first.
 * named: clients named by arguments, standing in for -c. The dispatcher frees it all. */
int hwk_setup(hwk_ctx *ctx, unsigned mask, char *const *named, size_t n);

/* A command's options, declared once: the getopt optstring and long options are made
 * from this, and tests/t/0150-usage.t holds it against the usage text. key is the short
 * letter, or from HWK_LONG up for a long-only option; -h and --help are added. */
typedef struct {
	const char *name; /* the long name */
	int key;
	int arg;          /* 1: takes a value */
} hwk_opt;
enum { HWK_LONG = 256 };

/* The next option's key; -1 after the last; 0 when the command is to return *status
 * (the usage printed: to stdout for -h, else after hwk's message, such as "hwk log:
 * --bogus: unknown option"). */
int hwk_getopt(int argc, char **argv, const hwk_opt *opts, const char *usage, int *status);

/* Print the usage text: to stdout and return 0 for -h, to stderr and return 2 else. */
int hwk_usage(const char *text, int help);

/* -f FORMAT of list and types: 0, or -1 after the message. */
int hwk_format_opt(const char *arg, hwk_fmt *fmt);

#endif
