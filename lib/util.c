#define _GNU_SOURCE
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one way out of the library that does not return to the command: memory that cannot
 * be had (as git's xmalloc dies). Every other failure is returned, after a message. */
static void oom(void)
{
	fputs("hwk: out of memory\n", stderr);
	exit(1);
}

void *hwk_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *hwk_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *hwk_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *hwk_xstrdup(const char *s)
{
	return hwk_xstrndup(s, strlen(s));
}

char *hwk_xstrndup(const char *s, size_t n)
{
	char *p = hwk_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *hwk_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		oom();
	va_end(ap);
	return s;
}

char *hwk_path(const char *dir, const char *name)
{
	if (!strcmp(dir, "."))
		return hwk_xstrdup(name);
	size_t a = strlen(dir), b = strlen(name);
	char *p = hwk_xmalloc(a + b + 2);
	memcpy(p, dir, a);
	p[a] = '/';
	memcpy(p + a + 1, name, b + 1);
	return p;
}

static void buf_grow(hwk_buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1)
		cap *= 2;
	b->s = hwk_xrealloc(b->s, cap);
	b->cap = cap;
}

void hwk_buf_add(hwk_buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = 0;
}

void hwk_buf_adds(hwk_buf *b, const char *s)
{
	hwk_buf_add(b, s, strlen(s));
}

void hwk_buf_addc(hwk_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = 0;
}

void hwk_buf_printf(hwk_buf *b, const char *fmt, ...)
{
	/* straight into the room there is; only a longer text formats twice */
	va_list ap;
	if (b->cap - b->len < 64)
		buf_grow(b, 64);
	va_start(ap, fmt);
	int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->s[b->len] = 0;
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void hwk_buf_reset(hwk_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
}

void hwk_buf_free(hwk_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void hwk_strs_push(hwk_strs *l, char *owned)
{
	if (l->packed)
		abort(); /* a packed list is never added to */
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = hwk_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = owned;
}

void hwk_strs_free(hwk_strs *l)
{
	if (!l->packed)
		for (size_t i = 0; i < l->n; i++)
			free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
	l->packed = 0;
}

/* Room for n pointers (and a NULL after them) followed by bytes of text. */
static char **packed_new(size_t n, size_t bytes, char **text)
{
	char **v = hwk_xmalloc((n + 1) * sizeof *v + bytes);
	*text = (char *)(v + n + 1);
	v[n] = NULL;
	return v;
}

void hwk_strs_pack(hwk_strs *l)
{
	if (l->packed)
		return;
	size_t bytes = 0;
	for (size_t i = 0; i < l->n; i++)
		bytes += strlen(l->v[i]) + 1;
	char *t;
	char **v = packed_new(l->n, bytes, &t);
	for (size_t i = 0; i < l->n; i++) {
		size_t k = strlen(l->v[i]) + 1;
		memcpy(t, l->v[i], k);
		v[i] = t;
		t += k;
		free(l->v[i]);
	}
	free(l->v);
	l->v = v;
	l->cap = l->n;
	l->packed = 1;
}

void hwk_strs_push_empty(hwk_strs *l)
{
	if (!l->packed) {
		hwk_strs_push(l, hwk_xstrdup(""));
		return;
	}
	/* its text: from after the pointers to the end of the string that ends last */
	const char *old = (const char *)(l->v + l->n + 1);
	size_t bytes = 0;
	for (size_t i = 0; i < l->n; i++) {
		size_t end = (size_t)(l->v[i] - old) + strlen(l->v[i]) + 1;
		if (end > bytes)
			bytes = end;
	}
	char *t;
	char **v = packed_new(l->n + 1, bytes + 1, &t);
	memcpy(t, old, bytes);
	for (size_t i = 0; i < l->n; i++)
		v[i] = t + (l->v[i] - old);
	t[bytes] = 0;
	v[l->n] = t + bytes;
	free(l->v);
	l->v = v;
	l->cap = ++l->n;
}

hwk_strs hwk_strs_split_packed(const char *s, size_t len, char sep)
{
	size_t n = 1;
	for (const char *p = s, *end = s + len; (p = memchr(p, sep, (size_t)(end - p))); p++)
		n++;
	char *t;
	char **v = packed_new(n, len + 1, &t);
	memcpy(t, s, len);
	t[len] = 0;
	char *end = t + len;
	v[0] = t;
	for (size_t i = 1; i < n; i++) {
		t = memchr(t, sep, (size_t)(end - t));
		*t++ = 0;
		v[i] = t;
	}
	return (hwk_strs){v, n, n, 1};
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void hwk_strs_sort(hwk_strs *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmp_str);
}

int hwk_name_ok(const char *s, size_t max, int digit_first, const char *seps)
{
	size_t n = strlen(s);
	if (n == 0 || n > max)
		return 0;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (digit_first && s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr(seps, c)))
			return 0;
	}
	return strstr(s, "..") == NULL;
}

int hwk_streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

int hwk_word_in(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (!strcmp(*words, s))
			return 1;
	return 0;
}

