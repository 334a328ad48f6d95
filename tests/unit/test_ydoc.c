/* Unit tests for lib/ydoc.c: the YAML reader (tree with line:col, refusals with their
 * places), the typed getters, and the writer (exact text, quoting of strings that look
 * typed, literal blocks, and a round trip of tricky strings). Positions are 1-based and
 * were counted by hand in the inputs shown next to each case. */
#define _GNU_SOURCE

#include "err.h"
#include "capture.h"
#include "tap.h"
#include "testutil.h"
#include "ydoc.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parse(const char *s, hwk_ynode **root)
{
	return hwk_yaml_parse("t.yaml", s, strlen(s), root);
}

/* Parse data (len bytes) expecting a refusal with exactly the message want. */
static void refused(const char *what, const char *data, size_t len, const char *want)
{
	hwk_ynode *root = (hwk_ynode *)1;
	cap_start();
	int rc = hwk_yaml_parse("t.yaml", data, len, &root);
	const char *msg = cap_end();
	is_int(rc, -1, "%s: refused", what);
	ok(root == NULL, "%s: no tree", what);
	is_str(msg, want, "%s: message", what);
	if (rc == 0)
		hwk_ynode_free(root);
}

static void refused_s(const char *what, const char *data, const char *want)
{
	refused(what, data, strlen(data), want);
}

/* ---- reading ---- */

static void test_tree(void)
{
	/*        col: 1234567 */
	const char *doc = "name: alex\n"      /* line 1: key 1:1, value 1:7 */
			  "list:\n"           /* line 2: key 2:1 */
			  "- a\n"             /* line 3: the sequence starts at 3:1, item 3:3 */
			  "- 'b'\n"           /* line 4: 4:3, single-quoted */
			  "- \"c\"\n"         /* line 5: 5:3, double-quoted */
			  "nested:\n"         /* line 6 */
			  "  k: v\n"          /* line 7: the map and its key at 7:3, value 7:6 */
			  "text: |\n"         /* line 8: the literal block starts at its | (8:7) */
			  "  one\n"
			  "  two\n"
			  "words: hello world\n"; /* line 11: plain with a space, 11:8 */
	hwk_ynode *r;
	is_int(parse(doc, &r), 0, "tree: parses");
	if (!r) {
		ok(0, "tree: no root");
		return;
	}
	is_int(r->kind, HWK_Y_MAP, "root is a map");
	is_int(r->line, 1, "root line 1");
	is_int(r->col, 1, "root col 1");
	is_int(r->n, 10, "5 keys and 5 values");
	is_str(r->items[0]->str, "name", "first key");
	is_int(r->items[0]->line * 100 + r->items[0]->col, 101, "key 'name' at 1:1");
	hwk_ynode *v = hwk_ymap_get(r, "name");
	is_str(v ? v->str : NULL, "alex", "name: alex");
	is_int(v->line * 100 + v->col, 107, "'alex' at 1:7");
	ok(v->plain, "'alex' is plain");

	hwk_ynode *l = hwk_ymap_get(r, "list");
	is_int(l->kind, HWK_Y_SEQ, "list is a sequence");
	is_int(l->line * 100 + l->col, 301, "the sequence starts at 3:1");
	is_int(l->n, 3, "three items");
	is_str(l->items[0]->str, "a", "item a");
	is_str(l->items[1]->str, "b", "item 'b' without its quotes");
	is_str(l->items[2]->str, "c", "item \"c\" without its quotes");
	is_int(l->items[0]->plain, 1, "a is plain");
	is_int(l->items[1]->plain, 0, "'b' is not plain");
	is_int(l->items[2]->plain, 0, "\"c\" is not plain");
	is_int(l->items[1]->line * 100 + l->items[1]->col, 403, "'b' at 4:3");
	is_int(l->items[2]->line * 100 + l->items[2]->col, 503, "\"c\" at 5:3");

	hwk_ynode *m = hwk_ymap_get(r, "nested");
	is_int(m->kind, HWK_Y_MAP, "nested is a map");
	is_int(m->line * 100 + m->col, 703, "nested map at 7:3");
	hwk_ynode *k = hwk_ymap_get(m, "k");
	is_str(k ? k->str : NULL, "v", "nested k: v");
	is_int(k->line * 100 + k->col, 706, "v at 7:6");
	is_int(m->items[0]->line * 100 + m->items[0]->col, 703, "key k at 7:3");

	hwk_ynode *t = hwk_ymap_get(r, "text");
	is_str(t->str, "one\ntwo\n", "literal block text");
	is_int(t->plain, 0, "a literal block is not plain");
	is_int(t->line * 100 + t->col, 807, "literal block at its | (8:7)");

	hwk_ynode *w = hwk_ymap_get(r, "words");
	is_str(w->str, "hello world", "plain text with a space");
	is_int(w->line * 100 + w->col, 1108, "at 11:8");

	ok(hwk_ymap_get(r, "nope") == NULL, "missing key: NULL");
	ok(hwk_ymap_get(l, "a") == NULL, "ymap_get on a sequence: NULL");
	ok(hwk_ymap_get(NULL, "a") == NULL, "ymap_get on NULL: NULL");
	ok(hwk_ymap_get(r, "alex") == NULL, "a value is not a key");
	hwk_ynode_free(r);

	/* flow style and a top-level sequence */
	is_int(parse("[1, {a: b}]\n", &r), 0, "flow: parses");
	is_int(r->kind, HWK_Y_SEQ, "flow: a sequence");
	is_int(r->n, 2, "flow: two items");
	is_str(r->items[0]->str, "1", "flow: 1 as text");
	is_int(r->items[1]->kind, HWK_Y_MAP, "flow: a map inside");
	is_int(r->items[1]->line * 100 + r->items[1]->col, 105, "flow map at 1:5");
	hwk_ynode_free(r);

	/* a lone scalar */
	is_int(parse("just text\n", &r), 0, "scalar document parses");
	is_int(r->kind, HWK_Y_SCALAR, "scalar root");
	is_str(r->str, "just text", "scalar root text");
	hwk_ynode_free(r);
}

