/* output: rows of named columns printed as an aligned table, TSV, CSV, JSON or YAML. */
#define _POSIX_C_SOURCE 200809L
#include "output.h"
#include "ydoc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "err.h"
#include "text.h"
#include "util.h"

struct hwk_out {
	hwk_fmt fmt;
	FILE *f;
	char **cols;
	size_t ncols;
	size_t nrows;
	hwk_buf line; /* output lines, written with one fwrite once past flush_at bytes */
	size_t flush_at; /* 0 on a terminal: each line as it comes */
	hwk_buf jkeys; /* json: each column's "key": back to back; jkey[i] is where it starts */
	size_t *jkey;
	/* table: every cell's visible form, NUL-terminated, back to back in cells;
	 * off[r * ncols + c] is where cell (r, c) starts (row 0 is the header). */
	hwk_buf cells;
	size_t *off, noff, capoff;
	size_t *width;
	char *vis; /* one cell's visible form, made here first */
	size_t viscap;
	hwk_yw *yw; /* yaml, from the first row */
};

/* ---- formats ---- */

const char *const hwk_fmt_names[] = {
	[HWK_FMT_TABLE] = "table", [HWK_FMT_TSV] = "tsv", [HWK_FMT_CSV] = "csv",
	[HWK_FMT_JSON] = "json",   [HWK_FMT_YAML] = "yaml", NULL,
};

int hwk_fmt_parse(const char *s, hwk_fmt *out)
{
	if (!s)
		return -1;
	for (size_t i = 0; hwk_fmt_names[i]; i++)
		if (strcmp(s, hwk_fmt_names[i]) == 0) {
			*out = (hwk_fmt)i;
			return 0;
		}
	return -1;
}

hwk_fmt hwk_fmt_default(FILE *f)
{
	return isatty(fileno(f)) ? HWK_FMT_TABLE : HWK_FMT_TSV;
}

/* Lines gather in o->line and go out in blocks: one fwrite a row through a 4 KiB stdio
 * buffer cost an export of a million rows a write(2) every 4 KiB and a copy more. */
#define FLUSH_AT 65536

static void flush(hwk_out *o)
{
	if (o->line.len)
		(void)fwrite(o->line.s, 1, o->line.len, o->f);
	hwk_buf_reset(&o->line);
}

static void put_line(hwk_out *o)
{
	if (o->line.len > o->flush_at)
		flush(o);
}

/* Room for n more bytes in b (written straight into b->s + b->len). */
static char *room(hwk_buf *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = hwk_xrealloc(b->s, cap);
		b->cap = cap;
	}
	return b->s + b->len;
}

/* Past a run of one or more digits at s, or NULL when s has none. */
static const char *digits(const char *s)
{
	if (!(*s >= '0' && *s <= '9'))
		return NULL;
	while (*s >= '0' && *s <= '9')
		s++;
	return s;
}

/* -?digits[.digits] */
static int is_plain_number(const char *s)
{
	s = digits(s + (*s == '-'));
	if (s && *s == '.')
		s = digits(s + 1);
	return s && *s == 0;
}

/* JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; exp allows the exponent. */
static int is_json_number(const char *s, int exp)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (!(s = digits(s)))
		return 0;
	if (*s == '.' && !(s = digits(s + 1)))
		return 0;
	if (exp && (*s == 'e' || *s == 'E')) {
		s++;
		if (!(s = digits(s + (*s == '+' || *s == '-'))))
			return 0;
	}
	return *s == 0;
}

/* ---- TSV ---- */

/* Would a spreadsheet take text starting so for a formula? Numbers (-3) stay numbers,
 * and so does a lone "-", hwk's mark for none (nothing follows the sign). */
