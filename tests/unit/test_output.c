/* Unit tests for lib/output.c: exact output of every format. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "tap.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Render nrows rows (row-major in vals) with the given columns; caller frees. */
static char *render(hwk_fmt fmt, const char *const *cols, size_t ncols,
		    const char *const *vals, size_t nrows, const hwk_coltype *types)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	if (!f)
		return NULL;
	hwk_out *o = hwk_out_new(fmt, f, cols, ncols);
	for (size_t r = 0; r < nrows; r++)
		hwk_out_row(o, vals + r * ncols, types);
	hwk_out_end(o);
	fclose(f);
	return s;
}

#define CHECK(fmt, cols, vals, types, want, ...) do { \
	char *got_ = render(fmt, cols, N(cols), vals, N(vals) / N(cols), types); \
	is_str(got_, want, __VA_ARGS__); \
	free(got_); \
} while (0)

#define CHECK0(fmt, cols, want, ...) do { \
	char *got_ = render(fmt, cols, N(cols), NULL, 0, NULL); \
	is_str(got_, want, __VA_ARGS__); \
	free(got_); \
} while (0)

static char *visible(const char *s)
{
	char *b = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&b, &n);
	if (!f)
		return NULL;
	hwk_put_visible(f, s);
	fclose(f);
	return b;
}

#define VIS(in, want, ...) do { \
	char *got_ = visible(in); \
	is_str(got_, want, __VA_ARGS__); \
	free(got_); \
} while (0)

static void test_parse(void)
{
	hwk_fmt f = HWK_FMT_TABLE;
	is_int(hwk_fmt_parse("json", &f), 0, "parse json");
	is_int(f, HWK_FMT_JSON, "json value");
	is_int(hwk_fmt_parse("yaml", &f), 0, "parse yaml");
	is_int(f, HWK_FMT_YAML, "yaml value");
	is_int(hwk_fmt_parse("table", &f), 0, "parse table");
	is_int(f, HWK_FMT_TABLE, "table value");
	is_int(hwk_fmt_parse("tsv", &f), 0, "parse tsv");
	is_int(f, HWK_FMT_TSV, "tsv value");
	is_int(hwk_fmt_parse("csv", &f), 0, "parse csv");
	is_int(f, HWK_FMT_CSV, "csv value");
	is_int(hwk_fmt_parse("JSON", &f), -1, "parse is case-sensitive");
	is_int(hwk_fmt_parse("", &f), -1, "parse empty");
	is_int(hwk_fmt_parse("xml", &f), -1, "parse unknown");

	FILE *t = tmpfile();
	ok(t && hwk_fmt_default(t) == HWK_FMT_TSV, "default is tsv on a file");
	if (t)
		fclose(t);
}

static void test_visible(void)
{
	VIS("plain text", "plain text", "visible: plain");
	VIS("a\nb\tc\rd", "a\\nb\\tc\\rd", "visible: \\n \\t \\r");
	VIS("back\\slash", "back\\slash", "visible: backslash unchanged");
	VIS("\x1b[31mred", "\\x1b[31mred", "visible: ESC");
	VIS("\x01\x1f\x7f", "\\x01\\x1f\\x7f", "visible: C0 and DEL");
	VIS("\xc2\x9b" "x\xc2\x80", "\\x9bx\\x80", "visible: C1 as code point");
	VIS("caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97", "caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97",
	    "visible: UTF-8 passes");
	VIS("\xc2\xa0nbsp", "\xc2\xa0nbsp", "visible: U+00A0 passes");
	VIS("a\xff" "b\xc3", "a\\xffb\\xc3", "visible: invalid bytes");
	VIS("\xe6\xbc" "x", "\\xe6\\xbcx", "visible: truncated sequence");
	VIS("\xc0\xaf", "\\xc0\\xaf", "visible: overlong");
	VIS("\xed\xa0\x80", "\\xed\\xa0\\x80", "visible: surrogate");
	VIS("", "", "visible: empty");
	/* invisible format characters: the bidi controls, zero widths, BOM, tags */
	VIS("a\xe2\x80\xae" "b", "a\\u202eb", "visible: U+202E right-to-left override");
	VIS("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", "\\u202a\\u202b\\u202c\\u202d",
	    "visible: U+202A-202D");
	VIS("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", "\\u2066\\u2067\\u2068\\u2069",
	    "visible: isolates U+2066-2069");
	VIS("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\\u200e\\u200f\\u061c", "visible: LRM, RLM, ALM");
	VIS("\xe2\x80\x8b\xe2\x81\xa0\xef\xbb\xbf\xc2\xad", "\\u200b\\u2060\\ufeff\\u00ad",
	    "visible: zero width space, word joiner, BOM, soft hyphen");
	VIS("\xe2\x80\xa8\xe2\x80\xa9", "\\u2028\\u2029", "visible: line and paragraph separators");
	VIS("\xf3\xa0\x80\x81\xf3\xa0\x81\xa1", "\\U000e0001\\U000e0061", "visible: tags");
	VIS("\xe2\x80\x8c\xe2\x80\x8d", "\xe2\x80\x8c\xe2\x80\x8d", "visible: the joiners pass (scripts, emoji)");
	VIS("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
	    "visible: right-to-left letters pass");
	/* the worst case stays within HWK_VISIBLE_MAX */
	char big[HWK_VISIBLE_MAX(8)];
	char *end = hwk_visible(big, "\xf3\xa0\x80\x81\xf3\xa0\x80\x81");
	ok(end - big == 20 && (size_t)(end - big) < sizeof big, "visible: two tags fit");
}