static void test_empty(void)
{
	hwk_ynode *r = (hwk_ynode *)1;
	is_int(hwk_yaml_parse("t.yaml", "", 0, &r), 0, "empty input: 0");
	ok(r == NULL, "empty input: NULL root");
	r = (hwk_ynode *)1;
	is_int(parse("# only a comment\n\n", &r), 0, "comments only: 0");
	ok(r == NULL, "comments only: NULL root");
	r = (hwk_ynode *)1;
	is_int(parse("\n\n   \n", &r), 0, "blank lines only: 0");
	ok(r == NULL, "blank lines only: NULL root");
}

static void test_refusals(void)
{
	/* "a: b: c": the second ': ' at column 5 */
	refused_s("bad syntax", "a: b: c\n",
		  "hwk: t.yaml:1:5: mapping values are not allowed in this context\n");
	/* line 2 is indented by a tab */
	refused_s("tab indent", "a: b\n\tc: d\n",
		  "hwk: t.yaml:2:1: found a tab character that violates indentation\n");
	/* key a again on line 3 */
	refused_s("duplicate key", "a: 1\nb: 2\na: 3\n", "hwk: t.yaml:3:1: duplicate key 'a'\n");
	refused_s("duplicate key in a nested map", "top:\n  x: 1\n  y: 2\n  x: 3\n",
		  "hwk: t.yaml:4:3: duplicate key 'x'\n");
	refused_s("duplicate key, quoted", "a: 1\n'a': 2\n", "hwk: t.yaml:2:1: duplicate key 'a'\n");
	/* the anchor &x starts at 1:4 */
	refused_s("anchor", "a: &x 1\nb: *x\n", "hwk: t.yaml:1:4: anchors are not allowed\n");
	refused_s("anchor on a map", "a: &m\n  k: v\n", "hwk: t.yaml:1:4: anchors are not allowed\n");
	/* an alias alone (libyaml's parser does not check that the anchor exists) */
	refused_s("alias", "- *a\n", "hwk: t.yaml:1:3: aliases are not allowed\n");
	refused_s("tag", "a: !!str 1\n", "hwk: t.yaml:1:4: tags are not allowed\n");
	refused_s("local tag on a sequence", "a: !list [1]\n", "hwk: t.yaml:1:4: tags are not allowed\n");
	/* the second document starts at its --- on line 2 */
	refused_s("second document", "a: 1\n---\nb: 2\n",
		  "hwk: t.yaml:2:1: only one document is allowed\n");
	refused_s("second explicit document", "---\na: 1\n...\n---\nb: 2\n",
		  "hwk: t.yaml:4:1: only one document is allowed\n");
	refused_s("NUL in a quoted scalar", "a: \"x\\0y\"\n",
		  "hwk: t.yaml:1:4: text contains a NUL character\n");
	refused_s("flow sequence as a key", "[a]: b\n", "hwk: t.yaml:1:1: a key must be plain text\n");
	refused_s("complex key", "? [a]\n: b\n", "hwk: t.yaml:1:3: a key must be plain text\n");
	/* git's conflict markers: the first named; the text between would read as YAML */
	refused_s("conflict markers", "a: 1\n<<<<<<< ours\nb: 2\n=======\nb: 3\n>>>>>>> theirs\n",
		  "hwk: t.yaml:2: unresolved git conflict; run hwk sync or resolve it\n");
	refused_s("a lone =======", "a: 1\n=======\n",
		  "hwk: t.yaml:2: unresolved git conflict; run hwk sync or resolve it\n");
}

static void test_depth(void)
{
	char buf[256];
	hwk_ynode *r;
	/* 32 nested flow sequences: [[[...x...]]] is allowed */
	size_t n = 0;
	for (int i = 0; i < HWK_YAML_MAX_DEPTH; i++)
		buf[n++] = '[';
	buf[n++] = 'x';
	for (int i = 0; i < HWK_YAML_MAX_DEPTH; i++)
		buf[n++] = ']';
	is_int(hwk_yaml_parse("t.yaml", buf, n, &r), 0, "32 levels of nesting are allowed");
	int depth = 0;
	for (hwk_ynode *p = r; p && p->kind == HWK_Y_SEQ; p = p->n ? p->items[0] : NULL)
		depth++;
	is_int(depth, 32, "32 sequences in the tree");
	hwk_ynode_free(r);

	/* 33: the 33rd '[' is at column 33 */
	n = 0;
	for (int i = 0; i < HWK_YAML_MAX_DEPTH + 1; i++)
		buf[n++] = '[';
	buf[n++] = 'x';
	for (int i = 0; i < HWK_YAML_MAX_DEPTH + 1; i++)
		buf[n++] = ']';
	refused("33 flow levels", buf, n, "hwk: t.yaml:1:33: nested deeper than 32 levels\n");

	/* block style: "- - - ... x"; the 33rd sequence starts at column 2 x 32 + 1 = 65 */
	n = 0;
	for (int i = 0; i < HWK_YAML_MAX_DEPTH + 1; i++)
		buf[n++] = '-', buf[n++] = ' ';
	buf[n++] = 'x';
	buf[n++] = '\n';
	refused("33 block levels", buf, n, "hwk: t.yaml:1:65: nested deeper than 32 levels\n");

	/* far deeper (10000 '['): refused at the same place, without recursion trouble */
	size_t big = 20000;
	char *deep = malloc(big);
	memset(deep, '[', big / 2);
	memset(deep + big / 2, ']', big / 2);
	refused("10000 flow levels", deep, big, "hwk: t.yaml:1:33: nested deeper than 32 levels\n");
	free(deep);
}

