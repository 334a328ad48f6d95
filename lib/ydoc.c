#define _GNU_SOURCE
#include "ydoc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
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

static __thread unsigned long key_compares; /* the calling thread's */

unsigned long hwk_yaml_key_compares(void)
{
	return key_compares;
}

static int cmp_key(const void *x, const void *y)
{
	const hwk_ynode *a = *(hwk_ynode *const *)x, *b = *(hwk_ynode *const *)y;
	key_compares++;
	int c = strcmp(a->str, b->str);
	if (c)
		return c;
	return a->line != b->line ? (a->line < b->line ? -1 : 1) : (a->col < b->col ? -1 : a->col > b->col);
}

/* The key of a mapping that repeats an earlier one, at the first such place in the text,
 * or NULL. Small mappings, which hwk's files are made of, are checked pair by pair; large
 * ones sorted, so that no mapping can make this quadratic (key_compares counts the work
 * for the tests). */
static const hwk_ynode *find_duplicate(const hwk_ynode *map)
{
	size_t nk = map->n / 2;
	if (nk < 2)
		return NULL;
	if (nk <= 16) {
		for (size_t i = 1; i < nk; i++)
			for (size_t j = 0; j < i; j++) {
				key_compares++;
				const char *a = map->items[2 * i]->str, *b = map->items[2 * j]->str;
				if (a[0] == b[0] && !strcmp(a, b)) /* most differ at once */
					return map->items[2 * i];
			}
		return NULL;
	}
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
	free(keys);
	return dup;
}

/* A key twice in a mapping anywhere in the tree? (For the fast path: libyaml then reads
 * the file again and says where.) */
static int check_duplicates_quiet(const hwk_ynode *n)
{
	if (n->kind == HWK_Y_SCALAR)
		return 0;
	if (n->kind == HWK_Y_MAP && find_duplicate(n))
		return -1;
	for (size_t i = 0; i < n->n; i++)
		if (n->items[i]->kind != HWK_Y_SCALAR && check_duplicates_quiet(n->items[i]) < 0)
			return -1;
	return 0;
}

/* A key twice in one mapping is an error at its second place. */
static int check_duplicates(const char *file, const hwk_ynode *map)
{
	const hwk_ynode *dup = find_duplicate(map);
	return dup ? hwk_err_at(file, dup->line, dup->col, "duplicate key '%s'", dup->str) : 0;
}

/* ---- a fast path for the YAML hwk writes ----
 *
 * Commands that read many files (report above all) spend most of their time in
 * libyaml. The files hwk writes use a small part of YAML: block mappings with plain
 * keys, block sequences (indentless under a key, as libyaml writes them), plain and
 * single-quoted one-line scalars, "[]", and whole-line comments. This reads exactly that
 * and builds the same tree as the event loop below, marks included; at anything else
 * (a flow collection, a literal block, a double-quoted or multi-line scalar, a comment
 * after a value, a tab, a CR ...) it gives up and the file goes through libyaml, which
 * also reports any error. The unit tests compare both on many files. */

typedef struct {
	const char *p, *end;     /* the text not yet read */
	struct hwk_yarena *arena;
	const char *ls;          /* the current line: its start and end (before LF) */
	const char *le;
	const char *pos;         /* where reading goes on in it */
	size_t line;             /* its number, 1-based */
	int indent;              /* its indent; -1 at the end of the text */
	int bad;                 /* not a file of the subset: give up */
	int depth;
} fast;

static void f_next(fast *f)
{
	for (;;) {
		if (f->p >= f->end) {
			f->indent = -1;
			f->ls = f->le = f->pos = f->end;
			return;
		}
		const char *nl = memchr(f->p, '\n', (size_t)(f->end - f->p));
		const char *le = nl ? nl : f->end;
		f->line++;
		f->ls = f->p;
		f->le = le;
		f->p = nl ? nl + 1 : f->end;
		/* no CR, NUL or other control character: text_plain saw to it */
		const char *c = f->ls;
		while (c < le && *c == ' ')
			c++;
		if (c < le && *c == '\t') {
			f->bad = 1;
			f->indent = -1;
			return;
		}
		if (c == le || *c == '#')
			continue; /* blank or comment */
		f->indent = (int)(c - f->ls);
		f->pos = c;
		return;
	}
}