static int formula_like(const char *s)
{
	return (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r') &&
	       !is_plain_number(s) && strcmp(s, "-");
}

/* A field as hwk_visible_tsv writes it (\\ \t \n \r, \xHH, \uHHHH), after a ' when it
 * would start a formula. */
static void tsv_field(hwk_out *o, hwk_buf *b, const char *s)
{
	size_t room = HWK_VISIBLE_MAX(strlen(s));
	if (room > o->viscap)
		o->vis = hwk_xrealloc(o->vis, o->viscap = room);
	char *end = hwk_visible_tsv(o->vis, s);
	if (formula_like(s))
		hwk_buf_addc(b, '\'');
	hwk_buf_add(b, o->vis, (size_t)(end - o->vis));
}

/* ---- CSV ---- */

/* A field, added to b with slack bytes of room left after it (for the commas that
 * follow it on its row): in one pass over it, as a million-row export writes some forty
 * million (most of them empty, or short and plain). strcspn finds a byte that makes the
 * field quoted and its end at once, many bytes a step. */
#define CSV_SHORT 64

/* The bytes that end a short plain field as csv_field copies it: its end, and those
 * that make it quoted. */
static const unsigned char csv_stop[256] = {[0] = 1, [','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1};

/* The first bytes of a field that may be guarded (a formula) or quoted (a space) */
static const unsigned char csv_lead[256] = {[' '] = 1, ['\t'] = 1, ['='] = 1, ['+'] = 1,
					    ['-'] = 1, ['@'] = 1, ['\r'] = 1};

/* Is a field of n bytes (n > 0), none of them a csv_stop, written as it is, by its
 * ends? Not when it starts with a csv_lead, or ends in a space or tab (quoted: a
 * reader would trim it). The fast paths' rule; csv_field's slow one says more exactly
 * what such a field becomes. */
static int csv_ends_plain(const char *s, size_t n)
{
	return !csv_lead[(unsigned char)s[0]] && s[n - 1] != ' ' && s[n - 1] != '\t';
}

static void csv_field(hwk_buf *b, const char *s, int alone, size_t slack)
{
	if (!*s) {
		if (alone)
			hwk_buf_add(b, "\"\"", 2); /* a lone empty field would be a blank line */
		return;
	}
	/* a short plain field, as nearly all are: copied as it is looked at, and done when
	 * it needs neither quotes nor a guard */
	char *c = room(b, CSV_SHORT + slack);
	size_t i = 0;
	while (i < CSV_SHORT && !csv_stop[(unsigned char)s[i]]) {
		c[i] = s[i];
		i++;
	}
	if (!s[i] && csv_ends_plain(s, i)) {
		b->len += i;
		b->s[b->len] = 0;
		return;
	}
	size_t len = strcspn(s, ",\"\r\n"), quotes = 0;
	int special = s[len] != 0;
	if (special) {
		for (const char *q = s + len; (q = strchr(q, '"')); q++)
			quotes++;
		len += strlen(s + len);
	}
	int guard = (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' ||
		     *s == '\r') && formula_like(s);
	int quote = special || (!guard && (s[0] == ' ' || s[0] == '\t')) ||
		    s[len - 1] == ' ' || s[len - 1] == '\t';
	char *t = room(b, len + quotes + 3 + slack), *t0 = t;
	if (quote)
		*t++ = '"';
	if (guard)
		*t++ = '\'';
	if (!quotes) {
		memcpy(t, s, len);
		t += len;
	} else {
		for (size_t i = 0; i < len; i++)
			if ((*t++ = s[i]) == '"')
				*t++ = '"';
	}
	if (quote)
		*t++ = '"';
	b->len += (size_t)(t - t0);
	b->s[b->len] = 0;
}

/* A row of n fields (NULL written empty) and its LF, added to b. The room for its
 * commas is made once: each field leaves as much after it as the commas still to come,
 * and they are written through a pointer of its own, not b's length. */
static void csv_row(hwk_buf *b, const char *const *vals, size_t n)
{
	char *t = room(b, n);
	for (size_t i = 0; i < n; i++) {
		const char *s = vals[i];
		if (i)
			*t++ = ',';
		/* an empty field, as most are in a listing of many types, is nothing
		 * between its commas */
		if ((s && *s) || n == 1) {
			b->len = (size_t)(t - b->s);
			csv_field(b, s ? s : "", n == 1, n - i);
			t = b->s + b->len;
		}
	}
	b->len = (size_t)(t - b->s);
	hwk_buf_addc(b, '\n');
}

/* ---- JSON ---- */

/* Is s, n bytes, a JSON string's text as it is (printable ASCII, no quote or
 * backslash)? */
static int json_plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			return 0;
	}
	return 1;
}