static void test_table(void)
{
	static const char *const cols[] = { "client", "name", "active" };
	static const char *const vals[] = {
		"alex", "Alex Smith", "2",
		"bo", NULL, "10",
		"caf\xc3\xa9", "\xe6\xbc\xa2\xe5\xad\x97", "",
	};
	CHECK(HWK_FMT_TABLE, cols, vals, NULL,
	      "client  name        active\n"
	      "alex    Alex Smith  2\n"
	      "bo                  10\n"
	      "caf\xc3\xa9    \xe6\xbc\xa2\xe5\xad\x97\n",
	      "table: aligned, NULL/empty cells, no trailing spaces, UTF-8 widths");

	static const char *const c2[] = { "a", "b" };
	static const char *const v2[] = {
		"x\ty", "1",
		"\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2", "2",
		"e\xcc\x81", "3",
		"\x1bz", "4",
	};
	CHECK(HWK_FMT_TABLE, c2, v2, NULL,
	      "a       b\n"
	      "x\\ty    1\n"
	      "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2  2\n"
	      "e\xcc\x81       3\n"
	      "\\x1bz   4\n",
	      "table: visible controls measured, wide and combining characters");

	static const char *const c3[] = { "id", "note" };
	static const char *const v3[] = { "1", "" };
	CHECK(HWK_FMT_TABLE, c3, v3, NULL, "id  note\n1\n", "table: empty last column");

	static const char *const v4[] = { NULL, "n" };
	CHECK(HWK_FMT_TABLE, c3, v4, NULL, "id  note\n    n\n", "table: empty first column");

	CHECK0(HWK_FMT_TABLE, cols, "", "table: no rows prints nothing");

	static const char *const c5[] = { "\xe6\xbc\xa2", "x" };
	static const char *const v5[] = { "a", "b" };
	CHECK(HWK_FMT_TABLE, c5, v5, NULL, "\xe6\xbc\xa2  x\na   b\n", "table: wide header");
}

static void test_tsv(void)
{
	static const char *const cols[] = { "client", "note", "n" };
	static const char *const vals[] = {
		"alex", "plain", "1",
		"bo", NULL, "",
		"c", "tab\there\nnl\rcr\\bs", "x,\"q\"",
		"d", "caf\xc3\xa9 \xe2\x80\xae", "\x1b[2J\a",
		"e", "\xc2\x9b" "31m\x7f", "\xff",
	};
	CHECK(HWK_FMT_TSV, cols, vals, NULL,
	      "client\tnote\tn\n"
	      "alex\tplain\t1\n"
	      "bo\t\t\n"
	      "c\ttab\\there\\nnl\\rcr\\\\bs\tx,\"q\"\n"
	      "d\tcaf\xc3\xa9 \\u202e\t\\x1b[2J\\x07\n"
	      "e\t\\x9b31m\\x7f\t\\xff\n",
	      "tsv: escapes as hwk_visible does, and \\\\; NULL and empty");
	static const char *const c2[] = { "v", "w" };
	static const char *const v2[] = {
		"=SUM(A1)", "+1",
		"-3", "-2.5",
		"-x", "@x",
		"\tx", "\rx",
		"-", "12",
	};
	CHECK(HWK_FMT_TSV, c2, v2, NULL,
	      "v\tw\n"
	      "'=SUM(A1)\t'+1\n"
	      "-3\t-2.5\n"
	      "'-x\t'@x\n"
	      "'\\tx\t'\\rx\n"
	      "-\t12\n",
	      "tsv: a formula guarded, numbers and a lone - stay as they are");
	CHECK0(HWK_FMT_TSV, cols, "client\tnote\tn\n", "tsv: header only with no rows");
}