static hwk_ynode *f_node(fast *f, hwk_ykind kind, const char *at)
{
	hwk_ynode *n = arena_alloc(f->arena, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->line = f->line;
	n->col = (size_t)(at - f->ls) + 1;
	return n;
}

/* A key: a plain word and a colon, followed by a space or the line's end. Returns the
 * colon, or NULL. */
static const char *f_key(const char *s, const char *e)
{
	const char *c = s;
	if (c >= e || !((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '_'))
		return NULL;
	while (c < e && ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			 (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
		c++;
	if (c >= e || *c != ':' || (c + 1 < e && c[1] != ' '))
		return NULL;
	/* libyaml refuses a plain key of more than 1,024 characters, and its writer puts
	 * one over 128 after "? ": a longer one is not hwk's */
	if (c - s > 128)
		return NULL;
	return c;
}

static hwk_ynode *f_scalar(fast *f, const char *s, const char *e)
{
	hwk_ynode *n = f_node(f, HWK_Y_SCALAR, s);
	if (s < e && *s == '\'') {
		/* single-quoted, on one line; '' is a quote */
		char *out = arena_alloc(f->arena, (size_t)(e - s));
		size_t k = 0;
		const char *c = s + 1;
		for (;;) {
			if (c >= e) {
				f->bad = 1;
				return NULL;
			}
			if (*c == '\'') {
				if (c + 1 < e && c[1] == '\'') {
					out[k++] = '\'';
					c += 2;
					continue;
				}
				break;
			}
			if ((unsigned char)*c < 0x20 || *c == 0x7f) {
				f->bad = 1;
				return NULL;
			}
			out[k++] = *c++;
		}
		if (c + 1 != e) {
			f->bad = 1;
			return NULL;
		}
		out[k] = 0;
		n->str = out;
		return n;
	}
	/* plain: nothing a YAML reader could read otherwise */
	if (s >= e || strchr("-?:,[]{}#&*!|>'\"%@` ", *s) || e[-1] == ' ' || e[-1] == ':') {
		f->bad = 1;
		return NULL;
	}
	/* no control character (text_plain); ": " or " #" would end the scalar early */
	for (const char *c = s; c < e; c++)
		if ((*c == ':' && c + 1 < e && c[1] == ' ') || (*c == '#' && c[-1] == ' ')) {
			f->bad = 1;
			return NULL;
		}
	n->str = arena_alloc(f->arena, (size_t)(e - s) + 1);
	memcpy(n->str, s, (size_t)(e - s));
	n->str[e - s] = 0;
	n->plain = 1;
	return n;
}

/* A literal block scalar ("|", "|-" or "|+" at v, the rest of the value lines below,
 * indented deeper than ind). Leaves the reader on the line after it. */
static hwk_ynode *f_literal(fast *f, const char *v, int ind)
{
	char chomp = v + 1 < f->le ? v[1] : 0;
	if (v + 1 + (chomp != 0) != f->le || (chomp && chomp != '-' && chomp != '+')) {
		f->bad = 1; /* an indentation indicator, or more: libyaml's */
		return NULL;
	}
	hwk_ynode *n = f_node(f, HWK_Y_SCALAR, v);
	hwk_buf b = {0};
	size_t blank = 0; /* line ends held back: they may be trailing */
	int bind = -1;
	const char *q = f->p;
	while (q < f->end) {
		const char *nl = memchr(q, '\n', (size_t)(f->end - q));
		const char *le = nl ? nl : f->end;
		const char *c = q;
		while (c < le && *c == ' ')
			c++;
		if (c == le) { /* a blank line (spaces alone count as none) */
			if ((bind >= 0 && c - q > bind) || (bind < 0 && c > q) || !nl) {
				/* spaces beyond the indent, or spaces before the first text
				 * (libyaml refuses more than its indent), or spaces with no
				 * line end after them (no line break to keep): libyaml's */
				f->bad = 1;
				break;
			}
			blank++;
		} else {
			if (bind < 0) {
				if (c - q <= ind) {
					f->bad = 1; /* an empty block */
					break;
				}
				bind = (int)(c - q);
			}
			if (c - q < bind)
				break;
			if (b.len || blank) {
				if (b.len)
					hwk_buf_addc(&b, '\n');
				for (; blank; blank--)
					hwk_buf_addc(&b, '\n');
			}
			hwk_buf_add(&b, q + bind, (size_t)(le - q - bind));
			if (!nl) {
				/* the last line has no line end, so none is kept: libyaml's */
				f->bad = 1;
				break;
			}
		}
		f->line++;
		q = nl ? nl + 1 : f->end;
	}
	if (bind < 0 || f->bad) {
		f->bad = 1;
		hwk_buf_free(&b);
		return NULL;
	}
	/* chomping: "-" drops the final line end, "" keeps one, "+" keeps them all */
	if (chomp != '-')
		hwk_buf_addc(&b, '\n');
	if (chomp == '+')
		for (; blank; blank--)
			hwk_buf_addc(&b, '\n');
	/* the lines read ahead are given back as blank ones to the line reader */
	f->line -= blank;
	while (blank && q > f->p) {
		const char *back = q - 1; /* the LF ending the last line read */
		while (back > f->p && back[-1] != '\n')
			back--;
		q = back;
		blank--;
	}
	n->str = arena_alloc(f->arena, b.len + 1);
	memcpy(n->str, b.s ? b.s : "", b.len);
	n->str[b.len] = 0;
	hwk_buf_free(&b);
	f->p = q;
	return n;
}

static hwk_ynode *f_seq(fast *f, int ind);
static int fast_parse(const char *data, size_t len, hwk_ynode **root);

/* A block mapping whose keys stand at column ind; the first at f->pos. */
static hwk_ynode *f_map(fast *f, int ind)
{
	if (++f->depth > HWK_YAML_MAX_DEPTH) {
		f->bad = 1;
		return NULL;
	}
	hwk_ynode *map = f_node(f, HWK_Y_MAP, f->pos);
	while (!f->bad) {
		const char *colon = f_key(f->pos, f->le);
		if (!colon) {
			f->bad = 1;
			break;
		}
		hwk_ynode *key = f_node(f, HWK_Y_SCALAR, f->pos);
		key->str = arena_alloc(f->arena, (size_t)(colon - f->pos) + 1);
		memcpy(key->str, f->pos, (size_t)(colon - f->pos));
		key->str[colon - f->pos] = 0;
		key->plain = 1;
		node_add(f->arena, map, key);
		hwk_ynode *val = NULL;
		const char *v = colon + 1;
		while (v < f->le && *v == ' ')
			v++;
		if (v < f->le && *v == '|') {
			val = f_literal(f, v, ind);
			f_next(f);
		} else if (v < f->le) {
			if (f->le - v == 2 && v[0] == '[' && v[1] == ']') {
				val = f_node(f, HWK_Y_SEQ, v);
			} else {
				val = f_scalar(f, v, f->le);
			}
			f_next(f);
		} else {
			/* the value is the block below: deeper, or a sequence at this column */
			f_next(f);
			if (f->indent > ind)
				val = f->pos + 1 < f->le && f->pos[0] == '-' && f->pos[1] == ' '
					? f_seq(f, f->indent) : f_map(f, f->indent);
			else if (f->indent == ind && f->pos + 1 < f->le && f->pos[0] == '-' &&
				 f->pos[1] == ' ')
				val = f_seq(f, ind);
			else
				f->bad = 1; /* an empty value: libyaml's marks for it differ */
		}
		if (f->bad || !val)
			break;
		node_add(f->arena, map, val);
		if (f->indent != ind || (f->pos[0] == '-' && f->pos + 1 < f->le && f->pos[1] == ' '))
			break;
	}
	if (!f->bad && f->indent > ind)
		f->bad = 1;
	f->depth--;
	return f->bad ? NULL : map;
}

/* A block sequence whose dashes stand at column ind. */
static hwk_ynode *f_seq(fast *f, int ind)
{
	if (++f->depth > HWK_YAML_MAX_DEPTH) {
		f->bad = 1;
		return NULL;
	}
	hwk_ynode *seq = f_node(f, HWK_Y_SEQ, f->pos);
	while (!f->bad && f->indent == ind && f->pos + 1 < f->le && f->pos[0] == '-' &&
	       f->pos[1] == ' ') {
		f->pos += 2;
		if (f->pos < f->le && *f->pos == ' ') {
			f->bad = 1; /* "-  x": not as hwk writes it */
			break;
		}
		hwk_ynode *item;
		if (f_key(f->pos, f->le)) {
			item = f_map(f, (int)(f->pos - f->ls));
		} else {
			item = f_scalar(f, f->pos, f->le);
			f_next(f);
		}
		if (!item)
			break;
		node_add(f->arena, seq, item);
	}
	if (!f->bad && f->indent > ind)
		f->bad = 1;
	f->depth--;
	return f->bad ? NULL : seq;
}

/* Text libyaml's reader takes as it is: valid UTF-8 with no control character but line
 * ends (tabs go to libyaml too), no C1 control, no U+2028 or U+2029 (breaks to libyaml),
 * no BOM, U+FFFE or U+FFFF. */
static int text_plain(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		if ((c >= 0x20 && c < 0x7f) || c == '\n') {
			i++;
			continue;
		}
		if (c < 0x80)
			return 0; /* a control character */
		size_t k = hwk_utf8_char(data + i, len - i, NULL);
		/* U+2028 and U+2029 are line breaks to libyaml: it folds them in a scalar */
		if (!k || (c == 0xc2 && s[i + 1] < 0xa0) ||
		    (c == 0xe2 && s[i + 1] == 0x80 && (s[i + 2] == 0xa8 || s[i + 2] == 0xa9)) ||
		    (c == 0xef && ((s[i + 1] == 0xbb && s[i + 2] == 0xbf) ||
				   (s[i + 1] == 0xbf && s[i + 2] >= 0xbe))))
			return 0;
		i += k;
	}
	return 1;
}

int hwk_yaml_parse_fast(const char *data, size_t len, hwk_ynode **root)
{
	*root = NULL;
	return len <= HWK_YAML_MAX_BYTES && fast_parse(data, len, root);
}

/* 1 and *root when the text is of the subset, 0 when libyaml must read it. */
static int fast_parse(const char *data, size_t len, hwk_ynode **root)
{
	if (!text_plain(data, len))
		return 0;
	fast f = {data, data + len, hwk_xcalloc(1, sizeof *f.arena), NULL, NULL, NULL, 0, 0, 0, 0};
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		arena_free(f.arena);
		return 0;
	}
	f_next(&f);
	hwk_ynode *top = !f.bad && f.indent == 0 ? f_map(&f, 0) : NULL;
	if (!top || f.bad || f.indent != -1 || check_duplicates_quiet(top) < 0) {
		arena_free(f.arena);
		return 0;
	}
	top->arena = f.arena;
	*root = top;
	return 1;
}

int hwk_yaml_parse(const char *file, const char *data, size_t len, hwk_ynode **root)
{
	*root = NULL;
	if (len > HWK_YAML_MAX_BYTES)
		return hwk_err_at(file, 0, 0, "file is larger than %u bytes", HWK_YAML_MAX_BYTES);
	/* git's merge left both sides here: nothing of it can be trusted (some of it would
	 * even read as YAML) */
	size_t conflict = hwk_conflict_line(data, len);
	if (conflict)
		return hwk_err_at(file, conflict, 0, "%s", HWK_CONFLICT_MSG);
	if (fast_parse(data, len, root))
		return 0;
	return hwk_yaml_parse_libyaml(file, data, len, root);
}

int hwk_yaml_parse_libyaml(const char *file, const char *data, size_t len, hwk_ynode **root)
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
	/* most keys differ in their first byte: comparing it first spares most strcmp calls
	 * (list due on the 2-year bench practice: 110M fewer instructions of 1,030M) */
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (map->items[i]->str[0] == key[0] && !strcmp(map->items[i]->str, key))
			return map->items[i + 1];
	return NULL;
}

int hwk_ynull(const hwk_ynode *n)
{
	return !n || (n->kind == HWK_Y_SCALAR && n->plain &&
		      (!*n->str || (n->str[0] == '~' && !n->str[1]) ||
		       (n->str[0] == 'n' && !strcmp(n->str, "null"))));
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

int hwk_ycheck_map(const char *file, const hwk_ynode *n, const char *const *keys,
		   const char *not_map)
{
	if (!n || n->kind != HWK_Y_MAP)
		return hwk_yerr(file, n, "%s", not_map);
	return hwk_ycheck_keys(file, n, keys);
}

int hwk_ycheck_keys(const char *file, const hwk_ynode *map, const char *const *keys)
{
	/* hwk writes a file's keys in the order of the list: each search starts after the
	 * last key found, so such a file costs one comparison a key (any order is found) */
	size_t nk = 0, at = 0;
	while (keys[nk])
		nk++;
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const char *have = map->items[i]->str;
		size_t tried = 0;
		while (tried < nk && strcmp(keys[at], have)) {
			at = at + 1 < nk ? at + 1 : 0;
			tried++;
		}
		if (tried == nk)
			return hwk_yerr(file, map->items[i], "unknown key '%s'", have);
	}
	return 0;
}

/* ---- writing ---- */

struct hwk_yw {
	yaml_emitter_t e;
	int open;   /* e was initialized */
	int failed;
};

static int yw_write_buf(void *data, unsigned char *buf, size_t size)
{
	hwk_buf_add(data, buf, size);
	return 1;
}

static int yw_write_file(void *data, unsigned char *buf, size_t size)
{
	if (size)
		(void)fwrite(buf, 1, size, (FILE *)data);
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

/* An emitter that cannot start is said here; the writer then does nothing, and
 * hwk_yw_end returns -1. */
static hwk_yw *yw_new(yaml_write_handler_t *write, void *data)
{
	hwk_yw *w = hwk_xcalloc(1, sizeof *w);
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&w->e)) {
		hwk_err("out of memory");
		w->failed = 1;
		return w;
	}
	w->open = 1;
	yaml_emitter_set_output(&w->e, write, data);
	yaml_emitter_set_unicode(&w->e, 1);
	yaml_emitter_set_width(&w->e, -1);
	yaml_emitter_set_indent(&w->e, 2);
	yaml_emitter_set_break(&w->e, YAML_LN_BREAK);
	yw_emit(w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	yw_emit(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	return w;
}

hwk_yw *hwk_yw_new(hwk_buf *out)
{
	return yw_new(yw_write_buf, out);
}

hwk_yw *hwk_yw_new_file(FILE *f)
{
	return yw_new(yw_write_file, f);
}

void hwk_yw_flush(hwk_yw *w)
{
	if (!w->failed && !yaml_emitter_flush(&w->e))
		w->failed = 1;
}

/* The start or end of a block mapping or sequence. */
static void yw_collection(hwk_yw *w, int map, int start)
{
	yaml_event_t ev;
	int ok;
	if (map)
		ok = start ? yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
								 YAML_BLOCK_MAPPING_STYLE)
			   : yaml_mapping_end_event_initialize(&ev);
	else
		ok = start ? yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
								  YAML_BLOCK_SEQUENCE_STYLE)
			   : yaml_sequence_end_event_initialize(&ev);
	yw_emit(w, &ev, ok);
}

