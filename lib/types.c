#define _GNU_SOURCE
#include "types.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "builtin_types.h"
#include "date.h"
#include "row.h"
#include "err.h"

#define NBUILTIN (sizeof hwk_builtins / sizeof hwk_builtins[0])

static const char *const ftype_names[] = {
	"text", "integer", "number", "time", "date", "yesno", "choice",
};

/* Names a field cannot take: the fixed columns of every entry (hwk_entry_fixed), and
 * these, which hwk list entries and imports put beside them. */
static int reserved(const char *name)
{
	static const char *const more[] = {"client", "assignment", "type", hwk_entry_replaces};
	for (size_t i = 0; i < HWK_ENTRY_FIXED + 4; i++) {
		const char *r = i < HWK_ENTRY_FIXED ? hwk_entry_fixed[i] : more[i - HWK_ENTRY_FIXED];
		if (r[0] == name[0] && !strcmp(r, name)) /* every assignment read checks its fields */
			return 1;
	}
	return 0;
}

const char *hwk_ftype_name(hwk_ftype t)
{
	return ftype_names[t];
}

const char *const *hwk_builtin_types(void)
{
	static const char *names[NBUILTIN + 1];
	for (size_t i = 0; i < NBUILTIN; i++)
		names[i] = hwk_builtins[i].name;
	return names;
}

int hwk_is_builtin_type(const char *name)
{
	for (size_t i = 0; i < NBUILTIN; i++)
		if (!strcmp(hwk_builtins[i].name, name))
			return 1;
	return 0;
}

/* Field and type names: lower-case letter first, then letters, digits and one
 * separator (_ for fields, - for types). */
static int ident_ok(const char *s, char sep)
{
	const char seps[] = {sep, 0};
	return hwk_name_ok(s, HWK_NAME_MAX, 0, seps);
}

static void field_free(hwk_field *f)
{
	free(f->name);
	free(f->unit);
	free(f->prompt);
	hwk_strs_free(&f->choices);
}

void hwk_fields_free(hwk_fields *f)
{
	for (size_t i = 0; i < f->n; i++)
		field_free(&f->v[i]);
	free(f->v);
	*f = (hwk_fields){0};
}

/* Is v a whole number? Doubles this large have no fraction (and must not be cast to an
 * integer type they overflow). */
static int whole(double v)
{
	if (v >= 9007199254740992.0 || v <= -9007199254740992.0)
		return 1;
	return v == (double)(long long)v;
}

static const char *const field_keys[] = {
	"name", "type", "required", "min", "max", "unit", "choices", "prompt", NULL,
};

