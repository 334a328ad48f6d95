#define _GNU_SOURCE
#include "ydoc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "err.h"

/* ---- reading ---- */

/* A document's nodes and texts come from one arena, freed in one go with its root:
 * reading a file is mostly allocation otherwise. */
typedef struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
} chunk;

struct hwk_yarena {
	chunk *head;
};

static void *arena_alloc(struct hwk_yarena *a, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!a->head || a->head->cap - a->head->used < n) {
		size_t cap = n > 16384 ? n : 16384;
		chunk *c = hwk_xmalloc(sizeof *c + cap);
		c->next = a->head;
		c->used = 0;
		c->cap = cap;
		a->head = c;
	}
	void *p = (char *)a->head->data + a->head->used;
	a->head->used += n;
	return p;
}

static void arena_free(struct hwk_yarena *a)
{
	if (!a)
		return;
	for (chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

static hwk_ynode *node_new(struct hwk_yarena *a, hwk_ykind kind, yaml_mark_t m)
{
	hwk_ynode *n = arena_alloc(a, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->line = m.line + 1;
	n->col = m.column + 1;
	return n;
}

static void node_add(struct hwk_yarena *a, hwk_ynode *parent, hwk_ynode *child)
{
	if ((parent->n & (parent->n - 1)) == 0) { /* grow at powers of two */
		hwk_ynode **items = arena_alloc(a, (parent->n ? parent->n * 2 : 1) * sizeof *items);
		if (parent->n)
			memcpy(items, parent->items, parent->n * sizeof *items);
		parent->items = items;
	}
	parent->items[parent->n++] = child;
}

void hwk_ynode_free(hwk_ynode *root)
{
	if (root)
		arena_free(root->arena);
}

/* line:col of a byte offset, for reader errors that carry only an offset */
static void offset_pos(const char *data, size_t len, size_t off, size_t *line, size_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		if (data[i] == '\n')
			++*line, *col = 1;
		else if (((unsigned char)data[i] & 0xc0) != 0x80)
			++*col;
	}
}

static int cmp_key(const void *x, const void *y)
{
	const hwk_ynode *a = *(hwk_ynode *const *)x, *b = *(hwk_ynode *const *)y;
	int c = strcmp(a->str, b->str);
	if (c)
		return c;
	return a->line != b->line ? (a->line < b->line ? -1 : 1) : (a->col < b->col ? -1 : a->col > b->col);
}

/* A key twice in one mapping is an error at its second place. Sorting keeps this
 * O(n log n), so a big mapping cannot make the check slow. */
static int check_duplicates(const char *file, const hwk_ynode *map)
{
	size_t nk = map->n / 2;
	if (nk < 2)
		return 0;
	hwk_ynode **keys = hwk_xcalloc(nk, sizeof *keys);
	for (size_t i = 0; i < nk; i++)
		keys[i] = map->items[2 * i];
	qsort(keys, nk, sizeof *keys, cmp_key);
	const hwk_ynode *dup = NULL;
	for (size_t i = 1; i < nk; i++)
		if (!strcmp(keys[i - 1]->str, keys[i]->str) &&
		    (!dup || keys[i]->line < dup->line ||
		     (keys[i]->line == dup->line && keys[i]->col < dup->col)))
			dup = keys[i];
	int rc = dup ? hwk_err_at(file, dup->line, dup->col, "duplicate key '%s'", dup->str) : 0;
	free(keys);
	return rc;
}

int hwk_yaml_parse(const char *file, const char *data, size_t len, hwk_ynode **root)
{
	yaml_parser_t p;
	yaml_event_t ev;
	hwk_ynode *stack[HWK_YAML_MAX_DEPTH + 1];
	int depth = 0, docs = 0, rc = -1, done = 0;
	hwk_ynode *top = NULL;
	struct hwk_yarena *arena = hwk_xcalloc(1, sizeof *arena);

	*root = NULL;
	if (len > HWK_YAML_MAX_BYTES) {
		arena_free(arena);
		return hwk_err_at(file, 0, 0, "file is larger than %u bytes", HWK_YAML_MAX_BYTES);
	}
	if (!yaml_parser_initialize(&p)) {
		arena_free(arena);
		return hwk_err("out of memory");
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);

	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			size_t line, col;
			if (p.error == YAML_READER_ERROR) {
				offset_pos(data, len, p.problem_offset, &line, &col);
			} else {
				line = p.problem_mark.line + 1;
				col = p.problem_mark.column + 1;
			}
			hwk_err_at(file, line, col, "%s", p.problem ? p.problem : "bad YAML");
			goto out;
		}
		hwk_ynode *n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				hwk_err_at(file, ev.start_mark.line + 1, ev.start_mark.column + 1,
					   "only one document is allowed");
				yaml_event_delete(&ev);
				goto out;
			}
			break;
		case YAML_ALIAS_EVENT:
			hwk_err_at(file, ev.start_mark.line + 1, ev.start_mark.column + 1,
				   "aliases are not allowed");
			yaml_event_delete(&ev);
			goto out;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			const yaml_char_t *anchor = ev.type == YAML_SCALAR_EVENT ? ev.data.scalar.anchor
				: ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.anchor
				: ev.data.mapping_start.anchor;
			const yaml_char_t *tag = ev.type == YAML_SCALAR_EVENT ? ev.data.scalar.tag
				: ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.tag
				: ev.data.mapping_start.tag;
			if (anchor || tag) {
				hwk_err_at(file, ev.start_mark.line + 1, ev.start_mark.column + 1,
					   "%s are not allowed", anchor ? "anchors" : "tags");
				yaml_event_delete(&ev);
				goto out;
			}
			if (ev.type == YAML_SCALAR_EVENT) {
				size_t sl = ev.data.scalar.length;
				n = node_new(arena, HWK_Y_SCALAR, ev.start_mark);
				n->str = arena_alloc(arena, sl + 1);
				memcpy(n->str, ev.data.scalar.value, sl);
				n->str[sl] = 0;
				n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
				if (strlen(n->str) != sl) {
					hwk_err_at(file, n->line, n->col, "text contains a NUL character");
					yaml_event_delete(&ev);
					goto out;
				}
			} else {
				n = node_new(arena,
					     ev.type == YAML_SEQUENCE_START_EVENT ? HWK_Y_SEQ : HWK_Y_MAP,
					     ev.start_mark);
			}
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			break;
		case YAML_MAPPING_END_EVENT:
			depth--;
			if (check_duplicates(file, stack[depth]) < 0) {
				yaml_event_delete(&ev);
				goto out;
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (!n)
			continue;

		if (depth > 0) {
			hwk_ynode *parent = stack[depth - 1];
			if (parent->kind == HWK_Y_MAP && parent->n % 2 == 0) {
				/* n is a key */
				if (n->kind != HWK_Y_SCALAR) {
					hwk_err_at(file, n->line, n->col, "a key must be plain text");
					goto out;
				}
			}
			node_add(arena, parent, n);
		} else {
			top = n;
		}
		if (n->kind != HWK_Y_SCALAR) {
			if (depth == HWK_YAML_MAX_DEPTH) {
				hwk_err_at(file, n->line, n->col, "nested deeper than %d levels",
					   HWK_YAML_MAX_DEPTH);
				goto out;
			}
			stack[depth++] = n;
		}
	}
	rc = 0;
	if (top) {
		top->arena = arena; /* the root owns the arena */
		*root = top;
		arena = NULL;
	}
out:
	arena_free(arena);
	yaml_parser_delete(&p);
	return rc;
}

