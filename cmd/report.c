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
	int md = 0, text = 0, html = 0;
	hwk_fmt fmt = HWK_FMT_CSV;
	if (!format)
		text = isatty(STDOUT_FILENO), fmt = HWK_FMT_TSV;
	else if (!hwk_word_in(format, formats)) {
		hwk_err("%s: not a report format (text, md, csv, tsv, json, html)", format);
		return HWK_USAGE;
	} else if (!strcmp(format, "text"))
		text = 1;
	else if (!strcmp(format, "md"))
		text = md = 1;
	else if (!strcmp(format, "html"))
		html = 1;
	else
		hwk_fmt_parse(format, &fmt);
	if (week && (from_s || to_s)) {
		hwk_err("--week and --from/--to cannot be combined");
		return HWK_USAGE;
	}
	if (!from_s != !to_s) {
		hwk_err("--from and --to go together");
		return HWK_USAGE;
	}

	hwk_report r = {0};
	int rc = HWK_FAIL;
	char label[16] = "";
	/* the practice's week_start first: the dates are read with it */
	if (hwk_setup(ctx, HWK_NEED_PRACTICE, NULL, 0) < 0)
		goto out;
	hwk_practice *p = &ctx->scope.p;
	r.today = hwk_day_of(ctx->now);
	r.week_start = p->week_start;
	r.whole = html;
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
	/* what cannot be read is named, the rest reported, and the exit status 1 */
	int partial = hwk_report_add_clients(&r, p, &ctx->scope.clients) < 0 ||
		      ctx->scope.omitted;
	r.partial = partial;
	hwk_report_sort(&r);
	if (html) {
		if (hwk_html_report(stdout, &r) < 0)
			partial = 1; /* an entries file named: its charts left out */
	} else if (text)
		hwk_report_print(stdout, &r, md, hwk_utf8_locale());
	else if (hwk_report_records(stdout, &r, fmt) < 0)
		partial = 1; /* a type that cannot be read stops only its columns */
	rc = partial ? HWK_FAIL : HWK_OK;
out:
	hwk_report_free(&r);
	return rc;
}
