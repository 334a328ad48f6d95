#define _GNU_SOURCE
#include "csvfile.h"

#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"
#include "text.h"

#define MAX_FIELD (1u << 20)

static void field(hwk_buf *b, const char *s, int quote)
{
	size_t n = strlen(s);
	/* a byte order mark at the start is quoted too: at the start of a file the reader
	 * would take it for one and drop it */
	quote = quote || (n && (strpbrk(s, ",\"\r\n") || s[0] == ' ' || s[0] == '\t' ||
			  s[n - 1] == ' ' || s[n - 1] == '\t' || !strncmp(s, "\xef\xbb\xbf", 3)));
	if (!quote) {
		hwk_buf_add(b, s, n);
		return;
	}
	hwk_buf_addc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			hwk_buf_addc(b, '"');
		hwk_buf_addc(b, *p);
	}
	hwk_buf_addc(b, '"');
}

void hwk_csv_field(hwk_buf *b, const char *s)
{
	field(b, s, 0);
}

void hwk_csv_row(hwk_buf *b, const char *const *fields, size_t n)
{
	if (n == 1 && (!fields[0] || !*fields[0])) {
		/* one empty field alone would be a blank line, which readers skip */
		hwk_buf_adds(b, "\"\"\n");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (i)
			hwk_buf_addc(b, ',');
		if (fields[i])
			field(b, fields[i], !i && hwk_marker_like(fields[i]));
	}
	hwk_buf_addc(b, '\n');
}

/* Records completed by one physical line wait here until asked for. */
typedef struct {
	hwk_strs fields;
	size_t line;
} pending;

struct hwk_csvr {
	struct csv_parser p;
	FILE *f;
	const char *mem, *memend;
	const char *name;
	size_t lineno;
	size_t rec_line;
	size_t first_line;
	int at_rec_start;
	int row_open;      /* libcsv has begun a row it has not ended */
	int init_failed;   /* libcsv could not start: every read fails */
	int quiet;
	int slow;          /* every line through libcsv (for the tests) */
	int mid;           /* the data starts inside a file: no byte order mark to skip */
	int finished;
	int conflict;      /* stopped at a git conflict marker */
	int sniff;         /* the first line decides the separator (hwk_csvr_sniff) */
	int read_err;      /* a file's read failed (errno), or it is past the cap (EFBIG) */
	size_t read_bytes; /* a file's bytes read so far */
	size_t err_col;    /* a parse error to report once the records before it are given */
	/* a file's bytes, read in blocks from its descriptor: [cstart, cend) not yet given */
	char *chunk;
	size_t ccap, cstart, cend;
	int started;       /* the file was looked at (fstat) */
	int eof;           /* all of it is in chunk */
	hwk_strs cur;      /* fields of the record being read */
	pending *q;        /* completed records */
	size_t qn, qcap, qhead;
};

