#define _GNU_SOURCE
#include "ladder.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "output.h"
#include "ydoc.h"

static const char *const step_keys[] = {"name", "expected", "target", NULL};

void hwk_ladder_free(hwk_ladder *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void push(hwk_ladder *l, const char *name, size_t len, int expected, int target)
{
	l->v = hwk_xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = (hwk_step){hwk_xstrndup(name, len), expected, target};
}

void hwk_ladder_copy(hwk_ladder *dst, const hwk_ladder *src)
{
	memset(dst, 0, sizeof *dst);
	for (size_t i = 0; i < src->n; i++)
		push(dst, src->v[i].name, strlen(src->v[i].name), src->v[i].expected,
		     src->v[i].target);
}

int hwk_ladder_same(const hwk_ladder *x, const hwk_ladder *y)
{
	if (x->n != y->n)
		return 0;
	for (size_t i = 0; i < x->n; i++)
		if (strcmp(x->v[i].name, y->v[i].name) || x->v[i].expected != y->v[i].expected ||
		    x->v[i].target != y->v[i].target)
			return 0;
	return 1;
}

const char *hwk_step_name_bad(const char *name)
{
	size_t n = strlen(name);
	if (!n)
		return "a step needs a name";
	if (!hwk_utf8_valid(name, n))
		return "the name is not valid UTF-8";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return "the name must be one line without control characters";
	if (name[0] == ' ' || name[n - 1] == ' ')
		return "the name must not start or end with a space";
	if (strspn(name, "0123456789") == n)
		return "the name must not be a number (numbers pick steps by their place)";
	return NULL;
}

/* A whole number of SUDS on lo..hi from s (all of it): 0 and *v, else -1. */
static int suds(const char *s, size_t len, int lo, int hi, int *v)
{
	if (!len || len > 6 || strspn(s, "0123456789") < len)
		return -1;
	int x = 0;
	for (size_t i = 0; i < len; i++)
		x = x * 10 + (s[i] - '0');
	if (x < lo || x > hi)
		return -1;
	*v = x;
	return 0;
}

static long by_name(const hwk_ladder *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].name, name))
			return (long)i;
	return -1;
}

int hwk_ladder_add_arg(hwk_ladder *l, const char *arg, int lo, int hi)
{
	const char *eq = strrchr(arg, '=');
	if (!eq)
		return hwk_err("--step: %s: give NAME=EXPECTED[/TARGET], the SUDS the client "
			       "expects (%d-%d), as \"lift, 1 floor\"=40", arg, lo, hi);
	char *name = hwk_xstrndup(arg, (size_t)(eq - arg));
	const char *num = eq + 1, *slash = strchr(num, '/');
	size_t nlen = slash ? (size_t)(slash - num) : strlen(num);
	int expected, target = HWK_NO_TARGET, rc = -1;
	const char *why = hwk_step_name_bad(name);
	if (why)
		hwk_err("--step: %s: %s", arg, why);
	else if (suds(num, nlen, lo, hi, &expected) < 0)
		hwk_err("--step: %s: the expected SUDS must be a whole number from %d to %d", arg,
			lo, hi);
	else if (slash && suds(slash + 1, strlen(slash + 1), lo, hi, &target) < 0)
		hwk_err("--step: %s: the target SUDS must be a whole number from %d to %d", arg, lo,
			hi);
	else if (by_name(l, name) >= 0)
		hwk_err("--step: %s: a step of that name is already on the ladder", name);
	else {
		push(l, name, strlen(name), expected, target);
		rc = 0;
	}
	free(name);
	return rc;
}

static int node_suds(const char *file, const hwk_ynode *m, const char *key, int required,
		     int lo, int hi, int *out)
{
	const hwk_ynode *v = hwk_ymap_get(m, key);
	if (hwk_ynull(v)) {
		if (required)
			return hwk_yerr(file, m, "a step needs '%s'", key);
		return 0;
	}
	if (v->kind != HWK_Y_SCALAR || suds(v->str, strlen(v->str), lo, hi, out) < 0)
		return hwk_yerr(file, v, "'%s' must be a whole number from %d to %d", key, lo, hi);
	return 0;
}