static void test_csv(void)
{
	static const char *const cols[] = { "client", "note", "n" };
	static const char *const vals[] = {
		"alex", "plain", "1",
		"bo", NULL, "",
		"c", "a,b", "say \"hi\"",
		"d", "line\nbreak", "cr\rx",
		"e", " lead", "trail\t",
		"f", "caf\xc3\xa9", "\xe6\xbc\xa2\xe5\xad\x97",
	};
	CHECK(HWK_FMT_CSV, cols, vals, NULL,
	      "client,note,n\n"
	      "alex,plain,1\n"
	      "bo,,\n"
	      "c,\"a,b\",\"say \"\"hi\"\"\"\n"
	      "d,\"line\nbreak\",\"cr\rx\"\n"
	      "e,\" lead\",\"trail\t\"\n"
	      "f,caf\xc3\xa9,\xe6\xbc\xa2\xe5\xad\x97\n",
	      "csv: quoting");

	static const char *const c2[] = { "v", "w" };
	static const char *const v2[] = {
		"=SUM(A1)", "+1",
		"-3", "-2.5",
		"-x", "@x",
		"\tx", "\rx",
		"=a,b", "-",
		"12", "-1.",
		"=\"q\"", "x=1",
	};
	CHECK(HWK_FMT_CSV, c2, v2, NULL,
	      "v,w\n"
	      "'=SUM(A1),'+1\n"
	      "-3,-2.5\n"
	      "'-x,'@x\n"
	      "'\tx,\"'\rx\"\n"
	      "\"'=a,b\",-\n"
	      "12,'-1.\n"
	      "\"'=\"\"q\"\"\",x=1\n",
	      "csv: formula guard");

	static const hwk_coltype t2[] = { HWK_COL_NUM, HWK_COL_INT };
	static const char *const v3[] = { "-1", "=1" };
	CHECK(HWK_FMT_CSV, c2, v3, t2, "v,w\n-1,'=1\n", "csv: guard applies to typed columns");

	static const char *const c4[] = { "only" };
	static const char *const v4[] = { "", NULL, "x" };
	CHECK(HWK_FMT_CSV, c4, v4, NULL, "only\n\"\"\n\"\"\nx\n",
	      "csv: one empty column is quoted, not a blank line");
	CHECK0(HWK_FMT_CSV, cols, "client,note,n\n", "csv: header only with no rows");

	/* a quote or comma after plain bytes, and quotes after the byte that quotes */
	static const char *const v5[] = { "ab\"c", "x,y\"z\"", "q\"\"" };
	CHECK(HWK_FMT_CSV, cols, v5, NULL,
	      "client,note,n\n\"ab\"\"c\",\"x,y\"\"z\"\"\",\"q\"\"\"\"\"\n",
	      "csv: a byte that quotes after plain ones; every quote doubled");

	/* fields longer than the line's first room, quotes in them, many rows: the room
	 * grows under the row being written, and its commas still fit */
	enum { LONG = 70000, ROWS = 40 };
	char *big = malloc(LONG + 1);
	memset(big, 'a', LONG);
	big[LONG / 2] = '"';
	big[LONG] = 0;
	const char *vl[3 * ROWS];
	for (size_t r = 0; r < ROWS; r++)
		vl[3 * r] = r % 2 ? big : "", vl[3 * r + 1] = r % 3 ? "" : big, vl[3 * r + 2] = "z";
	char *got = render(HWK_FMT_CSV, cols, 3, vl, ROWS, NULL);
	hwk_buf want = {0};
	hwk_buf_adds(&want, "client,note,n\n");
	for (size_t r = 0; r < ROWS; r++)
		for (size_t c = 0; c < 3; c++) {
			if (*vl[3 * r + c] == 'z') {
				hwk_buf_adds(&want, "z\n");
				continue;
			}
			if (*vl[3 * r + c]) {
				hwk_buf_adds(&want, "\"");
				hwk_buf_add(&want, big, LONG / 2);
				hwk_buf_adds(&want, "\"\"");
				hwk_buf_adds(&want, big + LONG / 2 + 1);
				hwk_buf_adds(&want, "\"");
			}
			hwk_buf_addc(&want, ',');
		}
	is_str(got, want.s, "csv: long quoted fields over the line's room, many rows");
	free(got);
	hwk_buf_free(&want);
	free(big);
}

