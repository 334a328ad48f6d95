/* text: UTF-8 decoding, display width, control characters made visible, UTF-8 locales. */
#ifndef HWK_TEXT_H
#define HWK_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The length of the one valid UTF-8 character (not NUL) at s, of at most n bytes, or 0;
 * *cp (when cp is not NULL) gets its code point. For text that ends in a NUL, n may be
 * SIZE_MAX: no character reads past the NUL. */
size_t hwk_utf8_char(const char *s, size_t n, uint32_t *cp);
/* Is s's n bytes valid UTF-8 with no NUL? */
int hwk_utf8_valid(const char *s, size_t n);
/* Does the locale (LC_ALL, LC_CTYPE, LANG) speak UTF-8? */
int hwk_utf8_locale(void);

/* What hwk says of a file git left with conflict markers (after FILE:LINE:). */
#define HWK_CONFLICT_MSG "unresolved git conflict; run hwk sync or resolve it"
/* Is the line at l (n bytes, its LF or CRLF included or not) a git conflict marker:
 * "<<<<<<<", "|||||||" or ">>>>>>>" followed by a space or the line's end, or "======="
 * alone? */
int hwk_conflict_marker(const char *l, size_t n);
/* Does s start with seven of one marker character (so that a line starting with it
 * could be a marker)? Writers quote such a text where it would begin a line. */
int hwk_marker_like(const char *s);
/* The 1-based number of the first line of s's n bytes that is a conflict marker, or 0. */
size_t hwk_conflict_line(const char *s, size_t n);

/* Display width of s in terminal columns; an invalid byte counts as 1 (visible text
 * never has one). */
size_t hwk_text_width(const char *s);

/* Is c an invisible format character: a bidi control (U+202A-202E, U+2066-2069,
 * U+200E/F, U+061C), a zero-width space or word joiner, a BOM, a tag, U+2028/9 or
 * another of Unicode's Cf; the joiners U+200C and U+200D, which scripts and emoji
 * need, are not. */
int hwk_invisible_format(uint32_t c);

/* s with control characters made visible (\n \t \r; other C0 controls, DEL and C1 as
 * \xHH; invisible format characters as \uHHHH or \UHHHHHHHH; a backslash is NOT
 * escaped); other valid UTF-8 passes through; an invalid byte is shown as \xHH. For
 * text shown on a terminal. Written to dst, which has room for
 * HWK_VISIBLE_MAX(strlen(s)) bytes; returns the end of what it wrote (its NUL). */
#define HWK_VISIBLE_MAX(len) (4 * (len) + 1)
char *hwk_visible(char *dst, const char *s);
/* The same with a backslash written \\: a field of TSV, which a reader can turn back
 * into the text (the escapes are hwk(1)'s OUTPUT). */
char *hwk_visible_tsv(char *dst, const char *s);
/* The same, written to f. */
void hwk_put_visible(FILE *f, const char *s);

#endif
