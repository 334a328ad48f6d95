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
	cmd_sync, cmd_clone, cmd_upgrade, cmd_export, cmd_forget, cmd_completion,
	cmd_calendar;

/* Find what the command table says the command needs (only the part in mask), once: the
 * command calls it when its arguments are checked, so that usage errors come first.
 * named: clients named by arguments, standing in for -c. The dispatcher frees it all. */
int hwk_setup(hwk_ctx *ctx, unsigned mask, char *const *named, size_t n);

/* What an option's value or an operand is, for the shell completion (hwk __complete):
 * one or more of these bits. */
enum {
	HWK_V_TEXT = 1,         /* any text: nothing to offer */
	HWK_V_WORD = 1 << 1,    /* one of the words listed with it */
	HWK_V_CLIENT = 1 << 2,  /* a client id */
	HWK_V_TYPE = 1 << 3,    /* a homework type */
	HWK_V_ASSIGN = 1 << 4,  /* one of the client's active assignments (id or type) */
	HWK_V_FIELD = 1 << 5,   /* FIELD=VALUE of the assignment named before */
	HWK_V_RATE = 1 << 6,    /* ASSIGNMENT=RATING */
	HWK_V_WEEK = 1 << 7,    /* an ISO week, this or last */
	HWK_V_FILE = 1 << 8,    /* a file */
	HWK_V_DIR = 1 << 9,     /* a folder */
	HWK_V_COMMAND = 1 << 10, /* one of hwk's commands */
	HWK_V_MORE = 1 << 15,   /* an operand: the last one, and it repeats */
};

/* A command's options, declared once: the getopt optstring and long options are made
 * from this, the completion offers them, and tests/t/0150-usage.t holds it against the
 * usage text. key is the short letter, or from HWK_LONG up for a long-only option; -h
 * and --help are added. */
typedef struct {
	unsigned what;            /* HWK_V_... */
	const char *const *words; /* HWK_V_WORD: the words it takes, NULL-ended */
} hwk_value;
/* The values most options take. */
extern const hwk_value hwk_v_text, hwk_v_client, hwk_v_type, hwk_v_assign, hwk_v_rate,
	hwk_v_reason, hwk_v_format, /* hwk_reasons, hwk_fmt_names */
	hwk_v_week, hwk_v_file, hwk_v_dir;

typedef struct {
	const char *name; /* the long name */
	int key;
	const hwk_value *arg; /* NULL: takes no value; else what the value is */
} hwk_opt;
enum { HWK_LONG = 256 };

/* What the completion knows of a command's line: its options, and its operands in
 * order, ended by {0} (the last repeats when it has HWK_V_MORE). */
typedef struct {
	const hwk_opt *opts;
	const hwk_value *operands;
} hwk_cmd_args;

extern const hwk_cmd_args cmd_init_args, cmd_assign_args, cmd_log_args, cmd_list_args,
	cmd_types_args, cmd_review_args, cmd_report_args, cmd_git_args, cmd_sync_args,
	cmd_clone_args, cmd_upgrade_args, cmd_export_args, cmd_forget_args, cmd_completion_args,
	cmd_calendar_args, cmd_help_args;

/* The command table (cmd/hwk.c), in the order hwk -h shows it. */
typedef struct {
	const char *name;
	hwk_cmd_fn *fn;
	unsigned needs;
	const char *summary;
	const hwk_cmd_args *args;
} hwk_command;
const hwk_command *hwk_commands(size_t *n);

/* hwk __complete WORDS... (cmd/complete.c): the candidates for the last word, given
 * those before it (hwk's own options first), one a line; never fails. */
int hwk_complete_main(int argc, char **argv);

/* The next option's key; -1 after the last; 0 when the command is to return *status
 * (the usage printed: to stdout for -h, else after hwk's message, such as "hwk log:
 * --bogus: unknown option"). */
int hwk_getopt(int argc, char **argv, const hwk_opt *opts, const char *usage, int *status);

/* Print the usage text: to stdout and return 0 for -h, to stderr and return 2 else. */
int hwk_usage(const char *text, int help);

/* -f FORMAT of list and types: 0, or -1 after the message. */
int hwk_format_opt(const char *arg, hwk_fmt *fmt);

#endif