void hwk_json_str(hwk_buf *b, const char *str)
{
	size_t n = strlen(str);
	if (json_plain(str, n)) { /* most are: copied at once */
		char *p = room(b, n + 2);
		p[0] = '"';
		memcpy(p + 1, str, n);
		p[n + 1] = '"';
		b->len += n + 2;
		b->s[b->len] = 0;
		return;
	}
	const unsigned char *s = (const unsigned char *)str;
	hwk_buf_addc(b, '"');
	while (*s) {
		const unsigned char *run = s;
		while (*s >= 0x20 && *s < 0x7f && *s != '"' && *s != '\\')
			s++;
		if (s > run)
			hwk_buf_add(b, run, (size_t)(s - run));
		if (!*s)
			break;
		unsigned c = *s;
		char e[2] = { '\\', 0 };
		switch (c) {
		case '"': e[1] = '"'; break;
		case '\\': e[1] = '\\'; break;
		case '\n': e[1] = 'n'; break;
		case '\r': e[1] = 'r'; break;
		case '\t': e[1] = 't'; break;
		case '\b': e[1] = 'b'; break;
		case '\f': e[1] = 'f'; break;
		default: break;
		}
		if (e[1]) {
			hwk_buf_add(b, e, 2), s++;
		} else if (c < 0x80) {
			hwk_buf_printf(b, "\\u%04x", c), s++;
		} else {
			uint32_t cp;
			size_t n = hwk_utf8_char((const char *)s, SIZE_MAX, &cp);
			if (n) {
				hwk_buf_add(b, s, n), s += n;
			} else {
				hwk_buf_add(b, "\xef\xbf\xbd", 3), s++;
			}
		}
	}
	hwk_buf_addc(b, '"');
}

static void json_row(hwk_out *o, const char *const *vals, const hwk_coltype *types)
{
	hwk_buf *b = &o->line;
	hwk_buf_adds(b, o->nrows ? ",\n{" : "[\n{");
	int first = 1;
	for (size_t i = 0; i < o->ncols; i++) {
		const char *v = vals[i];
		if (!v)
			continue;
		/* the comma and key, and a null or number, written in place at once */
		size_t kn = o->jkey[i + 1] - o->jkey[i], vn = strlen(v);
		char *p = room(b, 1 + kn + (vn > 4 ? vn : 4));
		if (!first)
			*p++ = ',';
		first = 0;
		memcpy(p, o->jkeys.s + o->jkey[i], kn);
		p += kn;
		b->len = (size_t)(p - b->s);
		hwk_coltype t = types ? types[i] : HWK_COL_TEXT;
		if (!*v) {
			memcpy(p, "null", 4);
			b->len += 4;
		} else if ((t == HWK_COL_INT || t == HWK_COL_NUM) && is_json_number(v, 1)) {
			memcpy(p, v, vn);
			b->len += vn;
		}
		else if (t == HWK_COL_BOOL && strcmp(v, "yes") == 0)
			hwk_buf_adds(b, "true");
		else if (t == HWK_COL_BOOL && strcmp(v, "no") == 0)
			hwk_buf_adds(b, "false");
		else if (t == HWK_COL_JSON)
			hwk_buf_adds(b, v);
		else
			hwk_json_str(b, v);
		b->s[b->len] = 0;
	}
	hwk_buf_addc(b, '}');
	put_line(o);
}

/* ---- YAML ---- */

static void yaml_row(hwk_out *o, const char *const *vals, const hwk_coltype *types)
{
	if (!o->yw) {
		o->yw = hwk_yw_new_file(o->f);
		hwk_yw_seq_start(o->yw);
	}
	hwk_yw_map_start(o->yw);
	for (size_t i = 0; i < o->ncols; i++) {
		const char *v = vals[i];
		if (!v)
			continue;
		hwk_yw_text(o->yw, o->cols[i]);
		hwk_coltype t = types ? types[i] : HWK_COL_TEXT;
		if (!*v)
			hwk_yw_plain(o->yw, "null");
		else if ((t == HWK_COL_INT || t == HWK_COL_NUM) && is_json_number(v, 0))
			hwk_yw_plain(o->yw, v);
		else if (t == HWK_COL_BOOL && strcmp(v, "yes") == 0)
			hwk_yw_plain(o->yw, "true");
		else if (t == HWK_COL_BOOL && strcmp(v, "no") == 0)
			hwk_yw_plain(o->yw, "false");
		else
			hwk_yw_text(o->yw, v);
	}
	hwk_yw_map_end(o->yw);
	hwk_yw_flush(o->yw); /* each row as it comes */
}

static void yaml_end(hwk_out *o)
{
	if (!o->yw)
		return;
	hwk_yw_seq_end(o->yw);
	(void)hwk_yw_end(o->yw); /* a failure was said there */
	o->yw = NULL;
}

/* ---- table ---- */

