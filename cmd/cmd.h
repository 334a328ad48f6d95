/* cmd: what every command gets from the dispatcher, and the commands themselves. */
#ifndef HWK_CMD_H
#define HWK_CMD_H

#include <time.h>

typedef struct {
	const char *dir;    /* -C DIR, or NULL */
	const char *client; /* -c CLIENT or $HWK_CLIENT, or NULL */
	time_t now;         /* $HWK_NOW or the clock */
} hwk_ctx;

/* Every command: argv[0] is its name; returns an exit status (0, 1, 2). */
typedef int hwk_cmd_fn(int argc, char **argv, hwk_ctx *ctx);

hwk_cmd_fn cmd_init, cmd_assign, cmd_log, cmd_list, cmd_types, cmd_review, cmd_report;

/* getopt_long with hwk's messages ("hwk log: --bogus: unknown option", "hwk log: --at
 * needs a value"); returns '?' after a message. */
struct option;
int hwk_getopt(int argc, char **argv, const char *optstring, const struct option *opts);

/* Print the usage text: to stdout and return 0 for -h, to stderr and return 2 else. */
int hwk_usage(const char *text, int help);

#endif