static int field_parse(const char *file, const hwk_ynode *m, hwk_field *f)
{
	char *type = NULL;
	if (hwk_ycheck_map(file, m, field_keys, "a field must be a mapping with 'name' and 'type'") < 0 ||
	    hwk_yget_str(file, m, "name", 1, &f->name) < 0 ||
	    hwk_yget_str(file, m, "type", 1, &type) < 0)
		goto bad;
	if (!ident_ok(f->name, '_')) {
		hwk_yerr(file, hwk_ymap_get(m, "name"),
			 "field name '%s' must be a lower-case letter then letters, digits or _ (at most %d)",
			 f->name, HWK_NAME_MAX);
		goto bad;
	}
	if (reserved(f->name)) {
		hwk_yerr(file, hwk_ymap_get(m, "name"),
			 "'%s' is a column of every entry; choose another field name", f->name);
		goto bad;
	}
	size_t t;
	for (t = 0; t < sizeof ftype_names / sizeof *ftype_names; t++)
		if (!strcmp(ftype_names[t], type))
			break;
	if (t == sizeof ftype_names / sizeof *ftype_names) {
		hwk_yerr(file, hwk_ymap_get(m, "type"),
			 "'type' must be one of text, integer, number, time, date, yesno, choice");
		goto bad;
	}
	f->type = (hwk_ftype)t;
	if (hwk_yget_bool(file, m, "required", &f->required) < 0 ||
	    hwk_yget_num(file, m, "min", &f->has_min, &f->min) < 0 ||
	    hwk_yget_num(file, m, "max", &f->has_max, &f->max) < 0 ||
	    hwk_yget_str(file, m, "unit", 0, &f->unit) < 0 ||
	    hwk_yget_str(file, m, "prompt", 0, &f->prompt) < 0)
		goto bad;
	if ((f->has_min || f->has_max) && f->type != HWK_F_INTEGER && f->type != HWK_F_NUMBER) {
		hwk_yerr(file, hwk_ymap_get(m, f->has_min ? "min" : "max"),
			 "'min' and 'max' are only for integer and number fields");
		goto bad;
	}
	if (f->type == HWK_F_INTEGER &&
	    ((f->has_min && !whole(f->min)) || (f->has_max && !whole(f->max)))) {
		hwk_yerr(file, hwk_ymap_get(m, f->has_min && !whole(f->min) ? "min" : "max"),
			 "'min' and 'max' of an integer field must be whole numbers");
		goto bad;
	}
	if (f->has_min && f->has_max && f->min > f->max) {
		hwk_yerr(file, hwk_ymap_get(m, "max"), "'max' is below 'min'");
		goto bad;
	}
	hwk_ynode *ch = hwk_ymap_get(m, "choices");
	if (f->type == HWK_F_CHOICE) {
		if (hwk_ynull(ch) || ch->kind != HWK_Y_SEQ || ch->n == 0) {
			hwk_yerr(file, ch ? ch : m, "a choice field needs 'choices', a list of words");
			goto bad;
		}
		for (size_t i = 0; i < ch->n; i++) {
			hwk_ynode *c = ch->items[i];
			if (c->kind != HWK_Y_SCALAR || !*c->str || strchr(c->str, '\n')) {
				hwk_yerr(file, c, "each choice must be a word or a short phrase");
				goto bad;
			}
			hwk_strs_push(&f->choices, hwk_xstrdup(c->str));
		}
	} else if (!hwk_ynull(ch)) {
		hwk_yerr(file, ch, "'choices' is only for choice fields");
		goto bad;
	}
	free(type);
	return 0;
bad:
	free(type);
	return -1;
}

static __thread unsigned long name_compares; /* the calling thread's */

unsigned long hwk_fields_name_compares(void)
{
	return name_compares;
}

/* A field's name as written (a scalar 'name:'), or "" when it has none. */
static const char *name_in(const hwk_ynode *item)
{
	const hwk_ynode *n = item->kind == HWK_Y_MAP ? hwk_ymap_get(item, "name") : NULL;
	return n && n->kind == HWK_Y_SCALAR ? n->str : "";
}

static __thread const hwk_ynode *sort_seq; /* the calling thread's */

static int by_name(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	name_compares++;
	int c = strcmp(name_in(sort_seq->items[a]), name_in(sort_seq->items[b]));
	return c ? c : (a > b) - (a < b);
}

/* The first field (in the list's order) whose name an earlier one has, or seq->n. A
 * short list, as every type's is, is checked name by name; a long one sorted, so that
 * no list can make this quadratic (name_compares counts the work for the tests). A
 * field without a name never matches: its parse says so. */
static size_t first_twice(const hwk_ynode *seq)
{
	if (seq->n <= 16) {
		const char *names[16];
		for (size_t i = 0; i < seq->n; i++) {
			names[i] = name_in(seq->items[i]);
			for (size_t j = 0; j < i && *names[i]; j++) {
				name_compares++;
				if (!strcmp(names[j], names[i]))
					return i;
			}
		}
		return seq->n;
	}
	size_t *v = hwk_xcalloc(seq->n + 1, sizeof *v), first = seq->n;
	for (size_t i = 0; i < seq->n; i++)
		v[i] = i;
	sort_seq = seq;
	qsort(v, seq->n, sizeof *v, by_name);
	for (size_t i = 1; i < seq->n; i++) {
		const char *name = name_in(seq->items[v[i]]);
		name_compares++;
		if (*name && !strcmp(name_in(seq->items[v[i - 1]]), name) && v[i] < first)
			first = v[i];
	}
	free(v);
	return first;
}

/* ---- lists read before ----
 * Every assignment file holds its type's fields, the same list in all of a type's
 * assignments, and a report or listing reads thousands: a list the calling thread has
 * read before (the same nodes: kinds, quoting and texts, in the same order; where they
 * lie in the file plays no part when they are right) is copied from then, not read and
 * checked again. A thread keeps its last few; a list that was refused is not kept. */