static void test_json(void)
{
	static const char *const cols[] = { "client", "n", "x", "ok", "note" };
	static const hwk_coltype types[] = { HWK_COL_TEXT, HWK_COL_INT, HWK_COL_NUM,
					     HWK_COL_BOOL, HWK_COL_TEXT };
	static const char *const vals[] = {
		"alex", "3", "2.5", "yes", "hi",
		"bo", "-10", "0", "no", NULL,
		"c", "", "", "", "",
		"d", "007", "1e5", "maybe", "42",
		NULL, NULL, NULL, NULL, NULL,
	};
	CHECK(HWK_FMT_JSON, cols, vals, types,
	      "[\n"
	      "{\"client\":\"alex\",\"n\":3,\"x\":2.5,\"ok\":true,\"note\":\"hi\"},\n"
	      "{\"client\":\"bo\",\"n\":-10,\"x\":0,\"ok\":false},\n"
	      "{\"client\":\"c\",\"n\":null,\"x\":null,\"ok\":null,\"note\":null},\n"
	      "{\"client\":\"d\",\"n\":\"007\",\"x\":1e5,\"ok\":\"maybe\",\"note\":\"42\"},\n"
	      "{}\n"
	      "]\n",
	      "json: types, NULL omitted, empty is null");

	static const char *const c2[] = { "s" };
	static const char *const v2[] = {
		"q\"b\\s/",
		"\n\r\t\b\f",
		"\x01\x1f\x7f",
		"caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97 \xf0\x9f\x98\x80",
		"a\377b\303",
		"\xc2\x9b",
	};
	CHECK(HWK_FMT_JSON, c2, v2, NULL,
	      "[\n"
	      "{\"s\":\"q\\\"b\\\\s/\"},\n"
	      "{\"s\":\"\\n\\r\\t\\b\\f\"},\n"
	      "{\"s\":\"\\u0001\\u001f\\u007f\"},\n"
	      "{\"s\":\"caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97 \xf0\x9f\x98\x80\"},\n"
	      "{\"s\":\"a\xef\xbf\xbd" "b\xef\xbf\xbd\"},\n"
	      "{\"s\":\"\xc2\x9b\"}\n"
	      "]\n",
	      "json: string escapes and UTF-8");

	static const char *const c3[] = { "we\"ird\n" };
	static const char *const v3[] = { "v" };
	CHECK(HWK_FMT_JSON, c3, v3, NULL, "[\n{\"we\\\"ird\\n\":\"v\"}\n]\n", "json: keys escaped");

	static const char *const c4[] = { "n" };
	static const hwk_coltype t4[] = { HWK_COL_INT };
	static const char *const v4[] = { "-0", "01", "1.", "-", "+1", "1.5e-3", "0x10" };
	CHECK(HWK_FMT_JSON, c4, v4, t4,
	      "[\n{\"n\":-0},\n{\"n\":\"01\"},\n{\"n\":\"1.\"},\n{\"n\":\"-\"},\n"
	      "{\"n\":\"+1\"},\n{\"n\":1.5e-3},\n{\"n\":\"0x10\"}\n]\n",
	      "json: only valid JSON numbers are bare");

	CHECK0(HWK_FMT_JSON, cols, "[]\n", "json: no rows");
}