static void *limited_realloc(void *p, size_t n)
{
	return n > MAX_FIELD + 64 ? NULL : realloc(p, n);
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void cb_field(void *s, size_t len, void *data)
{
	hwk_csvr *r = data;
	hwk_strs_push(&r->cur, hwk_xstrndup(s ? s : "", s ? len : 0));
}

static void cb_record(int c, void *data)
{
	hwk_csvr *r = data;
	(void)c;
	if (r->qn == r->qcap) {
		r->qcap = r->qcap ? r->qcap * 2 : 4;
		r->q = hwk_xrealloc(r->q, r->qcap * sizeof *r->q);
	}
	hwk_strs_pack(&r->cur);
	r->q[r->qn].fields = r->cur;
	r->q[r->qn].line = r->rec_line;
	r->qn++;
	memset(&r->cur, 0, sizeof r->cur);
	/* a record ended on this line: one that begins after it (after a CR) begins here */
	r->rec_line = r->lineno;
	r->row_open = 0;
}

static hwk_csvr *csvr_new(const char *name, size_t first_line)
{
	hwk_csvr *r = hwk_xcalloc(1, sizeof *r);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		r->init_failed = 1; /* said at the first read, which returns -1 */
	csv_set_space_func(&r->p, no_space);
	csv_set_realloc_func(&r->p, limited_realloc);
	csv_set_blk_size(&r->p, 4096); /* grow a long field in fewer, larger steps */
	r->name = name;
	r->lineno = first_line ? first_line - 1 : 0;
	r->first_line = r->lineno + 1;
	r->at_rec_start = 1;
	return r;
}

hwk_csvr *hwk_csvr_file(FILE *f, const char *name, size_t first_line)
{
	hwk_csvr *r = csvr_new(name, first_line);
	r->f = f;
	return r;
}

hwk_csvr *hwk_csvr_mem(const char *data, size_t len, const char *name, size_t first_line)
{
	hwk_csvr *r = csvr_new(name, first_line);
	r->mem = data;
	r->memend = data + len;
	return r;
}

/* A record on one line with quoted fields ("a ""b""",c): its fields packed in rec, 1.
 * 0, with rec untouched, for anything libcsv must see: a quote that opens no field,
 * text after a closing quote, a quoted field going on past the line. */
static int split_quoted(const char *l, size_t body, hwk_strs *rec)
{
	const char *end = l + body;
	size_t n = 0, bytes = 0;
	/* first pass: check, count fields and their bytes */
	for (const char *p = l;; n++) {
		if (p < end && *p == '"') {
			const char *q = p + 1;
			for (;;) {
				const char *c = memchr(q, '"', (size_t)(end - q));
				if (!c)
					return 0; /* not closed on this line */
				bytes += (size_t)(c - q);
				if (c + 1 < end && c[1] == '"') {
					bytes++;
					q = c + 2;
					continue;
				}
				p = c + 1;
				break;
			}
			if (p == end) {
				n++;
				break;
			}
			if (*p != ',')
				return 0;
			p++;
		} else {
			const char *c = memchr(p, ',', (size_t)(end - p));
			const char *fe = c ? c : end;
			if (memchr(p, '"', (size_t)(fe - p)))
				return 0; /* a quote inside a plain field */
			bytes += (size_t)(fe - p);
			if (!c) {
				n++;
				break;
			}
			p = c + 1;
		}
	}
	/* second pass: the fields, quotes undone */
	char **v = hwk_xmalloc((n + 1) * sizeof *v + bytes + n);
	char *t = (char *)(v + n + 1);
	const char *p = l;
	for (size_t i = 0; i < n; i++) {
		v[i] = t;
		if (p < end && *p == '"') {
			for (p++;; p++) {
				if (*p == '"') {
					if (p + 1 < end && p[1] == '"')
						p++;
					else
						break;
				}
				*t++ = *p;
			}
			p += 2; /* the closing quote and the comma (or past the end) */
		} else {
			while (p < end && *p != ',')
				*t++ = *p++;
			p++;
		}
		*t++ = 0;
	}
	v[n] = NULL;
	hwk_strs_free(rec);
	*rec = (hwk_strs){v, n, n, 1};
	return 1;
}

#define CHUNK 65536 /* bytes a read, at least */

/* More of the file into r->chunk, keeping what is not yet given; 0, or -1 at a read
 * error or past the cap (r->read_err set). One fread a block (a small file's whole at
 * once), where getline took a line at a time and copied it out. */
static int fill(hwk_csvr *r)
{
	size_t avail = r->cend - r->cstart;
	if (r->cstart) {
		memmove(r->chunk, r->chunk + r->cstart, avail);
		r->cstart = 0;
		r->cend = avail;
	}
	if (r->read_bytes + avail > HWK_CSV_MAX_BYTES) {
		r->read_err = EFBIG; /* a line longer than the cap (from a pipe) */
		return -1;
	}
	if (r->ccap - r->cend < CHUNK / 4) {
		size_t cap = r->ccap ? r->ccap * 2 : CHUNK;
		while (cap - r->cend < CHUNK / 4)
			cap *= 2;
		r->chunk = hwk_xrealloc(r->chunk, r->ccap = cap);
	}
	for (;;) {
		size_t room = r->ccap - r->cend;
		errno = 0;
		size_t got = fread(r->chunk + r->cend, 1, room, r->f);
		r->cend += got;
		if (got < room && ferror(r->f)) {
			if (errno == EINTR) {
				clearerr(r->f);
				if (got)
					return 0;
				continue;
			}
			r->read_err = errno ? errno : EIO;
			return -1;
		}
		r->eof = got < room; /* fread is short only at the end or an error */
		return 0;
	}
}

/* The next physical line including its LF; 0 at end, and at a read error or past the
 * cap (then r->read_err is set: a read error is never taken for the end). */
static ssize_t next_line(hwk_csvr *r, const char **line)
{
	if (r->f) {
		if (!r->started) {
			struct stat st;
			r->started = 1;
			if (fileno(r->f) >= 0 && fstat(fileno(r->f), &st) == 0 &&
			    S_ISREG(st.st_mode)) {
				/* a file larger than the cap is not read at all (a pipe's
				 * bytes are counted) */
				if ((unsigned long long)st.st_size > HWK_CSV_MAX_BYTES)
					r->read_err = EFBIG;
				/* a small file whole, and its end seen, in one fread */
				r->ccap = (size_t)st.st_size < CHUNK ? (size_t)st.st_size + 1 : CHUNK;
				r->chunk = hwk_xmalloc(r->ccap);
			}
		}
		for (;;) {
			if (r->read_err)
				return 0;
			/* no block yet before the first fill of a pipe (no offset on NULL) */
			const char *s = r->chunk ? r->chunk + r->cstart : NULL;
			size_t avail = r->cend - r->cstart;
			const char *nl = avail ? memchr(s, '\n', avail) : NULL;
			if (nl || (r->eof && avail)) {
				size_t n = nl ? (size_t)(nl - s) + 1 : avail;
				r->cstart += n;
				*line = s;
				if ((r->read_bytes += n) > HWK_CSV_MAX_BYTES) {
					r->read_err = EFBIG;
					return 0;
				}
				return (ssize_t)n;
			}
			if (r->eof || fill(r) < 0)
				return 0;
		}
	}
	if (r->mem >= r->memend)
		return 0;
	const char *nl = memchr(r->mem, '\n', (size_t)(r->memend - r->mem));
	size_t n = nl ? (size_t)(nl - r->mem) + 1 : (size_t)(r->memend - r->mem);
	*line = r->mem;
	r->mem += n;
	return (ssize_t)n;
}

void hwk_csvr_quiet(hwk_csvr *r)
{
	r->quiet = 1;
}

void hwk_csvr_slow(hwk_csvr *r)
{
	r->slow = 1;
}

void hwk_csvr_mid(hwk_csvr *r)
{
	r->mid = 1;
}

static int parse_error(hwk_csvr *r, size_t col)
{
	if (r->quiet)
		return -1;
	int e = csv_error(&r->p);
	const char *what = e == CSV_ENOMEM ? "a field is longer than 1 MiB"
		: "bad quoting (a quote must open a field, and quotes inside one are doubled)";
	if (r->rec_line != r->lineno)
		return hwk_err_at(r->name, r->lineno, col, "%s (record starting at line %zu)",
				  what, r->rec_line);
	return hwk_err_at(r->name, r->lineno, col, "%s", what);
}

/* Give libcsv one physical line; 0, or the 1-based column where it failed. libcsv
 * leaves a row only at a CR or LF, so the line goes in two parts, all up to its last
 * other byte and then the CRs and LFs after it: after the first part a row is open, and
 * after the second it is open unless a record ended there. Thus row_open follows
 * libcsv's state without reading its private fields. */
static size_t parse_line(hwk_csvr *r, const char *l, size_t n)
{
	size_t t = n;
	while (t && (l[t - 1] == '\n' || l[t - 1] == '\r'))
		t--;
	if (t) {
		size_t used = csv_parse(&r->p, l, t, cb_field, cb_record, r);
		if (used != t)
			return used + 1;
		r->row_open = 1;
	}
	size_t used = csv_parse(&r->p, l + t, n - t, cb_field, cb_record, r);
	return used != n - t ? t + used + 1 : 0;
}

/* Does a header line separate its fields by semicolons: one or more outside quotes,
 * and no comma there? */
static int semicolon_line(const char *l, size_t n)
{
	size_t semi = 0, comma = 0;
	int quoted = 0;
	for (size_t i = 0; i < n; i++) {
		if (l[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			semi += l[i] == ';', comma += l[i] == ',';
	}
	return semi && !comma;
}

void hwk_csvr_sniff(hwk_csvr *r)
{
	r->sniff = 1;
}

/* What scan_line finds besides commas. */
enum { SCAN_QUOTE = 1, SCAN_CR = 2, SCAN_NUL = 4 };
#define MAX_COMMAS 64

/* Note byte c at i of a line: a comma's place in at (past MAX_COMMAS, only counted), or
 * the kind of the others scan_line looks for. */
static inline void scan_byte(char c, size_t i, uint32_t *at, size_t *nc, unsigned *f)
{
	if (c == ',') {
		if (*nc < MAX_COMMAS)
			at[*nc] = (uint32_t)i;
		++*nc;
	} else if (c == '"') {
		*f |= SCAN_QUOTE;
	} else if (c == '\r') {
		*f |= SCAN_CR;
	} else if (c == 0) {
		*f |= SCAN_NUL;
	}
}

/* The n bytes of a line at l in one pass: where its commas are (the first MAX_COMMAS
 * in at; *nc counts them all), and whether it holds a quote, a CR or a NUL (SCAN_*).
 * Sixteen bytes a step where the machine has SSE2: a row of an entries file is some
 * fifteen short fields, which a call of memchr each cost more than their bytes. */
static unsigned scan_line(const char *l, size_t n, uint32_t *at, size_t *nc)
{
	unsigned f = 0;
	size_t i = 0;
	*nc = 0;
#ifdef __SSE2__
	const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'),
		      cr = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(l + i));
		unsigned c = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma));
		unsigned o = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_cmpeq_epi8(v, quote),
				     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, zero))));
		for (; o; o &= o - 1)
			scan_byte(l[i + (size_t)__builtin_ctz(o)], i, at, nc, &f);
		for (; c; c &= c - 1) {
			if (*nc < MAX_COMMAS)
				at[*nc] = (uint32_t)(i + (size_t)__builtin_ctz(c));
			++*nc;
		}
	}