typedef struct {
	hwk_ykind kind;
	int plain;
	size_t n;
	size_t str; /* where its text is in the list's (scalars), else (size_t)-1 */
} seen_node;

typedef struct {
	seen_node *v;
	size_t n;
	hwk_buf text;
	hwk_fields fields;
} seen_list;

#define SEEN_LISTS 8    /* kept a thread: more than the built-in types */
#define SEEN_NODES 1024 /* a longer list is not kept */

static __thread seen_list seen[SEEN_LISTS];
static __thread size_t seen_next;
static pthread_key_t seen_key;
static pthread_once_t seen_once = PTHREAD_ONCE_INIT;

static void seen_free(void *unused)
{
	(void)unused;
	for (size_t i = 0; i < SEEN_LISTS; i++) {
		free(seen[i].v);
		hwk_buf_free(&seen[i].text);
		hwk_fields_free(&seen[i].fields);
		seen[i] = (seen_list){0};
	}
}

static void seen_free_main(void)
{
	seen_free(NULL);
}

static void seen_setup(void)
{
	/* a thread's lists go when it ends; the main thread's at exit */
	if (pthread_key_create(&seen_key, seen_free) != 0)
		seen_key = (pthread_key_t)-1;
	atexit(seen_free_main);
}

/* Is node n the one at *at of list l and the nodes after it its own, as they were? */
static int seen_same(const hwk_ynode *n, const seen_list *l, size_t *at)
{
	if (*at >= l->n)
		return 0;
	const seen_node *v = &l->v[(*at)++];
	if (v->kind != n->kind || v->plain != n->plain || v->n != n->n)
		return 0;
	if (n->kind == HWK_Y_SCALAR)
		return (v->str == (size_t)-1) == !n->str &&
		       (!n->str || !strcmp(l->text.s + v->str, n->str));
	for (size_t i = 0; i < n->n; i++)
		if (!seen_same(n->items[i], l, at))
			return 0;
	return 1;
}

static int seen_flat(const hwk_ynode *n, seen_list *l)
{
	if (l->n == SEEN_NODES)
		return -1;
	seen_node *v = &l->v[l->n++];
	*v = (seen_node){n->kind, n->plain, n->n, (size_t)-1};
	if (n->kind == HWK_Y_SCALAR) {
		if (n->str) {
			v->str = l->text.len;
			hwk_buf_add(&l->text, n->str, strlen(n->str) + 1);
		}
		return 0;
	}
	for (size_t i = 0; i < n->n; i++)
		if (seen_flat(n->items[i], l) < 0)
			return -1;
	return 0;
}

/* A copy of the fields of the list seq when it was read before. */
static int seen_find(const hwk_ynode *seq, hwk_fields *out)
{
	for (size_t i = 0; i < SEEN_LISTS; i++) {
		size_t at = 0;
		if (seen[i].n && seen_same(seq, &seen[i], &at) && at == seen[i].n) {
			hwk_fields_copy(out, &seen[i].fields);
			return 1;
		}
	}
	return 0;
}

/* The list seq, read into fs, kept in place of the oldest kept. */
static void seen_keep(const hwk_ynode *seq, const hwk_fields *fs)
{
	pthread_once(&seen_once, seen_setup);
	if (seen_key != (pthread_key_t)-1)
		pthread_setspecific(seen_key, seen); /* not NULL: the thread's end frees */
	seen_list *l = &seen[seen_next];
	seen_next = (seen_next + 1) % SEEN_LISTS;
	free(l->v);
	hwk_buf_free(&l->text);
	hwk_fields_free(&l->fields);
	*l = (seen_list){0};
	l->v = hwk_xcalloc(SEEN_NODES, sizeof *l->v);
	if (seen_flat(seq, l) < 0) {
		free(l->v);
		hwk_buf_free(&l->text);
		*l = (seen_list){0};
		return;
	}
	l->v = hwk_xrealloc(l->v, l->n * sizeof *l->v);
	hwk_fields_copy(&l->fields, fs);
}