int hwk_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int hwk_parse_long(const char *s, long *out)
{
	const char *p = s;
	if (*p == '-')
		p++;
	if (!*p)
		return -1;
	/* up to 18 digits cannot overflow: summed here as they are checked (a check of a
	 * million entries reads some ten million); strtol for more, to say when it does */
	long v = 0;
	const char *digits = p;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		if (p - digits < 18)
			v = v * 10 + (*p - '0');
	}
	if (p - digits <= 18) {
		*out = *s == '-' ? -v : v;
		return 0;
	}
	errno = 0;
	v = strtol(s, NULL, 10);
	if (errno)
		return -1;
	*out = v;
	return 0;
}

int hwk_parse_number(const char *s, double *out)
{
	const char *p = s;
	int digits = 0;
	if (*p == '-')
		p++;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.') {
		p++;
		int frac = 0;
		while (*p >= '0' && *p <= '9')
			p++, frac++;
		if (!frac)
			return -1;
	}
	if (*p || !digits)
		return -1;
	/* up to 15 digits in all: the digits as a whole number and a power of ten are both
	 * exact doubles, so one division rounds as strtod does (Clinger's fast path) */
	static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
				       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	if (p - s <= 16) {
		long long m = 0;
		int frac = -1, nd = 0;
		for (const char *c = s + (*s == '-'); *c; c++) {
			if (*c == '.') {
				frac = 0;
				continue;
			}
			m = m * 10 + (*c - '0');
			nd++;
			if (frac >= 0)
				frac++;
		}
		if (nd <= 15) {
			double v = (double)m / pow10[frac > 0 ? frac : 0];
			*out = *s == '-' ? -v : v;
			return 0;
		}
	}
	double v = strtod(s, NULL);
	if (!isfinite(v))
		return -1;
	*out = v;
	return 0;
}

int hwk_open_regular(const char *path, int flags, int mode, struct stat *st)
{
	int fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, (mode_t)mode);
	if (fd < 0) {
		if (errno == ENXIO) /* a FIFO opened for writing with no reader */
			errno = HWK_ENOTREG;
		return -1;
	}
	struct stat own;
	if (!st)
		st = &own;
	if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode)) {
		int e = errno;
		if (S_ISDIR(st->st_mode))
			e = EISDIR;
		else if (!S_ISREG(st->st_mode))
			e = HWK_ENOTREG;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

struct dirent *hwk_readdir(DIR *d, int *err)
{
	errno = 0;
	struct dirent *e = readdir(d);
	if (!e && errno)
		*err = errno;
	return e;
}

int hwk_dir_each(const char *dir, void (*fn)(void *arg, const char *name, unsigned char type),
		 void *arg)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	/* struct linux_dirent64, as getdents64(2) lays them out */
	union {
		char b[32768];
		uint64_t align;
	} buf;
	for (;;) {
		long n = syscall(SYS_getdents64, fd, buf.b, sizeof buf.b);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = errno;
			close(fd);
			errno = e;
			return n < 0 ? -1 : 0;
		}
		for (long at = 0; at < n;) {
			const char *d = buf.b + at;
			unsigned short reclen;
			memcpy(&reclen, d + 16, sizeof reclen);
			fn(arg, d + 19, (unsigned char)d[18]);
			at += reclen;
		}
	}
}

int hwk_read_file(const char *path, size_t max, hwk_buf *b)
{
	struct stat st;
	int fd = hwk_open_regular(path, O_RDONLY, 0, &st);
	if (fd < 0)
		return -1;
	/* room for the whole file at once; a read shorter than asked is its end (a regular
	 * file's reads are short only there), so no second read is needed to find it */
	size_t want = st.st_size > 0 && (size_t)st.st_size < max ? (size_t)st.st_size : 16384;
	for (;;) {
		if (b->cap - b->len < want + 1)
			buf_grow(b, want);
		size_t room = b->cap - b->len - 1;
		ssize_t r = read(fd, b->s + b->len, room);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			b->s[b->len] = 0;
			errno = e;
			return -1;
		}
		if (b->len + (size_t)r > max) {
			close(fd);
			b->s[b->len] = 0;
			errno = EFBIG;
			return -1;
		}
		b->len += (size_t)r;
		if ((size_t)r < room)
			break;
		want = 16384;
	}
	close(fd);
	b->s[b->len] = 0;
	return 0;
}

void hwk_fmt_decimal(char *buf, double v, int decimals)
{
	static const double scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	if (v != v || v > 9e15 / scale[decimals] || v < -9e15 / scale[decimals]) {
		buf[0] = 0;
		return;
	}
	int neg = signbit(v) != 0; /* printf's sign: -0.001 is "-0.00" */
	double x = (neg ? -v : v) * scale[decimals];
	/* x is v scaled, off the exact product by at most half an ulp (x * 2^-53); x < 2^53,
	 * so its whole part n and fraction f are exact. Only a fraction within a few ulps of
	 * one half could round the other way from the exact value, or be a tie (which printf
	 * breaks to even): those few go to snprintf, which rounds the exact value. */
	unsigned long long n = (unsigned long long)x;
	double f = x - (double)n, d = f - 0.5;
	if ((d < 0 ? -d : d) <= x * 0x1p-50) {
		snprintf(buf, 32, "%.*f", decimals, v);
		return;
	}
	n += f > 0.5;
	char digits[32];
	int k = 0;
	do {
		digits[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n || k <= decimals);
	char *o = buf;
	if (neg)
		*o++ = '-';
	while (k > decimals)
		*o++ = digits[--k];
	if (decimals) {
		*o++ = '.';
		while (k > 0)
			*o++ = digits[--k];
	}
	*o = 0;
}