void hwk_yw_map_start(hwk_yw *w)
{
	yw_collection(w, 1, 1);
}

void hwk_yw_map_end(hwk_yw *w)
{
	yw_collection(w, 1, 0);
}

void hwk_yw_seq_start(hwk_yw *w)
{
	yw_collection(w, 0, 1);
}

void hwk_yw_seq_end(hwk_yw *w)
{
	yw_collection(w, 0, 0);
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

/* A control character, C1 control or U+2028/U+2029? Only double quotes keep those as
 * they are: libyaml's writer puts U+2028 raw into single quotes, and its reader then
 * folds it into a space. */
static int has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0) ||
		    (*p == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)))
			return 1;
	return 0;
}

/* s with each byte that is not part of valid UTF-8 (an encoded surrogate, a code point
 * over U+10FFFF, an overlong or cut sequence) as U+FFFD, in *fixed; s itself when it is
 * valid. libyaml's writer would escape a surrogate as "\uDEFF", which no reader takes,
 * and fail on the rest. */
static const char *utf8_fixed(const char *s, hwk_buf *fixed)
{
	if (hwk_utf8_valid(s, strlen(s)))
		return s;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t n = hwk_utf8_char((const char *)p, SIZE_MAX, NULL);
		if (n)
			hwk_buf_add(fixed, p, n), p += n;
		else
			hwk_buf_add(fixed, "\xef\xbf\xbd", 3), p++;
	}
	return fixed->s;
}