int hwk_fields_parse(const char *file, const hwk_ynode *seq, hwk_fields *out)
{
	out->v = NULL;
	out->n = 0;
	if (hwk_ynull(seq))
		return 0;
	if (seq->kind != HWK_Y_SEQ)
		return hwk_yerr(file, seq, "'fields' must be a list");
	if (seen_find(seq, out))
		return 0;
	size_t twice = first_twice(seq);
	out->v = hwk_xcalloc(seq->n, sizeof *out->v);
	for (size_t i = 0; i < seq->n; i++) {
		out->n = i + 1;
		if (field_parse(file, seq->items[i], &out->v[i]) < 0)
			goto bad;
		if (i == twice) {
			hwk_yerr(file, seq->items[i], "field '%s' is defined twice",
				 out->v[i].name);
			goto bad;
		}
	}
	seen_keep(seq, out);
	return 0;
bad:
	hwk_fields_free(out);
	return -1;
}

/* A number as the fewest plain decimals that read back as the same double (never an
 * exponent, which the readers refuse). buf holds at least 400 bytes. */
static void num_str(char *buf, size_t n, double v)
{
	for (int prec = 0; prec <= 340; prec++) {
		snprintf(buf, n, "%.*f", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (!strcmp(buf, "-0"))
		strcpy(buf, "0");
}

void hwk_fields_emit(hwk_yw *w, const hwk_fields *fs)
{
	char num[400];
	hwk_yw_seq_start(w);
	for (size_t i = 0; i < fs->n; i++) {
		const hwk_field *f = &fs->v[i];
		hwk_yw_map_start(w);
		hwk_yw_kv(w, "name", f->name);
		hwk_yw_kv(w, "type", ftype_names[f->type]);
		if (f->required)
			hwk_yw_kv_plain(w, "required", "true");
		if (f->has_min) {
			num_str(num, sizeof num, f->min);
			hwk_yw_kv_plain(w, "min", num);
		}
		if (f->has_max) {
			num_str(num, sizeof num, f->max);
			hwk_yw_kv_plain(w, "max", num);
		}
		hwk_yw_kv(w, "unit", f->unit);
		if (f->choices.n) {
			hwk_yw_str(w, "choices");
			hwk_yw_seq_start(w);
			for (size_t c = 0; c < f->choices.n; c++)
				hwk_yw_str(w, f->choices.v[c]);
			hwk_yw_seq_end(w);
		}
		hwk_yw_kv(w, "prompt", f->prompt);
		hwk_yw_map_end(w);
	}
	hwk_yw_seq_end(w);
}

void hwk_fields_copy(hwk_fields *dst, const hwk_fields *src)
{
	dst->n = src->n;
	dst->v = hwk_xcalloc(src->n, sizeof *dst->v);
	for (size_t i = 0; i < src->n; i++) {
		const hwk_field *s = &src->v[i];
		hwk_field *d = &dst->v[i];
		*d = *s;
		d->name = hwk_xstrdup(s->name);
		d->unit = s->unit ? hwk_xstrdup(s->unit) : NULL;
		d->prompt = s->prompt ? hwk_xstrdup(s->prompt) : NULL;
		memset(&d->choices, 0, sizeof d->choices);
		for (size_t c = 0; c < s->choices.n; c++)
			hwk_strs_push(&d->choices, hwk_xstrdup(s->choices.v[c]));
	}
}

const hwk_field *hwk_fields_find(const hwk_fields *f, const char *name)
{
	/* the first bytes told apart inline: the plausibility rules look a field up by
	 * name some fifteen times an entry */
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].name[0] == name[0] && !strcmp(f->v[i].name, name))
			return &f->v[i];
	return NULL;
}

char *hwk_fields_names(const hwk_fields *f)
{
	hwk_buf b = {0};
	for (size_t i = 0; i < f->n; i++) {
		if (i)
			hwk_buf_adds(&b, ", ");
		hwk_buf_adds(&b, f->v[i].name);
	}
	if (!b.s)
		hwk_buf_adds(&b, "none");
	return b.s;
}

static const char *const type_keys[] = {"name", "title", "fields", NULL};

