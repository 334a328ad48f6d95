/* hwk types: list the homework types, or show one as YAML. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "err.h"
#include "output.h"
#include "practice.h"
#include "types.h"

static const char usage[] = "usage: hwk types [-f FORMAT] [TYPE]\n";

static void add_row(hwk_out *o, const hwk_type *t)
{
	hwk_buf b = {0};
	for (size_t i = 0; i < t->fields.n; i++) {
		if (i)
			hwk_buf_addc(&b, ',');
		hwk_buf_adds(&b, t->fields.v[i].name);
		if (t->fields.v[i].required)
			hwk_buf_addc(&b, '*');
	}
	const char *vals[] = {t->name, t->title ? t->title : "", t->source, b.s ? b.s : ""};
	hwk_out_row(o, vals, NULL);
	hwk_buf_free(&b);
}

static const hwk_opt opts[] = {
	{"format", 'f', &hwk_v_format},
	{0},
};
static const hwk_value operands[] = {{HWK_V_TYPE, NULL}, {0}};
const hwk_cmd_args cmd_types_args = {opts, operands};

int cmd_types(int argc, char **argv, hwk_ctx *ctx)
{
	hwk_fmt fmt = hwk_fmt_default(stdout);
	int c, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0)
		if (hwk_format_opt(optarg, &fmt) < 0)
			return HWK_USAGE;
	if (c == 0)
		return st;
	if (argc - optind > 1)
		return hwk_usage(usage, 0);

	if (hwk_setup(ctx, ~0u, NULL, 0) < 0)
		return HWK_FAIL;
	const hwk_practice *p = &ctx->scope.p;
	int have_types = p->exists && !p->standalone;
	if (optind < argc) {
		hwk_type t;
		hwk_buf b = {0};
		if (hwk_type_load(argv[optind], have_types, &t) < 0)
			return HWK_FAIL;
		hwk_type_emit(&t, &b);
		fwrite(b.s, 1, b.len, stdout);
		hwk_buf_free(&b);
		hwk_type_free(&t);
		return HWK_OK;
	}
	static const char *const cols[] = {"type", "title", "source", "fields"};
	hwk_out *o = hwk_out_new(fmt, stdout, cols, 4);
	int rc = HWK_OK;
	for (const char *const *n = hwk_builtin_types(); *n; n++) {
		hwk_type t;
		if (hwk_type_load(*n, 0, &t) < 0) {
			rc = HWK_FAIL;
			continue;
		}
		add_row(o, &t);
		hwk_type_free(&t);
	}
	hwk_strs custom = {0};
	if (have_types && hwk_custom_types(&custom) < 0)
		rc = HWK_FAIL;
	for (size_t i = 0; i < custom.n; i++) {
		hwk_type t;
		if (hwk_is_builtin_type(custom.v[i])) {
			hwk_err("types/%s.yaml: a custom type cannot take a built-in type's name",
				custom.v[i]);
			rc = HWK_FAIL;
			continue;
		}
		if (hwk_type_load(custom.v[i], 1, &t) < 0) {
			rc = HWK_FAIL;
			continue;
		}
		add_row(o, &t);
		hwk_type_free(&t);
	}
	hwk_strs_free(&custom);
	hwk_out_end(o);
	return rc;
}