int hwk_ladder_parse(const char *file, const hwk_ynode *node, int lo, int hi, hwk_ladder *out)
{
	memset(out, 0, sizeof *out);
	if (hwk_ynull(node))
		return 0;
	if (node->kind != HWK_Y_SEQ)
		return hwk_yerr(file, node, "'ladder' must be a list of steps");
	for (size_t i = 0; i < node->n; i++) {
		const hwk_ynode *m = node->items[i];
		char *name = NULL;
		int expected = 0, target = HWK_NO_TARGET;
		const char *why = NULL;
		if (hwk_ycheck_map(file, m, step_keys, "a step must be a mapping") < 0 ||
		    hwk_yget_str(file, m, "name", 1, &name) < 0 ||
		    (why = hwk_step_name_bad(name)) ||
		    node_suds(file, m, "expected", 1, lo, hi, &expected) < 0 ||
		    node_suds(file, m, "target", 0, lo, hi, &target) < 0 ||
		    (by_name(out, name) >= 0 && (why = "a step of that name is already on the ladder"))) {
			if (why)
				hwk_yerr(file, hwk_ymap_get(m, "name"), "'name': %s", why);
			free(name);
			hwk_ladder_free(out);
			return -1;
		}
		push(out, name, strlen(name), expected, target);
		free(name);
	}
	return 0;
}

void hwk_ladder_emit(hwk_yw *w, const hwk_ladder *l)
{
	if (!l->n)
		return;
	hwk_yw_str(w, "ladder");
	hwk_yw_seq_start(w);
	for (size_t i = 0; i < l->n; i++) {
		char n[16];
		hwk_yw_map_start(w);
		hwk_yw_kv(w, "name", l->v[i].name);
		snprintf(n, sizeof n, "%d", l->v[i].expected);
		hwk_yw_kv_plain(w, "expected", n);
		if (l->v[i].target != HWK_NO_TARGET) {
			snprintf(n, sizeof n, "%d", l->v[i].target);
			hwk_yw_kv_plain(w, "target", n);
		}
		hwk_yw_map_end(w);
	}
	hwk_yw_seq_end(w);
}

char *hwk_ladder_text(const hwk_ladder *l)
{
	if (!l->n)
		return NULL;
	hwk_buf b = {0};
	for (size_t i = 0; i < l->n; i++) {
		hwk_buf_printf(&b, "%s%s=%d", i ? "\n" : "", l->v[i].name, l->v[i].expected);
		if (l->v[i].target != HWK_NO_TARGET)
			hwk_buf_printf(&b, "/%d", l->v[i].target);
	}
	return b.s;
}

int hwk_ladder_from_text(const char *text, hwk_ladder *out)
{
	memset(out, 0, sizeof *out);
	for (const char *line = text, *nl; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		const char *eq = memrchr(line, '=', len);
		if (!eq)
			goto bad;
		const char *num = eq + 1, *slash = memchr(num, '/', len - (size_t)(num - line));
		size_t nlen = slash ? (size_t)(slash - num) : len - (size_t)(num - line);
		int expected, target = HWK_NO_TARGET;
		if (suds(num, nlen, 0, 999999, &expected) < 0 ||
		    (slash && suds(slash + 1, len - (size_t)(slash + 1 - line), 0, 999999,
				   &target) < 0))
			goto bad;
		push(out, line, (size_t)(eq - line), expected, target);
	}
	return 0;
bad:
	hwk_ladder_free(out);
	return -1;
}

void hwk_ladder_list(const hwk_ladder *l)
{
	for (size_t i = 0; i < l->n; i++) {
		fprintf(stderr, "  %zu ", i + 1);
		hwk_put_visible(stderr, l->v[i].name);
		fputc('\n', stderr);
	}
}

long hwk_ladder_find(const hwk_ladder *l, const char *spec)
{
	size_t n = strlen(spec), hits = 0, at = 0;
	if (n && strspn(spec, "0123456789") == n) {
		if (n <= 6 && (size_t)atol(spec) >= 1 && (size_t)atol(spec) <= l->n)
			return atol(spec) - 1;
	} else {
		long i = by_name(l, spec);
		if (i >= 0)
			return i;
		for (size_t k = 0; k < l->n && n; k++)
			if (!strncmp(l->v[k].name, spec, n))
				hits++, at = k;
		if (hits == 1)
			return (long)at;
	}
	hwk_err(hits > 1 ? "step: %s is more than one step of the ladder; give its number "
			   "or more of its name:"
			 : "step: %s is not a step of the ladder; its steps:", spec);
	hwk_ladder_list(l);
	return -1;
}

int hwk_step_done(long peaks, double first, double latest, int target)
{
	if (peaks < 2 || isnan(first) || isnan(latest))
		return 0;
	return target != HWK_NO_TARGET ? latest <= target : latest <= first / 2;
}