static void test_billion_laughs(void)
{
	hwk_buf b = {0};
	hwk_buf_adds(&b, "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
	for (char c = 'b'; c <= 'j'; c++) {
		hwk_buf_printf(&b, "%c: &%c [", c, c);
		for (int i = 0; i < 9; i++)
			hwk_buf_printf(&b, "%s*%c", i ? "," : "", c - 1);
		hwk_buf_adds(&b, "]\n");
	}
	/* the first anchor, &a on line 1, is at column 4: refused there, before any alias
	 * could be expanded */
	refused("billion laughs", b.s, b.len, "hwk: t.yaml:1:4: anchors are not allowed\n");
	hwk_buf_free(&b);
}

/* A flat mapping within the size cap must not cost work quadratic in its keys (a
 * duplicate check comparing each key with all before it would). The work is counted, not
 * timed, so the check is exact on any machine: sorting n keys takes at most n log2 n
 * comparisons (twice that when a duplicate makes the file be read again by libyaml);
 * comparing every pair would take n(n-1)/2, 800 million for 40000 keys. */
static unsigned long compares_for(int nkeys, int dup)
{
	hwk_buf b = {0};
	for (int i = 0; i < nkeys; i++)
		hwk_buf_printf(&b, "k%d: %d\n", i, i);
	if (dup)
		hwk_buf_printf(&b, "k%d: again\n", nkeys / 2);
	hwk_ynode *r = NULL;
	unsigned long before = hwk_yaml_key_compares();
	cap_start();
	int rc = hwk_yaml_parse("t.yaml", b.s, b.len, &r);
	cap_end();
	unsigned long n = hwk_yaml_key_compares() - before;
	if (rc == 0)
		hwk_ynode_free(r);
	hwk_buf_free(&b);
	return (rc == 0) == !dup ? n : 0;
}

static void test_many_keys(void)
{
	hwk_buf big = {0};
	for (int i = 0; i < 40000; i++)
		hwk_buf_printf(&big, "k%d: %d\n", i, i);
	hwk_ynode *r;
	is_int(hwk_yaml_parse("t.yaml", big.s, big.len, &r), 0, "a 40000-key mapping parses");
	is_int(r ? r->n : 0, 80000, "with all its keys");
	is_str(r && r->n == 80000 ? r->items[79999]->str : NULL, "39999", "the last value");
	hwk_ynode_free(r);
	hwk_buf_free(&big);

	static const int sizes[] = {17, 100, 5000, 40000};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		for (int dup = 0; dup <= 1; dup++) {
			int n = sizes[i] + dup;
			unsigned long c = compares_for(sizes[i], dup);
			unsigned long lg = 0;
			while ((1ul << lg) < (unsigned long)n)
				lg++;
			/* read twice when there is a duplicate (the fast reader, then libyaml) */
			unsigned long bound = 2 * (unsigned long)n * lg;
			fprintf(stderr, "# %d keys%s: %lu comparisons\n", n, dup ? " (one twice)" : "", c);
			ok(c > 0 && c <= bound, "%d keys%s: checked in %lu comparisons, at most 2 n log2 n = %lu",
			   n, dup ? ", one of them twice" : "", c, bound);
		}
	}
	/* a small mapping, pair by pair: 16 keys, 120 pairs */
	is_int(compares_for(16, 0), 16 * 15 / 2, "16 keys: every pair once (120 comparisons)");
}