int hwk_yaml_load(const char *path, hwk_ynode **root)
{
	hwk_buf data = {0};
	*root = NULL;
	if (hwk_read_file(path, HWK_YAML_MAX_BYTES, &data) < 0) {
		if (errno == EFBIG)
			hwk_err_at(path, 0, 0, "file is larger than %u bytes", HWK_YAML_MAX_BYTES);
		else
			hwk_err_sys("%s", path);
		hwk_buf_free(&data);
		return -1;
	}
	int rc = hwk_yaml_parse(path, data.s, data.len, root);
	hwk_buf_free(&data);
	return rc;
}

hwk_ynode *hwk_ymap_get(const hwk_ynode *map, const char *key)
{
	if (!map || map->kind != HWK_Y_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->items[i]->str, key) == 0)
			return map->items[i + 1];
	return NULL;
}

int hwk_ynull(const hwk_ynode *n)
{
	return !n || (n->kind == HWK_Y_SCALAR && n->plain &&
		      (!*n->str || !strcmp(n->str, "~") || !strcmp(n->str, "null")));
}

int hwk_yerr(const char *file, const hwk_ynode *n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return hwk_err_at(file, n ? n->line : 0, n ? n->col : 0, "%s", msg);
}

int hwk_yget_str(const char *file, const hwk_ynode *map, const char *key, int required,
		 char **out)
{
	hwk_ynode *v = hwk_ymap_get(map, key);
	if (hwk_ynull(v)) {
		if (required)
			return hwk_yerr(file, map, "'%s' is missing", key);
		return 0;
	}
	if (v->kind != HWK_Y_SCALAR)
		return hwk_yerr(file, v, "'%s' must be text", key);
	free(*out);
	*out = hwk_xstrdup(v->str);
	return 0;
}