void hwk_ladder_progress_make(const hwk_ladder *l, const hwk_session *ss, size_t n,
			      hwk_ladder_progress *out)
{
	memset(out, 0, sizeof *out);
	hwk_ladder_copy(&out->ladder, l);
	out->n = l->n;
	out->v = hwk_xcalloc(l->n + 1, sizeof *out->v);
	for (size_t i = 0; i < l->n; i++)
		out->v[i] = (hwk_step_progress){&out->ladder.v[i], 0, 0, NAN, NAN, 0};
	for (size_t r = 0; r < n; r++) {
		long i = ss[r].step ? by_name(&out->ladder, ss[r].step) : -1;
		if (i < 0) {
			out->off++;
			continue;
		}
		hwk_step_progress *s = &out->v[i];
		s->sessions++;
		if (isnan(ss[r].peak))
			continue;
		if (!s->peaks++)
			s->first = ss[r].peak;
		s->latest = ss[r].peak;
	}
	out->next = -1;
	for (size_t i = 0; i < out->n; i++) {
		hwk_step_progress *s = &out->v[i];
		s->done = hwk_step_done(s->peaks, s->first, s->latest, s->step->target);
		if (!s->done && out->next < 0)
			out->next = (long)i;
	}
}

void hwk_ladder_progress_free(hwk_ladder_progress *p)
{
	hwk_ladder_free(&p->ladder);
	free(p->v);
	memset(p, 0, sizeof *p);
}

char *hwk_step_progress_str(const hwk_step_progress *s)
{
	hwk_buf b = {0};
	hwk_buf_printf(&b, "%s (expected %d", s->step->name, s->step->expected);
	if (s->step->target != HWK_NO_TARGET)
		hwk_buf_printf(&b, ", target %d", s->step->target);
	hwk_buf_printf(&b, "): %ld session%s", s->sessions, s->sessions == 1 ? "" : "s");
	if (s->peaks) {
		char f[32], l[32];
		hwk_fmt_decimal(f, s->first, 0);
		hwk_fmt_decimal(l, s->latest, 0);
		hwk_buf_printf(&b, ", peak %s to %s", f, l);
	}
	if (s->done)
		hwk_buf_adds(&b, ", done");
	return b.s;
}

void hwk_ladder_progress_print(FILE *f, const hwk_ladder_progress *p, const char *head,
			       const char *item, void (*put)(FILE *, const char *, void *),
			       void *arg)
{
	size_t done = 0;
	for (size_t i = 0; i < p->n; i++)
		done += p->v[i].done != 0;
	fprintf(f, "%sladder: %zu of %zu step%s done; ", head, done, p->n, p->n == 1 ? "" : "s");
	if (p->next < 0) {
		fputs("every step done\n", f);
	} else {
		fprintf(f, "next: %ld ", p->next + 1);
		put(f, p->v[p->next].step->name, arg);
		fputc('\n', f);
	}
	for (size_t i = 0; i < p->n; i++) {
		char *t = hwk_step_progress_str(&p->v[i]);
		fprintf(f, "%s%zu ", item, i + 1);
		put(f, t, arg);
		fputc('\n', f);
		free(t);
	}
	if (p->off)
		fprintf(f, "%s%ld session%s on no step of the ladder\n", item, p->off,
			p->off == 1 ? "" : "s");
}

static void json_num(hwk_buf *b, double v)
{
	char n[32];
	if (isnan(v)) {
		hwk_buf_adds(b, "null");
		return;
	}
	hwk_fmt_decimal(n, v, 0);
	hwk_buf_adds(b, n);
}

void hwk_ladder_progress_json(const hwk_ladder_progress *p, hwk_buf *b)
{
	hwk_buf_addc(b, '[');
	for (size_t i = 0; i < p->n; i++) {
		const hwk_step_progress *s = &p->v[i];
		hwk_buf_printf(b, "%s{\"step\":%zu,\"name\":", i ? "," : "", i + 1);
		hwk_json_str(b, s->step->name);
		hwk_buf_printf(b, ",\"expected\":%d,\"target\":", s->step->expected);
		json_num(b, s->step->target == HWK_NO_TARGET ? NAN : s->step->target);
		hwk_buf_printf(b, ",\"sessions\":%ld,\"first_peak\":", s->sessions);
		json_num(b, s->peaks ? s->first : NAN);
		hwk_buf_adds(b, ",\"latest_peak\":");
		json_num(b, s->peaks ? s->latest : NAN);
		hwk_buf_printf(b, ",\"done\":%s}", s->done ? "true" : "false");
	}
	hwk_buf_addc(b, ']');
}