static void test_utf8(void)
{
	/* the bad byte 0xff is at offset 8: line 2 ("c: " before it), column 4 */
	refused_s("invalid UTF-8", "a: b\nc: \xff\n", "hwk: t.yaml:2:4: invalid leading UTF-8 octet\n");
	/* "k: é" is 5 bytes but 4 characters: the bad byte is in column 5 */
	refused_s("invalid UTF-8 after a 2-byte character", "k: \xc3\xa9\xff\n",
		  "hwk: t.yaml:1:5: invalid leading UTF-8 octet\n");
	/* the place of a bad continuation byte is that byte: '(' after the lead byte 0xc3
	 * (which counts as a character), column 5 */
	refused_s("bad continuation byte", "k: \xc3(\n", "hwk: t.yaml:1:5: invalid trailing UTF-8 octet\n");
	refused_s("truncated sequence at the end", "k: x\xc3",
		  "hwk: t.yaml:1:5: incomplete UTF-8 octet sequence\n");
	/* after multi-byte text on line 2, an overlong 0xc0 0xaf ('/') on line 3 after "c: " */
	refused_s("overlong encoding on line 3", "a: 1\nb: \xe6\x97\xa5\xe6\x9c\xac\nc: \xc0\xaf\n",
		  "hwk: t.yaml:3:4: invalid length of a UTF-8 sequence\n");
	/* a UTF-16 surrogate encoded in UTF-8 (0xed 0xa0 0x80) */
	refused_s("surrogate", "k: \xed\xa0\x80\n", "hwk: t.yaml:1:4: invalid Unicode character\n");
	/* a raw NUL byte and a control character, placed at their offset (column 5) */
	refused("a raw NUL byte", "a: x\0y\n", 7, "hwk: t.yaml:1:5: control characters are not allowed\n");
	refused_s("a raw control character", "a: x\x01y\n",
		  "hwk: t.yaml:1:5: control characters are not allowed\n");
	/* CRLF line ends: the CR is the last character of line 1, line 2 counts from 1 */
	refused_s("invalid UTF-8 after CRLF", "a: 1\r\nb: \xff\r\n",
		  "hwk: t.yaml:2:4: invalid leading UTF-8 octet\n");
	hwk_ynode *r;
	is_int(parse("\xef\xbb\xbf" "a: 1\n", &r), 0, "a byte order mark is allowed");
	is_str(r && r->n ? r->items[0]->str : NULL, "a", "the BOM is not part of the first key");
	hwk_ynode_free(r);
	is_int(parse("k: \xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x99\x82\n", &r), 0, "valid UTF-8 parses");
	is_str(r ? hwk_ymap_get(r, "k")->str : NULL, "\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x99\x82",
	       "valid UTF-8 text kept");
	hwk_ynode_free(r);
}

static void test_size(void)
{
	size_t max = HWK_YAML_MAX_BYTES;
	char *big = malloc(max + 1);
	/* a comment line filling exactly the limit: accepted, empty document */
	memset(big, 'x', max + 1);
	big[0] = '#';
	big[max - 1] = '\n';
	hwk_ynode *r = (hwk_ynode *)1;
	is_int(hwk_yaml_parse("t.yaml", big, max, &r), 0, "exactly 1 MiB is accepted");
	ok(r == NULL, "1 MiB of comment: empty");
	refused("one byte over 1 MiB", big, max + 1,
		"hwk: t.yaml: file is larger than 1048576 bytes\n");
	free(big);
}

/* Loading path fails with "hwk: PATH" err as its message. */
static void load_fails(const char *path, hwk_ynode **r, const char *err, const char *file,
		       const char *msg_what)
{
	cap_start();
	int rc = hwk_yaml_load(path, r);
	const char *msg = cap_end();
	char *want = hwk_xasprintf("hwk: %s%s\n", path, err);
	is_int(rc, -1, "load: %s fails", file);
	is_str(msg, want, "load: %s", msg_what);
	free(want);
}

static void test_load(void)
{
	char dir[] = "/tmp/hwk-ydoc-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(2);
	}
	char *good = hwk_xasprintf("%s/good.yaml", dir);
	char *bad = hwk_xasprintf("%s/bad.yaml", dir);
	char *big = hwk_xasprintf("%s/big.yaml", dir);
	char *none = hwk_xasprintf("%s/none.yaml", dir);
	tu_write_file(good, "a: 1\n", 5);
	tu_write_file(bad, "a: 1\na: 2\n", 10);
	size_t n = HWK_YAML_MAX_BYTES + 1;
	char *data = malloc(n);
	memset(data, '#', n);
	tu_write_file(big, data, n);
	free(data);

	hwk_ynode *r;
	is_int(hwk_yaml_load(good, &r), 0, "load: a good file");
	is_str(r ? hwk_ymap_get(r, "a")->str : NULL, "1", "load: its value");
	hwk_ynode_free(r);

	load_fails(bad, &r, ":2:1: duplicate key 'a'", "a bad file", "message names the path");
	load_fails(big, &r, ": file is larger than 1048576 bytes", "an over-size file",
		   "over-size message");
	ok(r == NULL, "load: no tree");
	load_fails(none, &r, ": No such file or directory", "a missing file", "missing file message");

	unlink(good);
	unlink(bad);
	unlink(big);
	rmdir(dir);
	free(good);
	free(bad);
	free(big);
	free(none);
}

static void test_ynull(void)
{
	hwk_ynode *r;
	is_int(parse("a:\nb: ~\nc: null\nd: ''\ne: 'null'\nf: x\ng: []\nh: \"~\"\n", &r), 0,
	       "ynull doc parses");
	ok(hwk_ynull(NULL), "NULL is null");
	ok(hwk_ynull(hwk_ymap_get(r, "a")), "empty plain is null");
	ok(hwk_ynull(hwk_ymap_get(r, "b")), "~ is null");
	ok(hwk_ynull(hwk_ymap_get(r, "c")), "null is null");
	ok(!hwk_ynull(hwk_ymap_get(r, "d")), "'' (quoted) is not null");
	ok(!hwk_ynull(hwk_ymap_get(r, "e")), "'null' (quoted) is not null");
	ok(!hwk_ynull(hwk_ymap_get(r, "f")), "x is not null");
	ok(!hwk_ynull(hwk_ymap_get(r, "g")), "[] is not null");
	ok(!hwk_ynull(hwk_ymap_get(r, "h")), "\"~\" is not null");
	hwk_ynode_free(r);
}