static void yw_scalar_as(hwk_yw *w, const char *s, int plain_implicit,
			 yaml_scalar_style_t style)
{
	yaml_event_t ev;
	hwk_buf fixed = {0};
	s = utf8_fixed(s, &fixed);
	yw_emit(w, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
						     (int)strlen(s), plain_implicit, 1, style));
	hwk_buf_free(&fixed);
}

static void yw_scalar(hwk_yw *w, const char *s, int typed)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	int plain_ok = typed || !hwk_yaml_looks_typed(s);
	int ctl = has_control(s);
	if (ctl)
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	else if (!typed && strchr(s, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (!plain_ok || hwk_marker_like(s))
		/* quoted too: as a key, or alone, it would begin a line that reads as a git
		 * conflict marker */
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	yw_scalar_as(w, s, plain_ok, style);
}

void hwk_yw_plain(hwk_yw *w, const char *s)
{
	yw_scalar(w, s, 1);
}

void hwk_yw_text(hwk_yw *w, const char *s)
{
	hwk_buf fixed = { 0 };
	int ctl = 0, nl = 0, valid = 1;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p < 0x80) {
			if (*p == '\n')
				nl = 1;
			else if (*p < 0x20 || *p == 0x7f)
				ctl = 1;
			p++;
			continue;
		}
		uint32_t cp;
		size_t n = hwk_utf8_char((const char *)p, SIZE_MAX, &cp);
		if (!n) {
			valid = 0;
			p++;
			continue;
		}
		if (cp <= 0x9f || cp == 0x2028 || cp == 0x2029) /* C1, YAML 1.1 breaks */
			ctl = 1;
		p += n;
	}
	if (!valid) /* libyaml rejects invalid UTF-8 */
		s = utf8_fixed(s, &fixed);
	if (ctl)
		yw_scalar_as(w, s, 0, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	else if (nl)
		yw_scalar_as(w, s, 0, YAML_LITERAL_SCALAR_STYLE); /* libyaml falls back to quotes */
	else if (hwk_yaml_looks_typed(s) || hwk_marker_like(s))
		yw_scalar_as(w, s, 0, YAML_SINGLE_QUOTED_SCALAR_STYLE);
	else
		yw_scalar_as(w, s, 1, YAML_PLAIN_SCALAR_STYLE); /* or quoted if needed */
	hwk_buf_free(&fixed);
}

void hwk_yw_str(hwk_yw *w, const char *s)
{
	yw_scalar(w, s, 0);
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
	hwk_yw_flush(w);
	int failed = w->failed;
	if (failed && w->open) /* one that never started was said at hwk_yw_new */
		hwk_err("internal error writing YAML: %s",
			w->e.problem ? w->e.problem : "emitter failed");
	if (w->open)
		yaml_emitter_delete(&w->e);
	free(w);
	return failed ? -1 : 0;
}
