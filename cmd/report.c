/* hwk report: one week (or any period) across the caseload, attention first. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "err.h"
#include "html.h"
#include "report.h"

static const char usage[] =
	"usage: hwk report [--week WEEK | --from DATE --to DATE] [-f text|md|csv|tsv|json|html]\n"
	"                  [CLIENT...]\n";

enum { O_WEEK = HWK_LONG, O_FROM, O_TO };

/* --week: an ISO week (2026-W47), this, last, or a date inside the week. */
static int week_range(const char *s, time_t now, int week_start, hwk_day *from, hwk_day *to)
{
	hwk_day d;
	if (hwk_parse_date(s, now, &d) == 0) {
		*from = hwk_week_start(d, week_start);
		*to = *from + 6;
		return 0;
	}
	return hwk_parse_range(s, now, week_start, from, to);
}

/* what -f takes: text and md, or a format of rows */
static const char *const formats[] = {"text", "md", "csv", "tsv", "json", "html", NULL};
static const hwk_value formats_v = {HWK_V_WORD, formats};
static const hwk_opt opts[] = {
	{"week", O_WEEK, &hwk_v_week},
	{"from", O_FROM, &hwk_v_text},
	{"to", O_TO, &hwk_v_text},
	{"format", 'f', &formats_v},
	{0},
};
static const hwk_value operands[] = {{HWK_V_CLIENT | HWK_V_MORE, NULL}, {0}};
const hwk_cmd_args cmd_report_args = {opts, operands};

int cmd_report(int argc, char **argv, hwk_ctx *ctx)
{
	const char *week = NULL, *from_s = NULL, *to_s = NULL, *format = NULL;
	int c, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0) {
		switch (c) {
		case O_WEEK: week = optarg; break;
		case O_FROM: from_s = optarg; break;
		case O_TO: to_s = optarg; break;
		case 'f': format = optarg; break;
		}
	}
	if (c == 0)
		return st;
	hwk_report r = {0};
	r.kind = HWK_REPORT_ROWS;
	r.fmt = HWK_FMT_CSV;
	if (!format) {
		r.fmt = HWK_FMT_TSV;
		if (isatty(STDOUT_FILENO))
			r.kind = HWK_REPORT_TEXT;
	} else if (!hwk_word_in(format, formats)) {
		hwk_err("%s: not a report format (text, md, csv, tsv, json, html)", format);
		return HWK_USAGE;
	} else if (!strcmp(format, "text"))
		r.kind = HWK_REPORT_TEXT;
	else if (!strcmp(format, "md"))
		r.kind = HWK_REPORT_MD;
	else if (!strcmp(format, "html")) {
		r.kind = HWK_REPORT_HTML;
		r.page = &hwk_html_report_page;
	} else
		hwk_fmt_parse(format, &r.fmt);
	r.utf8 = hwk_utf8_locale();
	if (week && (from_s || to_s)) {
		hwk_err("--week and --from/--to cannot be combined");
		return HWK_USAGE;
	}
	if (!from_s != !to_s) {
		hwk_err("--from and --to go together");
		return HWK_USAGE;
	}

	int rc = HWK_FAIL;
	char label[16] = "";
	/* the practice's week_start first: the dates are read with it */
	if (hwk_setup(ctx, HWK_NEED_PRACTICE, NULL, 0) < 0)
		goto out;
	hwk_practice *p = &ctx->scope.p;
	r.today = hwk_day_of(ctx->now);
	r.week_start = p->week_start;
	if (from_s) {
		if (hwk_parse_date(from_s, ctx->now, &r.from) < 0 ||
		    hwk_parse_date(to_s, ctx->now, &r.to) < 0) {
			hwk_err("--from/--to: %s is not a date",
				hwk_parse_date(from_s, ctx->now, &r.from) < 0 ? from_s : to_s);
			rc = HWK_USAGE;
			goto out;
		}
		if (r.to < r.from) {
			hwk_err("--to %s is before --from %s", to_s, from_s);
			rc = HWK_USAGE;
			goto out;
		}
	} else if (week_range(week ? week : "last", ctx->now, p->week_start, &r.from, &r.to) < 0) {
		hwk_err("--week: %s is not a week (2026-W47, this, last, or a date)", week);
		rc = HWK_USAGE;
		goto out;
	} else if (p->week_start == 0) {
		int y, w;
		hwk_day_iso_week(r.from, &y, &w);
		snprintf(label, sizeof label, "%d-W%02d", y, w);
		r.label = label;
	}
	/* the clients named (each must exist), the one implied, or all */
	if (hwk_setup(ctx, ~0u, argv + optind, (size_t)(argc - optind)) < 0)
		goto out;
	/* each client's part waits in a file of the practice's own until all are read */
	if (hwk_report_open(&r, p) < 0)
		goto out;
	/* what cannot be read is named, the rest reported, and the exit status 1 */
	int added = hwk_report_add_clients(&r, p, &ctx->scope.clients);
	if (added == -2)
		goto out; /* the spill could not be written: nothing printed */
	r.partial = added < 0 || ctx->scope.omitted;
	if (hwk_report_print(stdout, &r) < 0)
		r.partial = 1; /* named: a type's columns or an entries file's charts left out */
	rc = r.partial ? HWK_FAIL : HWK_OK;
out:
	hwk_report_free(&r);
	return rc;
}