static void test_getters(void)
{
	hwk_ynode *r;
	const char *doc = "id: x1\n"        /* 1 */
			  "n: 12\n"         /* 2 */
			  "list: [a]\n"     /* 3: the list at 3:7 */
			  "nothing: ~\n"    /* 4 */
			  "empty: ''\n";    /* 5 */
	is_int(parse(doc, &r), 0, "getter doc parses");
	char *s = NULL;
	is_int(hwk_yget_str("t.yaml", r, "id", 1, &s), 0, "yget_str id");
	is_str(s, "x1", "id is x1");
	is_int(hwk_yget_str("t.yaml", r, "n", 1, &s), 0, "yget_str of a number");
	is_str(s, "12", "a number read as text (the old value replaced)");
	is_int(hwk_yget_str("t.yaml", r, "empty", 1, &s), 0, "yget_str of ''");
	is_str(s, "", "'' is the empty text");
	free(s);

	s = hwk_xstrdup("keep");
	is_int(hwk_yget_str("t.yaml", r, "absent", 0, &s), 0, "optional absent key: 0");
	is_str(s, "keep", "optional absent key leaves the value");
	is_int(hwk_yget_str("t.yaml", r, "nothing", 0, &s), 0, "optional null key: 0");
	is_str(s, "keep", "optional null key leaves the value");

	cap_start();
	int rc = hwk_yget_str("t.yaml", r, "absent", 1, &s);
	is_str(cap_end(), "hwk: t.yaml:1:1: 'absent' is missing\n",
	       "required absent key: placed at the map");
	is_int(rc, -1, "required absent key: -1");
	cap_start();
	rc = hwk_yget_str("t.yaml", r, "nothing", 1, &s);
	is_str(cap_end(), "hwk: t.yaml:1:1: 'nothing' is missing\n", "required null key is missing");
	is_int(rc, -1, "required null key: -1");
	cap_start();
	rc = hwk_yget_str("t.yaml", r, "list", 0, &s);
	is_str(cap_end(), "hwk: t.yaml:3:7: 'list' must be text\n", "a list where text is wanted");
	is_int(rc, -1, "a list for text: -1");
	is_str(s, "keep", "value untouched after an error");
	free(s);
	hwk_ynode_free(r);

	/* booleans */
	const char *bdoc = "t: true\n"     /* 1 */
			   "y: yes\n"      /* 2 */
			   "f: false\n"    /* 3 */
			   "n: no\n"       /* 4 */
			   "q: 'true'\n"   /* 5: value at 5:4 */
			   "x: maybe\n"    /* 6 */
			   "m: [1]\n"      /* 7 */
			   "z: ~\n";       /* 8 */
	is_int(parse(bdoc, &r), 0, "bool doc parses");
	int b = -1;
	is_int(hwk_yget_bool("t.yaml", r, "t", &b), 0, "true");
	is_int(b, 1, "true is 1");
	b = -1;
	hwk_yget_bool("t.yaml", r, "y", &b);
	is_int(b, 1, "yes is 1");
	b = -1;
	hwk_yget_bool("t.yaml", r, "f", &b);
	is_int(b, 0, "false is 0");
	b = -1;
	hwk_yget_bool("t.yaml", r, "n", &b);
	is_int(b, 0, "no is 0");
	b = 7;
	is_int(hwk_yget_bool("t.yaml", r, "z", &b), 0, "null bool: 0");
	is_int(b, 7, "null bool leaves the value");
	is_int(hwk_yget_bool("t.yaml", r, "absent", &b), 0, "absent bool: 0");
	is_int(b, 7, "absent bool leaves the value");
	cap_start();
	rc = hwk_yget_bool("t.yaml", r, "q", &b);
	is_str(cap_end(), "hwk: t.yaml:5:4: 'q' must be true or false\n", "quoted 'true' is text");
	is_int(rc, -1, "quoted 'true': -1");
	cap_start();
	rc = hwk_yget_bool("t.yaml", r, "x", &b);
	is_str(cap_end(), "hwk: t.yaml:6:4: 'x' must be true or false\n", "maybe is not a bool");
	is_int(rc, -1, "maybe: -1");
	cap_start();
	rc = hwk_yget_bool("t.yaml", r, "m", &b);
	is_str(cap_end(), "hwk: t.yaml:7:4: 'm' must be true or false\n", "a list is not a bool");
	is_int(rc, -1, "list bool: -1");
	is_int(b, 7, "value untouched after errors");
	hwk_ynode_free(r);

	/* numbers */
	const char *ndoc = "a: 12\n"    /* 1 */
			   "b: -3.5\n"  /* 2 */
			   "c: 1e3\n"   /* 3: value at 3:4 */
			   "d: abc\n"   /* 4 */
			   "e: '7'\n"   /* 5 */
			   "f: [1]\n"   /* 6 */
			   "g:\n";      /* 7 */
	is_int(parse(ndoc, &r), 0, "number doc parses");
	int has = 0;
	double v = 0;
	is_int(hwk_yget_num("t.yaml", r, "a", &has, &v), 0, "12");
	ok(has == 1 && v == 12.0, "12 read as 12");
	has = 0;
	is_int(hwk_yget_num("t.yaml", r, "b", &has, &v), 0, "-3.5");
	ok(has == 1 && v == -3.5, "-3.5 read as -3.5");
	has = 0;
	is_int(hwk_yget_num("t.yaml", r, "e", &has, &v), 0, "'7' (quoted digits)");
	ok(has == 1 && v == 7.0, "'7' read as 7");
	has = 0;
	v = 99;
	is_int(hwk_yget_num("t.yaml", r, "g", &has, &v), 0, "null number: 0");
	ok(has == 0 && v == 99, "null number: has stays 0, value untouched");
	is_int(hwk_yget_num("t.yaml", r, "absent", &has, &v), 0, "absent number: 0");
	ok(has == 0 && v == 99, "absent number: has stays 0");
	cap_start();
	rc = hwk_yget_num("t.yaml", r, "c", &has, &v);
	is_str(cap_end(), "hwk: t.yaml:3:4: 'c' must be a number\n", "1e3 is not a plain decimal");
	is_int(rc, -1, "1e3: -1");
	cap_start();
	rc = hwk_yget_num("t.yaml", r, "d", &has, &v);
	is_str(cap_end(), "hwk: t.yaml:4:4: 'd' must be a number\n", "abc is not a number");
	is_int(rc, -1, "abc: -1");
	cap_start();
	rc = hwk_yget_num("t.yaml", r, "f", &has, &v);
	is_str(cap_end(), "hwk: t.yaml:6:4: 'f' must be a number\n", "a list is not a number");
	is_int(rc, -1, "list number: -1");
	ok(has == 0 && v == 99, "errors leave has and the value");
	hwk_ynode_free(r);

	/* check_keys */
	is_int(parse("id: 1\ntype: x\ncolour: red\n", &r), 0, "keys doc parses");
	static const char *const some[] = {"id", "type", NULL};
	static const char *const all[] = {"type", "colour", "id", NULL};
	is_int(hwk_ycheck_keys("t.yaml", r, all), 0, "all keys known");
	cap_start();
	rc = hwk_ycheck_keys("t.yaml", r, some);
	is_str(cap_end(), "hwk: t.yaml:3:1: unknown key 'colour'\n", "unknown key placed at the key");
	is_int(rc, -1, "unknown key: -1");

	/* yerr with and without a node */
	cap_start();
	rc = hwk_yerr("t.yaml", hwk_ymap_get(r, "type"), "'%s' is odd", "type");
	is_str(cap_end(), "hwk: t.yaml:2:7: 'type' is odd\n", "yerr at a node");
	is_int(rc, -1, "yerr returns -1");
	cap_start();
	hwk_yerr("t.yaml", NULL, "no place");
	is_str(cap_end(), "hwk: t.yaml: no place\n", "yerr without a node: no line");
	hwk_ynode_free(r);

	/* with a command set the prefix names it */
	hwk_err_setcmd("log");
	refused_s("with a command set", "a: 1\na: 2\n", "hwk log: t.yaml:2:1: duplicate key 'a'\n");
	hwk_err_setcmd(NULL);
}