static void table_cell(hwk_out *o, size_t col, const char *v)
{
	if (o->noff == o->capoff) {
		o->capoff = o->capoff ? o->capoff * 2 : 64;
		o->off = hwk_xrealloc(o->off, o->capoff * sizeof *o->off);
	}
	size_t start = o->cells.len;
	o->off[o->noff++] = start;
	if (!v)
		v = "";
	size_t room = HWK_VISIBLE_MAX(strlen(v));
	if (room > o->viscap)
		o->vis = hwk_xrealloc(o->vis, o->viscap = room);
	char *end = hwk_visible(o->vis, v);
	hwk_buf_add(&o->cells, o->vis, (size_t)(end - o->vis) + 1); /* with the NUL */
	size_t w = hwk_text_width(o->vis);
	if (w > o->width[col])
		o->width[col] = w;
}

static void table_print(hwk_out *o)
{
	size_t nrows = o->nrows + 1; /* with the header */
	for (size_t r = 0; r < nrows; r++) {
		size_t pad = 0; /* spaces owed before the next non-empty cell */
		for (size_t c = 0; c < o->ncols; c++) {
			const char *s = o->cells.s + o->off[r * o->ncols + c];
			if (*s) {
				for (; pad; pad--)
					hwk_buf_addc(&o->line, ' ');
				hwk_buf_adds(&o->line, s);
			}
			pad += o->width[c] - hwk_text_width(s) + 2;
		}
		hwk_buf_addc(&o->line, '\n');
		put_line(o);
	}
}

/* ---- rows ---- */

hwk_out *hwk_out_new(hwk_fmt fmt, FILE *f, const char *const *cols, size_t ncols)
{
	hwk_out *o = hwk_xcalloc(1, sizeof *o);
	o->fmt = fmt;
	o->f = f;
	o->flush_at = isatty(fileno(f)) ? 0 : FLUSH_AT;
	o->ncols = ncols;
	o->cols = hwk_xcalloc(ncols ? ncols : 1, sizeof *o->cols);
	for (size_t i = 0; i < ncols; i++)
		o->cols[i] = hwk_xstrdup(cols[i]);
	switch (fmt) {
	case HWK_FMT_TABLE:
		o->width = hwk_xcalloc(ncols ? ncols : 1, sizeof *o->width);
		for (size_t i = 0; i < ncols; i++)
			table_cell(o, i, o->cols[i]);
		break;
	case HWK_FMT_JSON: /* every row names every column: made once */
		o->jkey = hwk_xcalloc(ncols + 1, sizeof *o->jkey);
		for (size_t i = 0; i < ncols; i++) {
			hwk_json_str(&o->jkeys, o->cols[i]);
			hwk_buf_addc(&o->jkeys, ':');
			o->jkey[i + 1] = o->jkeys.len;
		}
		break;
	default: /* the others start at the first row or at the end, so that a listing
		  * that fails before its first row prints nothing */
		break;
	}
	return o;
}

/* The header line of TSV and CSV. */
static void header(hwk_out *o)
{
	if (o->fmt != HWK_FMT_TSV && o->fmt != HWK_FMT_CSV)
		return;
	if (o->fmt == HWK_FMT_CSV) {
		csv_row(&o->line, (const char *const *)o->cols, o->ncols);
	} else {
		for (size_t i = 0; i < o->ncols; i++) {
			if (i)
				hwk_buf_addc(&o->line, '\t');
			tsv_field(o, &o->line, o->cols[i]);
		}
		hwk_buf_addc(&o->line, '\n');
	}
	put_line(o);
}

void hwk_out_row(hwk_out *o, const char *const *vals, const hwk_coltype *types)
{
	if (o->nrows == 0)
		header(o);
	switch (o->fmt) {
	case HWK_FMT_TABLE:
		for (size_t i = 0; i < o->ncols; i++)
			table_cell(o, i, vals[i]);
		break;
	case HWK_FMT_TSV:
		for (size_t i = 0; i < o->ncols; i++) {
			if (i)
				hwk_buf_addc(&o->line, '\t');
			if (vals[i])
				tsv_field(o, &o->line, vals[i]);
		}
		hwk_buf_addc(&o->line, '\n');
		put_line(o);
		break;
	case HWK_FMT_CSV:
		csv_row(&o->line, vals, o->ncols);
		put_line(o);
		break;
	case HWK_FMT_JSON:
		json_row(o, vals, types);
		break;
	case HWK_FMT_YAML:
		yaml_row(o, vals, types);
		break;
	}
	o->nrows++;
}

/* ---- rows made by the caller ---- */

hwk_buf *hwk_out_raw(hwk_out *o)
{
	if (o->fmt != HWK_FMT_CSV)
		return NULL;
	if (o->nrows == 0)
		header(o);
	return &o->line;
}