static void test_yaml(void)
{
	static const char *const cols[] = { "client", "at", "n", "x", "ok", "note" };
	static const hwk_coltype types[] = { HWK_COL_TEXT, HWK_COL_TEXT, HWK_COL_INT,
					     HWK_COL_NUM,  HWK_COL_BOOL, HWK_COL_TEXT };
	static const char *const vals[] = {
		"alex", "2026-11-27T21:04:00+01:00", "3", "2.5", "yes", "hi there",
		"bo", NULL, "-10", "0", "no", NULL,
		"c", "", "", "", "", "",
		"d", "x", "007", "1e5", "maybe", "42",
	};
	CHECK(HWK_FMT_YAML, cols, vals, types,
	      "- client: alex\n"
	      "  at: '2026-11-27T21:04:00+01:00'\n"
	      "  'n': 3\n"
	      "  x: 2.5\n"
	      "  ok: true\n"
	      "  note: hi there\n"
	      "- client: bo\n"
	      "  'n': -10\n"
	      "  x: 0\n"
	      "  ok: false\n"
	      "- client: c\n"
	      "  at: null\n"
	      "  'n': null\n"
	      "  x: null\n"
	      "  ok: null\n"
	      "  note: null\n"
	      "- client: d\n"
	      "  at: x\n"
	      "  'n': '007'\n"
	      "  x: '1e5'\n"
	      "  ok: maybe\n"
	      "  note: '42'\n",
	      "yaml: types, NULL omitted, empty is null, timestamps quoted");

	static const char *const c2[] = { "s" };
	static const char *const v2[] = {
		"yes", "No", "TRUE", "off", "y", "N", "null", "~", "Null",
		"+1", "-x", ".5", "1:30", "<<", "=",
		"a: b", "#c", "- d", "[e]", "x #y", " lead", "trail ", "caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97",
		"it's", "yesno",
	};
	CHECK(HWK_FMT_YAML, c2, v2, NULL,
	      "- s: 'yes'\n- s: 'No'\n- s: 'TRUE'\n- s: 'off'\n- s: 'y'\n- s: 'N'\n"
	      "- s: 'null'\n- s: '~'\n- s: 'Null'\n"
	      "- s: '+1'\n- s: -x\n- s: '.5'\n- s: '1:30'\n- s: '<<'\n- s: '='\n"
	      "- s: 'a: b'\n- s: '#c'\n- s: '- d'\n- s: '[e]'\n- s: 'x #y'\n- s: ' lead'\n"
	      "- s: 'trail '\n- s: caf\xc3\xa9 \xe6\xbc\xa2\xe5\xad\x97\n"
	      "- s: it's\n- s: yesno\n",
	      "yaml: typed-looking and special text is quoted");

	static const char *const v3[] = {
		"line1\nline2",
		"ends\n",
		"tab\there",
		"esc\x1b",
		"a\377b",
		"\xc2\x9b",
		"a\342\200\250b",
	};
	CHECK(HWK_FMT_YAML, c2, v3, NULL,
	      "- s: |-\n    line1\n    line2\n"
	      "- s: |\n    ends\n"
	      "- s: \"tab\\there\"\n"
	      "- s: \"esc\\e\"\n"
	      "- s: a\xef\xbf\xbd" "b\n"
	      "- s: \"\\x9B\"\n"
	      "- s: \"a\\Lb\"\n",
	      "yaml: newlines as literal blocks, controls double-quoted, invalid UTF-8 replaced");

	static const char *const c4[] = { "yes", "2x", "a b" };
	static const char *const v4[] = { "1", "2", "3" };
	CHECK(HWK_FMT_YAML, c4, v4, NULL, "- 'yes': '1'\n  2x: '2'\n  a b: '3'\n",
	      "yaml: keys quoted like values");

	static const char *const v5[] = { NULL, NULL, NULL };
	CHECK(HWK_FMT_YAML, c4, v5, NULL, "- {}\n", "yaml: a row with every value absent");

	static const char *const v6[] = { "last\n" };
	CHECK(HWK_FMT_YAML, c2, v6, NULL, "- s: |\n    last\n", "yaml: literal block at the end");

	CHECK0(HWK_FMT_YAML, cols, "[]\n", "yaml: no rows");
}

/* Many rows through a streaming format: rows go out as they are given, in blocks of at
 * most 64 KiB (a terminal gets each row at once), never held until the end. */
static void test_stream(void)
{
	static const char *const cols[] = { "a", "b" };
	static const char *const row[] = { "x", "1" };
	static const hwk_coltype types[] = { HWK_COL_TEXT, HWK_COL_INT };
	hwk_fmt fmts[] = { HWK_FMT_TSV, HWK_FMT_CSV, HWK_FMT_JSON, HWK_FMT_YAML };
	const char *names[] = { "tsv", "csv", "json", "yaml" };
	for (size_t k = 0; k < N(fmts); k++) {
		char *s = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&s, &n);
		hwk_out *o = hwk_out_new(fmts[k], f, cols, 2);
		long grew = 0, held = 0;
		/* 4 bytes a row at least: 160 KB */
		for (int i = 0; i < 40000; i++) {
			hwk_out_row(o, row, types);
			fflush(f);
			if (i == 19999)
				grew = (long)n;
		}
		fflush(f);
		ok(grew > 0 && (long)n > grew + 20000, "%s: rows are streamed", names[k]);
		held = (long)n;
		hwk_out_end(o);
		fclose(f);
		held = (long)n - held;
		ok(held <= 65536 + 64, "%s: at most 64 KiB held back (%ld)", names[k], held);
		free(s);
	}
}

int main(void)
{
	test_parse();
	test_visible();
	test_table();
	test_tsv();
	test_csv();
	test_json();
	test_yaml();
	test_stream();
	return tap_done();
}