/* ---- writing ---- */

static char *emit_seq_of(const char *s)
{
	hwk_buf b = {0};
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_seq_start(w);
	hwk_yw_str(w, s);
	hwk_yw_seq_end(w);
	hwk_yw_end(w);
	return b.s;
}

/* s as the one item of a sequence is written as want */
static void emits(const char *s, const char *want, const char *what)
{
	char *got = emit_seq_of(s);
	is_str(got, want, "%s", what);
	free(got);
}

static void test_writer_exact(void)
{
	hwk_buf b = {0};
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	hwk_yw_kv(w, "id", "2026-11-27-sleep-ab12");
	hwk_yw_kv_plain(w, "start", "2026-11-27");
	hwk_yw_kv(w, "until", NULL); /* left out */
	hwk_yw_kv_plain(w, "max", NULL); /* left out */
	hwk_yw_kv(w, "title", "Sleep diary");
	hwk_yw_str(w, "fields");
	hwk_yw_seq_start(w);
	hwk_yw_map_start(w);
	hwk_yw_kv(w, "name", "bed");
	hwk_yw_kv(w, "type", "time");
	hwk_yw_kv_plain(w, "required", "true");
	hwk_yw_map_end(w);
	hwk_yw_map_start(w);
	hwk_yw_kv(w, "name", "sol");
	hwk_yw_kv_plain(w, "min", "0");
	hwk_yw_kv_plain(w, "max", "720");
	hwk_yw_str(w, "choices");
	hwk_yw_seq_start(w);
	hwk_yw_str(w, "a");
	hwk_yw_str(w, "yes");
	hwk_yw_seq_end(w);
	hwk_yw_map_end(w);
	hwk_yw_seq_end(w);
	hwk_yw_str(w, "history");
	hwk_yw_seq_start(w);
	hwk_yw_seq_end(w);
	hwk_yw_str(w, "nested");
	hwk_yw_map_start(w);
	hwk_yw_str(w, "deeper");
	hwk_yw_map_start(w);
	hwk_yw_kv(w, "k", "v");
	hwk_yw_map_end(w);
	hwk_yw_str(w, "list");
	hwk_yw_seq_start(w);
	hwk_yw_seq_start(w);
	hwk_yw_str(w, "x");
	hwk_yw_seq_end(w);
	hwk_yw_seq_end(w);
	hwk_yw_map_end(w);
	hwk_yw_kv(w, "instructions", "Fill it in within an hour of getting up.\nThen rest.\n");
	hwk_yw_map_end(w);
	is_int(hwk_yw_end(w), 0, "writer: end ok");
	/* block style, sequences under a key not indented, 2-space maps, no --- or ... */
	is_str(b.s,
	       "id: 2026-11-27-sleep-ab12\n"
	       "start: 2026-11-27\n"
	       "title: Sleep diary\n"
	       "fields:\n"
	       "- name: bed\n"
	       "  type: time\n"
	       "  required: true\n"
	       "- name: sol\n"
	       "  min: 0\n"
	       "  max: 720\n"
	       "  choices:\n"
	       "  - a\n"
	       "  - 'yes'\n"
	       "history: []\n"
	       "nested:\n"
	       "  deeper:\n"
	       "    k: v\n"
	       "  list:\n"
	       "  - - x\n"
	       "instructions: |\n"
	       "  Fill it in within an hour of getting up.\n"
	       "  Then rest.\n",
	       "writer: exact nested output");
	hwk_buf_free(&b);

	/* appending to a buffer that already holds a comment line */
	hwk_buf_adds(&b, "# a comment\n");
	w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	hwk_yw_kv(w, "a", "b");
	hwk_yw_map_end(w);
	hwk_yw_end(w);
	is_str(b.s, "# a comment\na: b\n", "writer appends after what the buffer holds");
	hwk_buf_free(&b);

	/* misuse is reported, not crashed on */
	w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	hwk_yw_str(w, "k");
	hwk_yw_seq_end(w); /* no sequence is open */
	hwk_yw_map_end(w);
	cap_start();
	int rc = hwk_yw_end(w);
	const char *msg = cap_end();
	is_int(rc, -1, "writer misuse: -1");
	is_str(msg,
	       "hwk: internal error writing YAML: expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS\n",
	       "writer misuse: libyaml's complaint, reported");
	hwk_buf_free(&b);
}