static int type_parse(const char *file, const char *name, const char *data, size_t len,
		      hwk_type *t)
{
	hwk_ynode *root;
	memset(t, 0, sizeof *t);
	if (hwk_yaml_parse(file, data, len, &root) < 0)
		return -1;
	int rc = -1;
	char *fname = NULL;
	if (hwk_ycheck_map(file, root, type_keys, "a type file must be a mapping with 'fields'") < 0 ||
	    hwk_yget_str(file, root, "name", 0, &fname) < 0 ||
	    hwk_yget_str(file, root, "title", 0, &t->title) < 0)
		goto out;
	if (fname && strcmp(fname, name)) {
		hwk_yerr(file, hwk_ymap_get(root, "name"),
			 "'name' is '%s' but the file is named for '%s'", fname, name);
		goto out;
	}
	if (!hwk_ymap_get(root, "fields")) {
		hwk_yerr(file, root, "'fields' is missing");
		goto out;
	}
	if (hwk_fields_parse(file, hwk_ymap_get(root, "fields"), &t->fields) < 0)
		goto out;
	t->name = hwk_xstrdup(name);
	t->source = hwk_xstrdup(file);
	rc = 0;
out:
	free(fname);
	hwk_ynode_free(root);
	if (rc < 0)
		hwk_type_free(t);
	return rc;
}

int hwk_type_load(const char *name, int have_types_dir, hwk_type *t)
{
	for (size_t i = 0; i < NBUILTIN; i++)
		if (!strcmp(hwk_builtins[i].name, name)) {
			char *shadow = hwk_xasprintf("types/%s.yaml", name);
			int shadowed = have_types_dir && access(shadow, F_OK) == 0;
			free(shadow);
			if (shadowed)
				return hwk_err("types/%s.yaml: a custom type cannot take a built-in type's name",
					       name);
			if (type_parse("builtin", name, hwk_builtins[i].yaml,
				       strlen(hwk_builtins[i].yaml), t) < 0)
				return -1;
			free(t->source);
			t->source = hwk_xstrdup("builtin");
			return 0;
		}
	if (!ident_ok(name, '-'))
		return hwk_err("%s: not a type name (letters, digits and -)", name);
	char *path = hwk_xasprintf("types/%s.yaml", name);
	hwk_buf data = {0};
	int rc;
	if (!have_types_dir || hwk_read_file(path, HWK_YAML_MAX_BYTES, &data) < 0)
		rc = errno == ENOENT || !have_types_dir
			? hwk_err("%s: no such type (see 'hwk types')", name)
			: hwk_err_sys("%s", path);
	else
		rc = type_parse(path, name, data.s ? data.s : "", data.len, t);
	hwk_buf_free(&data);
	free(path);
	return rc;
}

int hwk_custom_types(hwk_strs *names)
{
	DIR *d = opendir("types");
	if (!d)
		return errno == ENOENT ? 0 : hwk_err_sys("types");
	struct dirent *e;
	int err = 0;
	while ((e = hwk_readdir(d, &err))) {
		size_t n = strlen(e->d_name);
		if (n > 5 && !strcmp(e->d_name + n - 5, ".yaml") && e->d_name[0] != '.')
			hwk_strs_push(names, hwk_xstrndup(e->d_name, n - 5));
	}
	closedir(d);
	if (err) {
		errno = err;
		return hwk_err_sys("types");
	}
	hwk_strs_sort(names);
	return 0;
}

void hwk_type_emit(const hwk_type *t, hwk_buf *out)
{
	hwk_yw *w = hwk_yw_new(out);
	hwk_yw_map_start(w);
	hwk_yw_kv(w, "name", t->name);
	hwk_yw_kv(w, "title", t->title);
	hwk_yw_str(w, "fields");
	hwk_fields_emit(w, &t->fields);
	hwk_yw_map_end(w);
	hwk_yw_end(w);
}

void hwk_type_free(hwk_type *t)
{
	free(t->name);
	free(t->title);
	free(t->source);
	hwk_fields_free(&t->fields);
	memset(t, 0, sizeof *t);
}

