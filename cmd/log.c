/* hwk log: log homework done, partly done or skipped, import rows, or correct or
 * withdraw an entry. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "commit.h"
#include "entries.h"
#include "err.h"
#include "practice.h"
#include "log.h"

static const char usage[] =
	"usage: hwk log ASSIGNMENT [VALUE... | FIELD=VALUE...] [--at WHEN] [-p | -s REASON]\n"
	"               [-m NOTE] [-q]\n"
	"       hwk log [ASSIGNMENT] --import FILE|-\n"
	"       hwk log --correct ASSIGNMENT[@WHEN] [FIELD=VALUE...] [--at WHEN] [-p | -s REASON]\n"
	"               [-m NOTE] [-q]\n"
	"       hwk log --withdraw ASSIGNMENT[@WHEN] [-m NOTE] [-q]\n";

enum { O_CORRECT = HWK_LONG, O_WITHDRAW };

static const hwk_opt opts[] = {
	{"at", 'a', &hwk_v_text},
	{"partial", 'p', 0},
	{"skip", 's', &hwk_v_reason},
	{"message", 'm', &hwk_v_text},
	{"quiet", 'q', 0},
	{"import", 'i', &hwk_v_file},
	{"correct", O_CORRECT, 0},
	{"withdraw", O_WITHDRAW, 0},
	{0},
};
/* ASSIGNMENT [FIELD=VALUE...] */
static const hwk_value operands[] = {{HWK_V_ASSIGN, NULL}, {HWK_V_FIELD | HWK_V_MORE, NULL}, {0}};
const hwk_cmd_args cmd_log_args = {opts, operands};

int cmd_log(int argc, char **argv, hwk_ctx *ctx)
{
	hwk_log_input in = {0};
	const char *import = NULL;
	int c, quiet = 0, st, correct = 0, withdraw = 0;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0) {
		switch (c) {
		case 'a':
			in.at = optarg;
			break;
		case 'p':
			in.partial = 1;
			break;
		case 's':
			in.skip = optarg;
			break;
		case 'm':
			in.note = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'i':
			import = optarg;
			break;
		case O_CORRECT:
			correct = 1;
			break;
		case O_WITHDRAW:
			withdraw = 1;
			break;
		}
	}
	if (c == 0)
		return st;
	if (in.partial && in.skip) {
		hwk_err("--partial and --skip cannot be combined");
		return HWK_USAGE;
	}
	if (import && (in.at || in.partial || in.skip || in.note || argc - optind > 1)) {
		hwk_err("--import takes its times, statuses and values from the file");
		return HWK_USAGE;
	}
	if (!import && optind == argc)
		return hwk_usage(usage, 0);
	if ((correct || withdraw) && (import || (correct && withdraw))) {
		hwk_err("--%s cannot be combined with --%s", correct ? "correct" : "withdraw",
			import ? "import" : "withdraw");
		return HWK_USAGE;
	}
	if (withdraw && (in.at || in.partial || in.skip || argc - optind > 1)) {
		hwk_err("--withdraw takes only a note (-m NOTE): the entry no longer counts");
		return HWK_USAGE;
	}
	if (correct && !in.at && !in.partial && !in.skip && !in.note && argc - optind == 1) {
		hwk_err("--correct: nothing to change (FIELD=VALUE, --at, -p, -s or -m)");
		return HWK_USAGE;
	}
	/* ASSIGNMENT@WHEN: the entry to correct or withdraw */
	char *which = NULL;
	if ((correct || withdraw) && (which = strchr(argv[optind], '@')))
		*which++ = 0;

	/* the import file is opened before hwk moves to the practice's folder */
	FILE *imf = NULL;
	if (import) {
		imf = strcmp(import, "-") ? fopen(import, "re") : stdin;
		if (!imf) {
			hwk_err_sys("%s", import);
			return HWK_FAIL;
		}
	}

	hwk_assignments l = {0};
	char *dir = NULL;
	int rc = HWK_FAIL;
	if (hwk_setup(ctx, ~0u, NULL, 0) < 0)
		goto out;
	const hwk_practice *p = &ctx->scope.p;
	dir = hwk_client_dir(p, ctx->scope.client);
	/* one assignment: read only the files that may be it */
	if ((import ? hwk_assignments_load(dir, HWK_CURRENT, &l)
		    : hwk_assignments_load_for(dir, argv[optind], &l)) < 0)
		goto out;

	if (import) {
		size_t n;
		if (hwk_record_import(imf, import, dir, &l, optind < argc ? argv[optind] : NULL, ctx->now,
				      &n) < 0)
			goto out;
		if (!quiet)
			hwk_note("%zu %s logged", n, n == 1 ? "entry" : "entries");
		if (l.moves)
			hwk_assignments_tidy(dir, 0, ctx->now);
		char *types = hwk_record_written_types(&l);
		hwk_commit(p, "log: %s %s %zu %s imported", ctx->scope.client, types, n,
			   n == 1 ? "entry" : "entries");
		free(types);
		rc = HWK_OK;
		goto out;
	}

	long i = hwk_assignments_find(&l, argv[optind]);
	if (i < 0)
		goto out;
	const hwk_assignment *a = &l.v[i];
	/* an end ahead of its day keeps it open through that day (hwk.5) */
	if (!hwk_assignment_open(a, ctx->now)) {
		hwk_err("%s: the assignment has ended", a->id);
		goto out;
	}
	in.values = argv + optind + 1;
	in.nvalues = (size_t)(argc - optind - 1);
	in.ask = !correct && isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
	hwk_strs row;
	if (correct || withdraw ? hwk_record_amend(a, which, &in, withdraw, ctx->now, &row) < 0
				: hwk_record_build(a, &in, ctx->now, &row) < 0)
		goto out;
	char *progress;
	int w = hwk_record_log(a, &row, ctx->now, p->week_start, &progress);
	/* a write in the folder: what has ended there goes into ended/ */
	if (w >= 0 && l.moves)
		hwk_assignments_tidy(dir, 0, ctx->now);
	if (w >= 0)
		hwk_commit(p, "log: %s %s %.10s %s%s", a->client, a->type, row.v[HWK_E_AT],
			   correct ? "corrected to " : "", row.v[HWK_E_STATUS]);
	hwk_strs_free(&row);
	if (w < 0)
		goto out;
	if (!quiet)
		fprintf(stderr, "%s\n", progress);
	free(progress);
	rc = HWK_OK;
out:
	if (imf && imf != stdin)
		fclose(imf);
	hwk_assignments_free(&l);
	free(dir);
	return rc;
}
