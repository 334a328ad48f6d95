/* hwk: the command table, global options, and the checked exit. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cache.h"
#include "cmd.h"
#include "date.h"
#include "entries.h"
#include "err.h"
#include "practice.h"
#include "store.h"
#include "util.h"

#ifndef HWK_VERSION
#define HWK_VERSION "0.1"
#endif

/* needs: what hwk_setup finds for the command. assign finds its client itself: a new
 * assignment may name a client that is not there yet. args: its options and operands,
 * for the completion. */
static const hwk_command commands[] = {
	{"init", cmd_init, 0, "make a new practice", &cmd_init_args},
	{"assign", cmd_assign, HWK_NEED_PRACTICE, "give a client homework, adjust it or end it",
	 &cmd_assign_args},
	{"log", cmd_log, HWK_NEED_CLIENT, "log homework done, partly done or skipped",
	 &cmd_log_args},
	{"list", cmd_list, HWK_CLIENTS, "list what is due, entries, assignments or clients",
	 &cmd_list_args},
	{"review", cmd_review, HWK_NEED_CLIENT,
	 "show a client's homework since the last review, and keep the review", &cmd_review_args},
	{"report", cmd_report, HWK_CLIENTS | HWK_CLIENT_FOLDERS,
	 "sum up a week across the caseload, who needs attention first", &cmd_report_args},
	{"calendar", cmd_calendar, HWK_NEED_CLIENT,
	 "write a client's homework as calendar events with reminders (iCalendar)",
	 &cmd_calendar_args},
	{"types", cmd_types, HWK_NEED_PRACTICE, "list homework types or show one", &cmd_types_args},
	{"sync", cmd_sync, HWK_CLIENTS,
	 "commit, fetch, merge and push the practice's git repositories", &cmd_sync_args},
	{"clone", cmd_clone, 0,
	 "copy a client folder or a practice from a git remote, private and set up",
	 &cmd_clone_args},
	{"export", cmd_export, HWK_NEED_CLIENT,
	 "write everything hwk holds about a client, as JSON or a tar of its files",
	 &cmd_export_args},
	{"forget", cmd_forget, HWK_NEED_PRACTICE,
	 "remove a client's folder and review notes, and say what copies remain",
	 &cmd_forget_args},
	{"upgrade", cmd_upgrade, HWK_NEED_PRACTICE,
	 "move a practice made by an older hwk to this hwk's format", &cmd_upgrade_args},
	{"git", cmd_git, 0, "set up git to merge hwk's files (and git's merge drivers)",
	 &cmd_git_args},
	{"completion", cmd_completion, 0, "print the shell completion script for bash, zsh or fish",
	 &cmd_completion_args},
	{"help", NULL, 0, "show the manual of hwk or of a command", &cmd_help_args},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const hwk_opt help_opts[] = {{0}};
static const hwk_value help_operands[] = {{HWK_V_COMMAND, NULL}, {0}};
const hwk_cmd_args cmd_help_args = {help_opts, help_operands};

const hwk_command *hwk_commands(size_t *n)
{
	*n = NCOMMANDS;
	return commands;
}

static const char usage_text[] = "usage: hwk [-C DIR] [-c CLIENT] COMMAND [ARGS...]\n";

int hwk_usage(const char *text, int help)
{
	fputs(text, help ? stdout : stderr);
	return help ? HWK_OK : HWK_USAGE;
}

int hwk_setup(hwk_ctx *ctx, unsigned mask, char *const *named, size_t n)
{
	ctx->scope.dir = ctx->dir;
	ctx->scope.want = ctx->client;
	return hwk_scope_resolve(&ctx->scope, ctx->needs & mask, named, n);
}

int hwk_format_opt(const char *arg, hwk_fmt *fmt)
{
	if (hwk_fmt_parse(arg, fmt) == 0)
		return 0;
	hwk_err("%s: not a format (table, tsv, csv, json, yaml)", arg);
	return -1;
}

/* getopt_long with hwk's messages ("hwk log: --bogus: unknown option", "hwk log: --at
 * needs a value"); returns '?' after a message. */
static int getopt_msg(int argc, char **argv, const char *optstring, const struct option *opts)
{
	char fmt[64];
	int plus = optstring[0] == '+';
	snprintf(fmt, sizeof fmt, "%s:%s", plus ? "+" : "", optstring + plus);
	opterr = 0;
	int c = getopt_long(argc, argv, fmt, opts, NULL);
	if (c != '?' && c != ':')
		return c;
	/* a long option is named as typed (up to any '='), a short one by its letter */
	const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	char shortopt[3] = {'-', (char)optopt, 0};
	int len = 2;
	const char *name = shortopt;
	if (hwk_has_prefix(arg, "--")) {
		name = arg;
		len = (int)strcspn(arg, "=");
	}
	if (c == ':')
		hwk_err("%.*s needs a value", len, name);
	else
		hwk_err("%.*s: unknown option", len, name);
	return '?';
}

int hwk_getopt(int argc, char **argv, const hwk_opt *opts, const char *usage, int *status)
{
	char optstring[64] = "h";
	struct option lopts[32];
	size_t n = 0, k = 1;
	for (; opts[n].name; n++) {
		/* room for this one (3 letters at most, "x:" and the NUL), --help and the end */
		if (n + 2 >= sizeof lopts / sizeof *lopts || k + 3 > sizeof optstring) {
			hwk_err("too many options declared (a bug)");
			*status = HWK_FAIL;
			return 0;
		}
		lopts[n] = (struct option){opts[n].name, opts[n].arg ? required_argument : no_argument,
					   NULL, opts[n].key};
		if (opts[n].key < HWK_LONG) {
			optstring[k++] = (char)opts[n].key;
			if (opts[n].arg)
				optstring[k++] = ':';
		}
	}
	lopts[n++] = (struct option){"help", no_argument, NULL, 'h'};
	lopts[n] = (struct option){NULL, 0, NULL, 0};
	optstring[k] = 0;
	int c = getopt_msg(argc, argv, optstring, lopts);
	if (c == 'h' || c == '?') {
		*status = hwk_usage(usage, c == 'h');
		return 0;
	}
	return c;
}

static int main_usage(int help)
{
	FILE *f = help ? stdout : stderr;
	fputs(usage_text, f);
	if (help) {
		fputs("\ncommands:\n", f);
		for (size_t i = 0; i < NCOMMANDS; i++)
			fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
		fputs("\n'hwk help COMMAND' shows a command's manual.\n", f);
	}
	return help ? HWK_OK : HWK_USAGE;
}

/* Does `man -w PAGE` find the page? (No man at all is no page.) */
static int man_has(const char *page)
{
	pid_t pid = fork();
	if (pid < 0)
		return 0;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execlp("man", "man", "-w", page, (char *)NULL);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 0;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static int help(int argc, char **argv)
{
	static const char usage[] = "usage: hwk help [COMMAND]\n";
	if (argc > 2 || (argc == 2 && argv[1][0] == '-' && strcmp(argv[1], "-h") &&
			 strcmp(argv[1], "--help")))
		return hwk_usage(usage, 0);
	if (argc == 2 && argv[1][0] == '-')
		return hwk_usage(usage, 1);
	const char *page = "hwk";
	char buf[64];
	if (argc == 2) {
		size_t i;
		for (i = 0; i < NCOMMANDS; i++)
			if (!strcmp(commands[i].name, argv[1]))
				break;
		if (i == NCOMMANDS || !commands[i].fn) {
			hwk_err("%s: no such command", argv[1]);
			return HWK_FAIL;
		}
		snprintf(buf, sizeof buf, "hwk-%s", argv[1]);
		page = buf;
	}
	fflush(stdout);
	/* a build tree keeps its pages in ../man next to build/hwk; an installed hwk's
	 * pages are where man looks */
	char exe[4096], local[4200];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = 0;
		snprintf(local, sizeof local, "%s/../man/%s.1", exe, page);
		if (access(local, R_OK) == 0)
			execlp("man", "man", "-l", local, (char *)NULL);
	}
	if (man_has(page))
		execlp("man", "man", page, (char *)NULL);
	/* no man, or no page installed: the short help is better than "No manual entry" */
	if (argc == 2) {
		char *av[] = {argv[1], "-h", NULL};
		hwk_ctx ctx = {0};
		for (size_t i = 0; i < NCOMMANDS; i++)
			if (!strcmp(commands[i].name, argv[1]))
				return commands[i].fn(2, av, &ctx); /* -h: nothing to free */
	}
	return main_usage(1);
}

/* An unknown command runs hwk-NAME from PATH, as git does. */
static int external(int argc, char **argv, hwk_ctx *ctx)
{
	char *prog = NULL;
	if (asprintf(&prog, "hwk-%s", argv[0]) < 0)
		return HWK_FAIL;
	if (ctx->dir)
		setenv("HWK_DIR", ctx->dir, 1);
	if (ctx->client)
		setenv("HWK_CLIENT", ctx->client, 1);
	fflush(stdout);
	argv[0] = prog;
	(void)argc;
	execvp(prog, argv);
	int e = errno;
	argv[0] += 4;
	if (e == ENOENT)
		hwk_err("'%s' is not a command (see 'hwk -h')", argv[0]);
	else
		hwk_err("%s: %s", prog, strerror(e));
	free(prog);
	return HWK_FAIL;
}

static int finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		hwk_err_setcmd(NULL);
		hwk_err_sys("writing the output");
		return HWK_FAIL;
	}
	return status;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	hwk_ctx ctx = {0};
	int c;

	hwk_store_init();
	/* the shell completion's question (hidden: no usage names it) */
	if (argc > 1 && !strcmp(argv[1], "__complete"))
		return hwk_complete_main(argc - 1, argv + 1);
	while ((c = getopt_msg(argc, argv, "+C:c:h", opts)) != -1) {
		switch (c) {
		case 'C':
			ctx.dir = optarg;
			break;
		case 'c':
			ctx.client = optarg;
			break;
		case 'h':
			return finish(main_usage(1));
		case 'V':
			puts("hwk " HWK_VERSION);
			return finish(HWK_OK);
		default:
			return main_usage(0);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		return main_usage(0);
	if (!ctx.client)
		ctx.client = getenv("HWK_CLIENT");
	if (ctx.client && !*ctx.client)
		ctx.client = NULL;

	int bad;
	ctx.now = hwk_now(&bad);
	if (bad) {
		hwk_err("HWK_NOW: %s is not a time (2026-11-27T09:00:00+01:00)", getenv("HWK_NOW"));
		return HWK_FAIL;
	}
	if (!strcmp(argv[0], "help"))
		return finish(help(argc, argv));
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (commands[i].fn && !strcmp(commands[i].name, argv[0])) {
			hwk_err_setcmd(commands[i].name);
			optind = 0; /* a fresh getopt for the command */
			ctx.needs = commands[i].needs;
			int st = commands[i].fn(argc, argv, &ctx);
			hwk_cache_flush(); /* what it learnt, for the next command */
			hwk_scope_free(&ctx.scope);
			hwk_store_written_free();
			if (st == HWK_OK && (hwk_entries_bad() || hwk_clients_bad()))
				st = HWK_FAIL; /* named and passed over: the rest was shown */
			return finish(st);
		}
	}
	return external(argc, argv, &ctx);
}