int hwk_yget_bool(const char *file, const hwk_ynode *map, const char *key, int *out)
{
	hwk_ynode *v = hwk_ymap_get(map, key);
	if (hwk_ynull(v))
		return 0;
	if (v->kind == HWK_Y_SCALAR && v->plain) {
		if (!strcmp(v->str, "true") || !strcmp(v->str, "yes"))
			return *out = 1, 0;
		if (!strcmp(v->str, "false") || !strcmp(v->str, "no"))
			return *out = 0, 0;
	}
	return hwk_yerr(file, v, "'%s' must be true or false", key);
}

int hwk_yget_num(const char *file, const hwk_ynode *map, const char *key, int *has,
		 double *out)
{
	hwk_ynode *v = hwk_ymap_get(map, key);
	if (hwk_ynull(v))
		return 0;
	if (v->kind != HWK_Y_SCALAR || hwk_parse_number(v->str, out) < 0)
		return hwk_yerr(file, v, "'%s' must be a number", key);
	*has = 1;
	return 0;
}

int hwk_ycheck_keys(const char *file, const hwk_ynode *map, const char *const *keys)
{
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const char *const *k;
		for (k = keys; *k; k++)
			if (!strcmp(*k, map->items[i]->str))
				break;
		if (!*k)
			return hwk_yerr(file, map->items[i], "unknown key '%s'", map->items[i]->str);
	}
	return 0;
}

/* ---- writing ---- */

struct hwk_yw {
	yaml_emitter_t e;
	hwk_buf *out;
	int failed;
};

static int yw_write(void *data, unsigned char *buf, size_t size)
{
	hwk_buf_add(data, buf, size);
	return 1;
}

static void yw_emit(hwk_yw *w, yaml_event_t *ev, int ok)
{
	if (!ok || w->failed) {
		if (ok)
			yaml_event_delete(ev);
		w->failed = 1;
		return;
	}
	if (!yaml_emitter_emit(&w->e, ev)) /* the emitter owns ev even on failure */
		w->failed = 1;
}