static void test_looks_typed(void)
{
	static const char *const typed[] = {
		"", "yes", "No", "~", "null", "123", "-3", "0x1f", "1.5", "21:30", "2026-11-27",
		".inf", "y", "N", "on", "OFF", "True", "false", "NULL", "-.inf", ".NaN", "+1",
		"1_000", "1e3", "0o17", "0b101", "2026-11-27T09:00:00+01:00", "2026-11-27 09:00",
		"<<", "=", NULL,
	};
	static const char *const plain[] = {
		"alex", "2026-11-27-sleep-ab12", "hello world", "sleep", "yesterday", "nope",
		"3/week", "mon,wed,fri", "0xg", "12 apples", "v1.5", "2026-W48", "Sleep diary", NULL,
	};
	for (const char *const *s = typed; *s; s++)
		is_int(hwk_yaml_looks_typed(*s), 1, "'%s' looks typed", *s);
	for (const char *const *s = plain; *s; s++)
		is_int(hwk_yaml_looks_typed(*s), 0, "'%s' does not look typed", *s);

	/* and the writer quotes exactly those */
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"", "- ''\n"},
		{"yes", "- 'yes'\n"},
		{"No", "- 'No'\n"},
		{"~", "- '~'\n"},
		{"null", "- 'null'\n"},
		{"123", "- '123'\n"},
		{"-3", "- '-3'\n"},
		{"0x1f", "- '0x1f'\n"},
		{"1.5", "- '1.5'\n"},
		{"21:30", "- '21:30'\n"},
		{"2026-11-27", "- '2026-11-27'\n"},
		{".inf", "- '.inf'\n"},
		{"alex", "- alex\n"},
		{"2026-11-27-sleep-ab12", "- 2026-11-27-sleep-ab12\n"},
		{"hello world", "- hello world\n"},
		{"it's", "- it's\n"},
		{"a: b", "- 'a: b'\n"},
		{"# x", "- '# x'\n"},
		{"\xc3\xa9t\xc3\xa9 \xe6\x97\xa5", "- \xc3\xa9t\xc3\xa9 \xe6\x97\xa5\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = emit_seq_of(cases[i].in);
		is_str(got, cases[i].out, "writer: '%s'", cases[i].in);
		free(got);
	}

	/* typed values written plain come back plain; strings come back quoted */
	hwk_buf b = {0};
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	hwk_yw_kv_plain(w, "num", "720");
	hwk_yw_kv(w, "str", "720");
	hwk_yw_kv_plain(w, "bool", "true");
	hwk_yw_kv(w, "text", "true");
	hwk_yw_kv(w, "n", "a key that looks typed is quoted too");
	hwk_yw_map_end(w);
	hwk_yw_end(w);
	is_str(b.s, "num: 720\nstr: '720'\nbool: true\ntext: 'true'\n'n': a key that looks typed is quoted too\n",
	       "kv_plain vs kv");
	hwk_ynode *r;
	is_int(parse(b.s, &r), 0, "kv_plain output parses");
	is_int(hwk_ymap_get(r, "num")->plain, 1, "plain number stays plain");
	is_int(hwk_ymap_get(r, "str")->plain, 0, "number-like string stays quoted");
	is_int(hwk_ymap_get(r, "bool")->plain, 1, "plain bool stays plain");
	is_int(hwk_ymap_get(r, "text")->plain, 0, "bool-like string stays quoted");
	hwk_ynode_free(r);
	hwk_buf_free(&b);
}