void hwk_out_raw_end(hwk_out *o)
{
	o->nrows++;
	put_line(o);
}

void hwk_out_csv_cell(hwk_buf *b, const char *s)
{
	csv_field(b, s, 0, 0);
}

void hwk_out_csv_cells(hwk_buf *b, const char *const *vals, size_t n)
{
	csv_row(b, vals, n);
	b->s[--b->len] = 0; /* its LF */
}

int hwk_csv_plain_run(char *const *cells, size_t n, const char *end)
{
	/* each cell's ends: what would make it quoted or guarded there */
	for (size_t i = 0; i < n; i++) {
		const char *c = cells[i];
		size_t len = (size_t)((i + 1 < n ? cells[i + 1] : end) - c) - 1;
		if (len && !csv_ends_plain(c, len))
			return 0;
	}
	/* and within: a comma, quote, CR or LF anywhere, sixteen bytes a step */
	const char *s = cells[0];
	size_t i = 0, len = (size_t)(end - s) - 1;
#ifdef __SSE2__
	const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'),
		      cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
	for (; i + 16 <= len; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
					 _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
		if (_mm_movemask_epi8(m))
			return 0;
	}
#endif
	for (; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 0;
	return 1;
}

/* ---- parts ---- */

int hwk_out_parts(const hwk_out *o)
{
	return o->fmt == HWK_FMT_TSV || o->fmt == HWK_FMT_CSV || o->fmt == HWK_FMT_JSON;
}

hwk_out *hwk_out_part(const hwk_out *o, hwk_buf *buf)
{
	hwk_out *part = hwk_xcalloc(1, sizeof *part);
	part->fmt = o->fmt;
	part->ncols = o->ncols;
	part->cols = o->cols;
	part->jkey = o->jkey;
	part->jkeys = o->jkeys;
	part->flush_at = SIZE_MAX; /* held until joined */
	if (buf) {
		part->line = *buf;
		*buf = (hwk_buf){0};
		hwk_buf_reset(&part->line);
	}
	/* as after a first row: no header, and a JSON row starts ",\n{" (the first
	 * joined is made "[\n{") */
	part->nrows = 1;
	return part;
}

void hwk_out_join(hwk_out *o, hwk_out *part, hwk_buf *buf)
{
	size_t rows = part->nrows - 1;
	const char *s = part->line.s;
	size_t len = part->line.len;
	if (rows && o->nrows == 0) {
		header(o);
		if (o->fmt == HWK_FMT_JSON) {
			hwk_buf_addc(&o->line, '[');
			s++, len--; /* its ',' */
		}
	}
	o->nrows += rows;
	if (len > o->flush_at) {
		/* a large part goes out as it is, not copied after the lines before it */
		flush(o);
		(void)fwrite(s, 1, len, o->f);
	} else if (len) {
		hwk_buf_add(&o->line, s, len);
		put_line(o);
	}
	if (buf) {
		*buf = part->line;
		part->line = (hwk_buf){0};
	}
	hwk_out_part_free(part);
}

void hwk_out_part_free(hwk_out *part)
{
	if (!part)
		return;
	hwk_buf_free(&part->line);
	free(part->vis);
	free(part);
}

static void out_free(hwk_out *o);

void hwk_out_fail(hwk_out *o)
{
	if (o)
		flush(o); /* the rows given are printed */
	if (o && o->fmt == HWK_FMT_YAML && o->nrows)
		yaml_end(o); /* the rows printed stay readable */
	out_free(o);
}

void hwk_out_end(hwk_out *o)
{
	if (!o)
		return;
	switch (o->fmt) {
	case HWK_FMT_TABLE:
		if (o->nrows)
			table_print(o);
		break;
	case HWK_FMT_TSV:
	case HWK_FMT_CSV:
		if (!o->nrows)
			header(o);
		break;
	case HWK_FMT_JSON:
		hwk_buf_adds(&o->line, o->nrows ? "\n]\n" : "[]\n");
		break;
	case HWK_FMT_YAML: /* written straight to the stream, row by row */
		if (o->nrows)
			yaml_end(o);
		else
			(void)fputs("[]\n", o->f);
		break;
	}
	flush(o);
	out_free(o);
}

static void out_free(hwk_out *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->ncols; i++)
		free(o->cols[i]);
	free(o->cols);
	free(o->off);
	free(o->width);
	free(o->vis);
	free(o->jkey);
	hwk_buf_free(&o->jkeys);
	hwk_buf_free(&o->line);
	hwk_buf_free(&o->cells);
	free(o);
}