char *hwk_field_range(const hwk_field *f)
{
	char lo[400] = "", hi[400] = "";
	switch (f->type) {
	case HWK_F_INTEGER:
	case HWK_F_NUMBER:
		if (!f->has_min && !f->has_max)
			return hwk_xstrdup(f->type == HWK_F_INTEGER ? "whole number" : "number");
		if (f->has_min)
			num_str(lo, sizeof lo, f->min);
		if (f->has_max)
			num_str(hi, sizeof hi, f->max);
		if (!f->has_max)
			return hwk_xasprintf("%s or more", lo);
		if (!f->has_min)
			return hwk_xasprintf("%s or less", hi);
		return hwk_xasprintf("%s-%s", lo, hi);
	case HWK_F_TIME:
		return hwk_xstrdup("HH:MM");
	case HWK_F_DATE:
		return hwk_xstrdup("YYYY-MM-DD");
	case HWK_F_YESNO:
		return hwk_xstrdup("yes/no");
	case HWK_F_CHOICE: {
		hwk_buf b = {0};
		for (size_t i = 0; i < f->choices.n; i++) {
			if (i)
				hwk_buf_addc(&b, '|');
			hwk_buf_adds(&b, f->choices.v[i]);
		}
		return b.s;
	}
	case HWK_F_TEXT:
		break;
	}
	return hwk_xstrdup("text");
}

static int range_check(const hwk_field *f, const char *value, double v)
{
	char lim[400];
	if (f->has_min && v < f->min) {
		num_str(lim, sizeof lim, f->min);
		return hwk_err("%s: %s is below the minimum %s", f->name, value, lim);
	}
	if (f->has_max && v > f->max) {
		num_str(lim, sizeof lim, f->max);
		return hwk_err("%s: %s is above the maximum %s", f->name, value, lim);
	}
	return 0;
}

int hwk_field_check(const hwk_field *f, const char *value, char **norm)
{
	if (norm)
		*norm = NULL;
	if (!hwk_utf8_valid(value, strlen(value)))
		return hwk_err("%s: the text is not valid UTF-8", f->name);
	switch (f->type) {
	case HWK_F_TEXT:
		if (norm)
			*norm = hwk_xstrdup(value);
		return 0;
	case HWK_F_INTEGER: {
		long v;
		if (hwk_parse_long(value, &v) < 0)
			return hwk_err("%s: %s is not a whole number", f->name, value);
		if (range_check(f, value, (double)v) < 0)
			return -1;
		if (norm)
			*norm = hwk_xasprintf("%ld", v);
		return 0;
	}
	case HWK_F_NUMBER: {
		double v;
		if (hwk_parse_number(value, &v) < 0)
			return hwk_err("%s: %s is not a number", f->name, value);
		if (range_check(f, value, v) < 0)
			return -1;
		if (norm)
			*norm = hwk_xstrdup(value);
		return 0;
	}
	case HWK_F_TIME: {
		long s = hwk_parse_clock(value);
		if (s < 0)
			return hwk_err("%s: %s is not a time of day (HH:MM)", f->name, value);
		if (norm && s % 60)
			*norm = hwk_xasprintf("%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
		else if (norm)
			*norm = hwk_xasprintf("%02ld:%02ld", s / 3600, s / 60 % 60);
		return 0;
	}
	case HWK_F_DATE: {
		hwk_day d;
		if (hwk_day_parse_ymd(value, &d) < 0)
			return hwk_err("%s: %s is not a date (YYYY-MM-DD)", f->name, value);
		if (norm)
			*norm = hwk_xstrdup(value);
		return 0;
	}
	case HWK_F_YESNO:
		if (!strcasecmp(value, "yes") || !strcasecmp(value, "y") || !strcmp(value, "1") ||
		    !strcasecmp(value, "true")) {
			if (norm)
				*norm = hwk_xstrdup("yes");
			return 0;
		}
		if (!strcasecmp(value, "no") || !strcasecmp(value, "n") || !strcmp(value, "0") ||
		    !strcasecmp(value, "false")) {
			if (norm)
				*norm = hwk_xstrdup("no");
			return 0;
		}
		return hwk_err("%s: %s is not yes or no", f->name, value);
	case HWK_F_CHOICE:
		for (size_t i = 0; i < f->choices.n; i++)
			if (!strcmp(f->choices.v[i], value)) {
				if (norm)
					*norm = hwk_xstrdup(value);
				return 0;
			}
		{
			char *r = hwk_field_range(f);
			hwk_err("%s: %s is not one of %s", f->name, value, r);
			free(r);
		}
		return -1;
	}
	return -1;
}