static void test_literal(void)
{
	emits("one\ntwo\n", "- |\n  one\n  two\n", "multi-line text: literal block");
	emits("one\ntwo", "- |-\n  one\n  two\n", "no final line end: |-");
	/* kept final line ends: libyaml closes the open-ended block with "..." */
	emits("one\n\n\n", "- |+\n  one\n\n\n...\n", "extra final line ends: |+");
	emits("  indented\nnext\n", "- |2\n    indented\n  next\n",
	      "leading spaces: indentation indicator");

	hwk_buf b = {0};
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	hwk_yw_kv(w, "instructions", "Step 1: breathe.\n- then count # to 10\n");
	hwk_yw_map_end(w);
	hwk_yw_end(w);
	is_str(b.s, "instructions: |\n  Step 1: breathe.\n  - then count # to 10\n",
	       "literal block keeps ': ', '- ' and '#' as text");
	hwk_buf_free(&b);
}

/* UTF-8 is written unescaped, except what libyaml will not (BUGS in hwk(5)). */
static void test_unescaped(void)
{
	/* libyaml 0.2.5 escapes every character outside the BMP (upstream issue #279): the
	 * text reads back the same, only less nicely; see BUGS in hwk(5) */
	emits("emoji \xf0\x9f\x99\x82", "- \"emoji \\U0001F642\"\n",
	      "an emoji is escaped, as libyaml does (issue #279)");
	emits("caf\xc3\xa9 \xe2\x82\xac", "- caf\xc3\xa9 \xe2\x82\xac\n", "BMP text is written as UTF-8");
}

static void test_round_trip(void)
{
	static const char *const strs[] = {
		" leading space", "trailing space ", "  both  ", " ", "\t", "a: b", "a:b", "key:",
		":colon", "# x", "x # y", "x#y", "'single'", "\"double\"", "it's", "say \"hi\"",
		"'", "\"", "''", "tab\there", "\tlead tab", "trail tab\t", "cr\rhere", "crlf\r\nline",
		"\r", "line\nbreak", "line\nbreak\n", "\nleading newline", "trailing\n\n\n", "\n",
		"\n\n", "  indented\nblock\n", "last line  \nspaces", "emoji \xf0\x9f\x99\x82 ok",
		"\xf0\x9f\x98\x80", "u2028 \xe2\x80\xa8 sep", "u2029 \xe2\x80\xa9 sep",
		"nel \xc2\x85 x", "bom \xef\xbb\xbf x", "nbsp\xc2\xa0x", "del \x7f x", "esc \x1b[31m red",
		"bell \x07", "- dash", "-", "--- doc", "...", "? q", "[flow]", "{map}", "a, b", "@at",
		"`bt", "%pct", "!bang", "&amp", "*star", "|pipe", ">gt", "yes", "no", "~", "null", "",
		"2026-11-27", "21:30", "0o17", "1_000", "-3", "+3", ".5", "1.", "0x", "<<", "=",
		"\\backslash\\n", "a\\tb", "very long " "line that goes on and on beyond any folding "
		"width, eighty columns and more, so that no reader would ever fold it into two",
		"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "mixed\n\ttab in block\n", " \n ",
		"x\n  y\n    z", NULL,
	};
	hwk_buf b = {0};
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	size_t n = 0;
	for (const char *const *s = strs; *s; s++, n++) {
		char key[32];
		snprintf(key, sizeof key, "k%zu", n);
		hwk_yw_kv(w, key, *s);
	}
	hwk_yw_str(w, "list");
	hwk_yw_seq_start(w);
	for (const char *const *s = strs; *s; s++)
		hwk_yw_str(w, *s);
	hwk_yw_seq_end(w);
	hwk_yw_map_end(w);
	is_int(hwk_yw_end(w), 0, "round trip: written");
	hwk_ynode *r = NULL;
	cap_start();
	int rc = hwk_yaml_parse("rt.yaml", b.s, b.len, &r);
	const char *msg = cap_end();
	is_int(rc, 0, "round trip: read back");
	is_str(msg, "", "round trip: no message");
	ok(hwk_utf8_valid(b.s, b.len), "round trip: the file is valid UTF-8");
	hwk_ynode *list = hwk_ymap_get(r, "list");
	for (size_t i = 0; i < n; i++) {
		char key[32];
		snprintf(key, sizeof key, "k%zu", i);
		hwk_ynode *v = hwk_ymap_get(r, key);
		is_str(v && v->kind == HWK_Y_SCALAR ? v->str : NULL, strs[i],
		       "round trip as a value: string %zu", i);
		v = list && i < list->n ? list->items[i] : NULL;
		is_str(v && v->kind == HWK_Y_SCALAR ? v->str : NULL, strs[i],
		       "round trip as an item: string %zu", i);
	}
	is_int(list ? list->n : 0, n, "round trip: as many items");
	hwk_ynode_free(r);
	hwk_buf_free(&b);
}

int main(void)
{
	hwk_err_setcmd(NULL);
	test_tree();
	test_empty();
	test_refusals();
	test_depth();
	test_billion_laughs();
	test_many_keys();
	test_utf8();
	test_size();
	test_load();
	test_ynull();
	test_getters();
	test_writer_exact();
	test_looks_typed();
	test_literal();
	test_unescaped();
	test_round_trip();
	return tap_done();
}