#endif
	for (; i < n; i++)
		scan_byte(l[i], i, at, nc, &f);
	return f;
}

/* The fields of a plain record of body bytes at l (no quote, no CR), split at its nc
 * commas, at (scan_line's): one allocation, as hwk_strs_split_packed makes. */
static hwk_strs split_plain(const char *l, size_t body, const uint32_t *at, size_t nc)
{
	if (nc > MAX_COMMAS)
		return hwk_strs_split_packed(l, body, ',');
	size_t n = nc + 1;
	char **v = hwk_xmalloc((n + 1) * sizeof *v + body + 1);
	char *t = (char *)(v + n + 1);
	memcpy(t, l, body);
	t[body] = 0;
	v[0] = t;
	for (size_t i = 0; i < nc; i++) {
		t[at[i]] = 0;
		v[i + 1] = t + at[i] + 1;
	}
	v[n] = NULL;
	return (hwk_strs){v, n, n, 1};
}

int hwk_csvr_next(hwk_csvr *r, hwk_strs *rec, size_t *line)
{
	if (r->init_failed)
		return hwk_err("out of memory");
	while (r->qhead == r->qn) {
		r->qhead = r->qn = 0;
		if (r->err_col) {
			/* the records the bad line ended before its error have been given */
			size_t col = r->err_col;
			r->err_col = 0;
			return parse_error(r, col);
		}
		if (r->finished)
			return 0;
		const char *l;
		ssize_t n = next_line(r, &l);
		if (n == 0 && r->read_err) {
			r->finished = 1;
			if (r->quiet)
				return -1;
			errno = r->read_err;
			if (errno == EFBIG)
				return hwk_err_at(r->name, 0, 0, "file is larger than %u bytes",
						  HWK_CSV_MAX_BYTES);
			return hwk_err_sys("%s", r->name);
		}
		if (n == 0) {
			r->finished = 1;
			if (csv_fini(&r->p, cb_field, cb_record, r) != 0) {
				if (r->quiet)
					return -1;
				return hwk_err_at(r->name, r->rec_line, 0,
						  "a quoted field is not closed");
			}
			continue;
		}
		r->lineno++;
		/* a line that starts a record is scanned once for all that is looked for in
		 * it (scan_line); the others only for a NUL */
		uint32_t at[MAX_COMMAS];
		size_t nc = 0;
		int scanned = r->at_rec_start && !r->slow && (size_t)n <= MAX_FIELD;
		unsigned f = scanned ? scan_line(l, (size_t)n, at, &nc) : 0;
		const char *nul = scanned && !(f & SCAN_NUL) ? NULL : memchr(l, '\0', (size_t)n);
		if (nul) {
			/* a C string would end there: the rest of the field would be lost */
			r->finished = 1;
			if (r->quiet)
				return -1;
			return hwk_err_at(r->name, r->lineno, (size_t)(nul - l) + 1,
					  "a NUL byte (the text of a field cannot hold one)");
		}
		if (r->lineno == r->first_line && !r->mid && n >= 3 &&
		    !memcmp(l, "\xef\xbb\xbf", 3)) {
			l += 3; /* a byte order mark, as spreadsheets write: not part of the data */
			n -= 3;
			scanned = 0; /* its commas' places were counted from the mark */
		}
		if (r->sniff && r->lineno == r->first_line) {
			r->sniff = 0;
			if (semicolon_line(l, (size_t)n)) {
				csv_set_delim(&r->p, ';');
				r->slow = 1;
			}
		}
		if (r->at_rec_start) {
			r->rec_line = r->lineno;
			if (hwk_conflict_marker(l, (size_t)n)) {
				/* git's merge left both sides here: no row of it can be trusted */
				r->finished = 1;
				r->conflict = 1;
				if (r->quiet)
					return -1;
				return hwk_err_at(r->name, r->lineno, 0, "%s", HWK_CONFLICT_MSG);
			}
			/* a whole line with no quote and no CR is a record of plain fields:
			 * split it here (libcsv goes byte by byte, through a call a field) */
			size_t body = (size_t)n - (l[n - 1] == '\n');
			if (!scanned && !r->slow && body <= MAX_FIELD) {
				f = scan_line(l, body, at, &nc);
				scanned = 1;
			}
			int simple = scanned && !r->slow && body && !(f & SCAN_CR);
			/* quoted fields all closed on the line: split here too */
			if (simple && (f & SCAN_QUOTE)) {
				if (split_quoted(l, body, &r->cur)) {
					cb_record('\n', r);
					continue;
				}
				simple = 0;
			}
			if (simple) {
				r->cur = split_plain(l, body, at, nc);
				cb_record('\n', r);
				continue;
			}
			r->at_rec_start = 0;
		}
		size_t col = parse_line(r, l, (size_t)n);
		if (col) {
			r->finished = 1;
			if (r->qn == 0)
				return parse_error(r, col);
			r->err_col = col; /* after the records ended on the line before it */
			break;
		}
		/* the next line starts a record exactly when libcsv holds no row open: after
		 * a record's end, and after a blank line (libcsv skips it), but not after a
		 * quoted field begun behind a CR that ended a record on this line */
		r->at_rec_start = !r->row_open;
	}
	hwk_strs_free(rec);
	*rec = r->q[r->qhead].fields;
	*line = r->q[r->qhead].line;
	r->qhead++;
	return 1;
}

size_t hwk_csvr_lineno(const hwk_csvr *r)
{
	return r->lineno;
}

int hwk_csvr_conflicted(const hwk_csvr *r)
{
	return r->conflict;
}

void hwk_csvr_free(hwk_csvr *r)
{
	if (!r)
		return;
	for (size_t i = r->qhead; i < r->qn; i++)
		hwk_strs_free(&r->q[i].fields);
	free(r->q);
	hwk_strs_free(&r->cur);
	csv_free(&r->p);
	free(r->chunk);
	free(r);
}
