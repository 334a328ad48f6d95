#define _GNU_SOURCE
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t hwk_utf8_char(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (!n)
		return 0;
	uint32_t c = s[0], min;
	size_t len;
	if (c < 0x80) {
		if (cp)
			*cp = c;
		return c ? 1 : 0;
	} else if ((c & 0xe0) == 0xc0) {
		len = 2, min = 0x80, c &= 0x1f;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3, min = 0x800, c &= 0x0f;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4, min = 0x10000, c &= 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80) /* also stops at a NUL */
			return 0;
		c = (c << 6) | (s[k] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	if (cp)
		*cp = c;
	return len;
}

int hwk_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		/* eight bytes a step while they are ASCII and none is NUL, as most text is */
		uint64_t w;
		while (i + 8 <= n && (memcpy(&w, s + i, 8),
				      !((w | ((w - 0x0101010101010101u) & ~w)) & 0x8080808080808080u)))
			i += 8;
		if (i == n)
			break;
		if (s[i] && s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = hwk_utf8_char(str + i, n - i, NULL);
		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

int hwk_utf8_locale(void)
{
	const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strcasestr(v, "utf-8") || strcasestr(v, "utf8");
	}
	return 0;
}

static int cp_width(uint32_t c)
{
	if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0xfe00 && c <= 0xfe0f))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

size_t hwk_text_width(const char *str)
{
	size_t w = 0;
	while (*str) {
		if ((unsigned char)*str < 0x80) {
			w++, str++;
			continue;
		}
		uint32_t cp;
		size_t n = hwk_utf8_char(str, SIZE_MAX, &cp);
		if (!n) {
			w++, str++;
			continue;
		}
		w += (size_t)cp_width(cp);
		str += n;
	}
	return w;
}

static char *add_hex(char *d, unsigned v)
{
	static const char hexd[] = "0123456789abcdef";
	*d++ = '\\';
	*d++ = 'x';
	*d++ = hexd[(v >> 4) & 0xf];
	*d++ = hexd[v & 0xf];
	return d;
}

int hwk_invisible_format(uint32_t c)
{
	/* the format characters (Unicode's Cf) and the line and paragraph separators, but
	 * the joiners U+200C and U+200D, which scripts and emoji need and which neither hide
	 * nor reorder text */
	static const uint32_t r[][2] = {
		{0xad, 0xad},       {0x600, 0x605},     {0x61c, 0x61c},     {0x6dd, 0x6dd},
		{0x70f, 0x70f},     {0x890, 0x891},     {0x8e2, 0x8e2},     {0x180e, 0x180e},
		{0x200b, 0x200b},   {0x200e, 0x200f},   {0x2028, 0x202e},   {0x2060, 0x2064},
		{0x2066, 0x206f},   {0xfeff, 0xfeff},   {0xfff9, 0xfffb},   {0x110bd, 0x110bd},
		{0x110cd, 0x110cd}, {0x13430, 0x1343f}, {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a},
		{0xe0001, 0xe0001}, {0xe0020, 0xe007f},
	};
	if (c < 0xad)
		return 0;
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
		if (c >= r[i][0] && c <= r[i][1])
			return 1;
	return 0;
}

/* hwk_visible, and with bs a backslash as \\ too (hwk_visible_tsv) */
static char *visible(char *d, const char *str, int bs)
{
	const unsigned char *s = (const unsigned char *)str;
	while (*s) {
		const unsigned char *run = s;
		while (*s >= 0x20 && *s < 0x7f && !(bs && *s == '\\'))
			s++;
		memcpy(d, run, (size_t)(s - run));
		d += s - run;
		if (!*s)
			break;
		unsigned c = *s;
		const char *e = c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r"
			      : c == '\\' ? "\\\\" : NULL;
		if (e) {
			memcpy(d, e, 2), d += 2, s++;
		} else if (c < 0x80) {
			d = add_hex(d, c), s++;
		} else {
			uint32_t cp;
			size_t n = hwk_utf8_char((const char *)s, SIZE_MAX, &cp);
			if (!n)
				d = add_hex(d, c), s++;
			else if (cp <= 0x9f)
				d = add_hex(d, cp), s += n;
			else if (hwk_invisible_format(cp))
				d += sprintf(d, cp > 0xffff ? "\\U%08x" : "\\u%04x", (unsigned)cp), s += n;
			else
				memcpy(d, s, n), d += n, s += n;
		}
	}
	*d = 0;
	return d;
}

char *hwk_visible(char *d, const char *s)
{
	return visible(d, s, 0);
}

char *hwk_visible_tsv(char *d, const char *s)
{
	return visible(d, s, 1);
}

void hwk_put_visible(FILE *f, const char *s)
{
	/* messages are short: on the stack; text nothing can be allocated for is not shown */
	char small[1024];
	size_t need = HWK_VISIBLE_MAX(strlen(s));
	char *d = need <= sizeof small ? small : malloc(need);
	if (!d) {
		fputs("(out of memory)", f);
		return;
	}
	char *end = hwk_visible(d, s);
	if (end > d)
		(void)fwrite(d, 1, (size_t)(end - d), f);
	if (d != small)
		free(d);
}

int hwk_conflict_marker(const char *l, size_t n)
{
	if (n < 7 || (l[0] != '<' && l[0] != '=' && l[0] != '>' && l[0] != '|'))
		return 0;
	for (size_t i = 1; i < 7; i++)
		if (l[i] != l[0])
			return 0;
	size_t end = n;
	if (end && l[end - 1] == '\n')
		end--;
	if (end && l[end - 1] == '\r')
		end--;
	if (l[0] == '=')
		return end == 7;
	return end == 7 || l[7] == ' ';
}

int hwk_marker_like(const char *s)
{
	if (!s[0] || !strchr("<=>|", s[0]))
		return 0;
	for (int i = 1; i < 7; i++)
		if (s[i] != s[0])
			return 0;
	return 1;
}

size_t hwk_conflict_line(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	for (size_t line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (hwk_conflict_marker(p, len))
			return line;
		p += len;
	}
	return 0;
}