hwk_yw *hwk_yw_new(hwk_buf *out)
{
	hwk_yw *w = hwk_xcalloc(1, sizeof *w);
	yaml_event_t ev;
	w->out = out;
	if (!yaml_emitter_initialize(&w->e)) {
		fputs("hwk: out of memory\n", stderr);
		exit(1);
	}
	yaml_emitter_set_output(&w->e, yw_write, out);
	yaml_emitter_set_unicode(&w->e, 1);
	yaml_emitter_set_width(&w->e, -1);
	yaml_emitter_set_indent(&w->e, 2);
	yw_emit(w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	yw_emit(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	return w;
}

void hwk_yw_map_start(hwk_yw *w)
{
	yaml_event_t ev;
	yw_emit(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
							    YAML_BLOCK_MAPPING_STYLE));
}

void hwk_yw_map_end(hwk_yw *w)
{
	yaml_event_t ev;
	yw_emit(w, &ev, yaml_mapping_end_event_initialize(&ev));
}

void hwk_yw_seq_start(hwk_yw *w)
{
	yaml_event_t ev;
	yw_emit(w, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
							     YAML_BLOCK_SEQUENCE_STYLE));
}

void hwk_yw_seq_end(hwk_yw *w)
{
	yaml_event_t ev;
	yw_emit(w, &ev, yaml_sequence_end_event_initialize(&ev));
}

static int only(const char *s, const char *set)
{
	return s[strspn(s, set)] == 0;
}

/* Would a YAML 1.1 or 1.2 reader take this plain text for something else than a string
 * (null, a boolean, a number in any base, a sexagesimal, a date or a timestamp)? */
int hwk_yaml_looks_typed(const char *s)
{
	static const char *const words[] = {
		"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
		".inf", "-.inf", "+.inf", ".nan", "<<", "=", NULL,
	};
	if (!*s)
		return 1;
	for (const char *const *w = words; *w; w++)
		if (!strcasecmp(s, *w))
			return 1;
	const char *p = s + (*s == '-' || *s == '+');
	if (hwk_has_prefix(p, "0x") || hwk_has_prefix(p, "0o") || hwk_has_prefix(p, "0b"))
		return only(p + 2, "0123456789abcdefABCDEF_");
	if ((*p >= '0' && *p <= '9') || *p == '.') {
		if (only(p, "0123456789_.,:eE+-"))
			return 1;
		/* a date, or a date and a time: 2026-11-27, 2026-11-27T09:00:00+01:00 */
		if (strlen(p) >= 10 && p[4] == '-' && only(p, "0123456789-:.TtZz +"))
			return 1;
	}
	return 0;
}

static int has_control(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s < 0x20 && *s != '\n') || *s == 0x7f)
			return 1;
	return 0;
}

static void yw_scalar(hwk_yw *w, const char *s, int typed)
{
	yaml_event_t ev;
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	int plain_ok = typed || !hwk_yaml_looks_typed(s);
	if (!typed && strchr(s, '\n') && !has_control(s))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (!plain_ok && !has_control(s))
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	yw_emit(w, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
						     (int)strlen(s), plain_ok, 1, style));
}

void hwk_yw_str(hwk_yw *w, const char *s)
{
	yw_scalar(w, s, 0);
}

void hwk_yw_plain(hwk_yw *w, const char *s)
{
	yw_scalar(w, s, 1);
}

void hwk_yw_kv(hwk_yw *w, const char *key, const char *val)
{
	if (!val)
		return;
	yw_scalar(w, key, 0);
	yw_scalar(w, val, 0);
}

void hwk_yw_kv_plain(hwk_yw *w, const char *key, const char *val)
{
	if (!val)
		return;
	yw_scalar(w, key, 0);
	yw_scalar(w, val, 1);
}

int hwk_yw_end(hwk_yw *w)
{
	yaml_event_t ev;
	yw_emit(w, &ev, yaml_document_end_event_initialize(&ev, 1));
	yw_emit(w, &ev, yaml_stream_end_event_initialize(&ev));
	if (!w->failed && !yaml_emitter_flush(&w->e))
		w->failed = 1;
	int failed = w->failed;
	if (failed)
		hwk_err("internal error writing YAML: %s",
			w->e.problem ? w->e.problem : "emitter failed");
	yaml_emitter_delete(&w->e);
	free(w);
	return failed ? -1 : 0;
}
