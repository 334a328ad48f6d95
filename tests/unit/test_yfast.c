/* Unit tests for the fast reader in lib/ydoc.c: on every file of the example practice
 * and on thousands of generated documents written by hwk's own YAML writer, it must
 * either give up or build exactly the tree libyaml builds (kinds, texts, plain flags,
 * lines and columns); on the files hwk writes it must not give up. */
#define _GNU_SOURCE

#include "assignment.h"
#include "capture.h"
#include "err.h"
#include "text.h"
#include "tap.h"
#include "testutil.h"
#include "util.h"
#include "ydoc.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static int same(const hwk_ynode *a, const hwk_ynode *b, char *why, size_t n)
{
	if (!a || !b) {
		if (a != b)
			snprintf(why, n, "one tree is empty");
		return a == b;
	}
	if (a->kind != b->kind || a->n != b->n || a->plain != b->plain || a->line != b->line ||
	    a->col != b->col || !hwk_streq(a->str, b->str)) {
		snprintf(why, n, "at %zu:%zu vs %zu:%zu: kind %d/%d n %zu/%zu plain %d/%d '%s'/'%s'",
			 a->line, a->col, b->line, b->col, a->kind, b->kind, a->n, b->n, a->plain,
			 b->plain, a->str ? a->str : "", b->str ? b->str : "");
		return 0;
	}
	for (size_t i = 0; i < a->n; i++)
		if (!same(a->items[i], b->items[i], why, n))
			return 0;
	return 1;
}

/* 1: the fast reader took it and agrees; 0: it gave up; -1: it disagrees. */
static int compare(const char *name, const char *text, size_t len, char *why, size_t n)
{
	hwk_ynode *fast, *slow;
	if (!hwk_yaml_parse_fast(text, len, &fast))
		return 0;
	int ok = hwk_yaml_parse_libyaml(name, text, len, &slow) == 0 && same(fast, slow, why, n);
	hwk_ynode_free(fast);
	hwk_ynode_free(slow);
	return ok ? 1 : -1;
}

/* Every .yaml under dir. */
static void walk(const char *dir, size_t *taken, size_t *files, size_t *wrong)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path = hwk_xasprintf("%s/%s", dir, e->d_name);
		size_t n = strlen(e->d_name);
		if (e->d_type == DT_DIR) {
			walk(path, taken, files, wrong);
		} else if (n > 5 && !strcmp(e->d_name + n - 5, ".yaml")) {
			hwk_buf b = {0};
			char why[512] = "";
			if (hwk_read_file(path, HWK_YAML_MAX_BYTES, &b) == 0) {
				int r = compare(path, b.s, b.len, why, sizeof why);
				++*files;
				*taken += r == 1;
				if (r < 0) {
					++*wrong;
					fprintf(stderr, "# %s: %s\n", path, why);
				}
			}
			hwk_buf_free(&b);
		}
		free(path);
	}
	if (d)
		closedir(d);
}

static uint64_t rng = 88172645463325252ULL;
static unsigned next(void)
{
	return (unsigned)tu_rand64(&rng);
}

/* A random text: mostly words, sometimes YAML's special characters and forms. */
static char *random_text(void)
{
	static const char *const parts[] = {
		"sleep", "on waking", " ", ":", ": ", "#", " #x", "'", "''", "\"", "-", "- ",
		"[", "]", "{", "}", ",", "?", "!", "&", "*", "|", ">", "%", "@", "`", "caf\xc3\xa9",
		"\xe6\xbc\xa2", "21:30", "2026-11-27", "yes", "no", "null", "~", "-3", "1.5", "0x1f",
		"\n", "\t", "\r", "x", "a b", "true", "=", "<<", "\xf0\x9f\x99\x82",
	};
	hwk_buf b = {0};
	int k = (int)(next() % 4);
	for (int i = 0; i <= k; i++)
		hwk_buf_adds(&b, parts[next() % (sizeof parts / sizeof *parts)]);
	return b.s;
}

static void test_generated(void)
{
	size_t taken = 0, wrong = 0, docs = 3000;
	for (size_t i = 0; i < docs; i++) {
		hwk_buf out = {0};
		if (i % 2)
			hwk_buf_adds(&out, "# a comment first\n");
		hwk_yw *w = hwk_yw_new(&out);
		hwk_yw_map_start(w);
		int keys = 1 + (int)(next() % 5);
		for (int k = 0; k < keys; k++) {
			char key[16];
			snprintf(key, sizeof key, "k%d", k);
			hwk_yw_str(w, key);
			switch (next() % 4) {
			case 0: {
				char *t = random_text();
				hwk_yw_str(w, t);
				free(t);
				break;
			}
			case 1:
				hwk_yw_seq_start(w);
				for (int j = 0, m = (int)(next() % 3); j < m; j++) {
					char *t = random_text();
					hwk_yw_str(w, t);
					free(t);
				}
				hwk_yw_seq_end(w);
				break;
			case 2:
				hwk_yw_seq_start(w);
				for (int j = 0, m = 1 + (int)(next() % 3); j < m; j++) {
					hwk_yw_map_start(w);
					hwk_yw_kv(w, "name", "x");
					char *t = random_text();
					hwk_yw_kv(w, "text", t);
					free(t);
					hwk_yw_str(w, "list");
					hwk_yw_seq_start(w);
					hwk_yw_str(w, "a");
					hwk_yw_seq_end(w);
					hwk_yw_map_end(w);
				}
				hwk_yw_seq_end(w);
				break;
			default:
				hwk_yw_map_start(w);
				hwk_yw_kv_plain(w, "at", "2026-11-27T09:00:00+01:00");
				hwk_yw_kv(w, "v", "plain words");
				hwk_yw_map_end(w);
				break;
			}
		}
		hwk_yw_map_end(w);
		hwk_yw_end(w);
		char why[512] = "";
		int r = compare("gen.yaml", out.s, out.len, why, sizeof why);
		taken += r == 1;
		if (r < 0) {
			wrong++;
			fprintf(stderr, "# generated document %zu: %s\n%s", i, why, out.s);
		}
		hwk_buf_free(&out);
	}
	is_int(wrong, 0, "%zu documents written by hwk's YAML writer: the fast reader agrees with libyaml",
	       docs);
	ok(taken > docs / 4, "and it read many of them itself (%zu)", taken);
}

static void test_files(void)
{
	size_t taken = 0, files = 0, wrong = 0;
	walk("examples/practice/clients", &taken, &files, &wrong);
	ok(files >= 8, "the example practice has client and assignment files (%zu)", files);
	is_int(wrong, 0, "the fast reader agrees with libyaml on all of them");
	/* every file hwk wrote is of the subset */
	is_int(taken, files, "and reads every one of them itself");
	taken = files = 0;
	/* types/worry-time.yaml was written by hand, with a flow list: libyaml's */
	walk("examples/practice/types", &taken, &files, &wrong);
	is_int(wrong, 0, "it agrees or gives up on the hand-written type too");
}

static void test_refusals(void)
{
	static const char *const other[] = {
		"a: [1, 2]\n", "a: {b: c}\n", "a: |2\n   x\n", "a: |\n  x\n    \n", "a: \"q\"\n", "a: b # c\n",
		"a:\n", "a: b\r\n", "\tx: y\n", "- a\n", "a: &x b\n", "a: *x\n", "a: !!str b\n",
		"---\na: b\n", "a: b\n...\n", "a: b\n  c: d\n", "a: 'x\n  y'\n",
		"\357\273\277a: b\n", "a: b\na: c\n", "a: b:\n", "a: 'x'y\n",
	};
	for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
		hwk_ynode *r;
		int took = hwk_yaml_parse_fast(other[i], strlen(other[i]), &r);
		hwk_ynode_free(r);
		char *shown = hwk_xstrdup(other[i]);
		for (char *c = shown; *c; c++)
			if (*c == '\n' || *c == '\r' || *c == '\t')
				*c = '~';
		ok(!took, "left to libyaml: %s", shown);
		free(shown);
	}
	/* a key twice, in mappings checked pair by pair (up to 16 keys) and sorted (more),
	 * nested or not, first or last: left to libyaml, which says where */
	for (int keys = 2; keys <= 40; keys += keys < 20 ? 1 : 10) {
		for (int nested = 0; nested < 2; nested++) {
			for (int at = 0; at < 2; at++) {
				hwk_buf b = {0}, plain = {0};
				if (nested) {
					hwk_buf_adds(&b, "top:\n");
					hwk_buf_adds(&plain, "top:\n");
				}
				for (int k = 0; k < keys; k++) {
					/* the duplicate of k0: the second key, or the last one */
					int name = (at == 0 ? k == 1 : k == keys - 1) ? 0 : k;
					hwk_buf_printf(&b, "%sk%d: v\n", nested ? "  " : "", name);
					hwk_buf_printf(&plain, "%sk%d: v\n", nested ? "  " : "", k);
				}
				hwk_ynode *r;
				int took = hwk_yaml_parse_fast(b.s, b.len, &r);
				hwk_ynode_free(r);
				ok(!took, "left to libyaml: %d keys, %s, the duplicate %s", keys,
				   nested ? "nested" : "at the top", at ? "last" : "second");
				took = hwk_yaml_parse_fast(plain.s, plain.len, &r);
				ok(took && r && r->n == (size_t)(nested ? 2 : 2 * keys),
				   "taken with no duplicate: %d keys, %s", keys, nested ? "nested" : "at the top");
				hwk_ynode_free(r);
				hwk_buf_free(&b);
				hwk_buf_free(&plain);
			}
		}
	}
	/* literal blocks, as the writer makes them and as people might: the same as libyaml */
	static const char *const blocks[] = {
		"a: |\n  x\n", "a: |-\n  x\n  y\nb: c\n", "a: |+\n  x\n\n\nb: c\n",
		"a: |\n  x\n\n  y\n\n", "a: |-\n  x\n# not a comment? it ends the block\nb: c\n",
		"- a: |\n    x\n  b: c\n", "k:\n- a: |-\n    one\n\n    two\n  b: c\nz: d\n",
		"a: |\n    deeper\n  less\n", "a: |\n  x\n   # in it\nb: c\n",
		/* no line end after the last line: libyaml keeps none */
		"k: |\n  text", "k: |+\n  text", "k: |-\n  text", "k:\n- |\n  x\n  y",
		/* spaces alone before the first line: more than its indent is refused */
		"a: |-\n     \n  x\n", "a: |\n   \n  x\n", "a: |-\n  \n  x\n", "a: |-\n \n  x\n",
		"a: |-\n  x\n \nb: c\n", "a: |-\n  x\n  \n  y\n",
		/* spaces at the end with no line end: no line break for "+" to keep (fuzz) */
		"b: |+\n a: |-\n ", "b: |+\n  x\n\n  ", "b: |\n  x\n ",
	};
	for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++) {
		char why[512] = "";
		int r = compare("t.yaml", blocks[i], strlen(blocks[i]), why, sizeof why);
		char *shown = hwk_xstrdup(blocks[i]);
		for (char *c = shown; *c; c++)
			if (*c == '\n')
				*c = '~';
		ok(r >= 0, "literal block agrees or is left to libyaml: %s %s", shown, why);
		free(shown);
	}
}

/* A plain key of more than 1,024 characters is refused by libyaml: the fast reader must
 * not take it (nor a little shorter one, which hwk's writer never writes plain). */
static void test_long_keys(void)
{
	static const size_t lens[] = {128, 129, 1000, 1024, 1025, 1100, 5000};
	for (size_t i = 0; i < sizeof lens / sizeof *lens; i++) {
		for (int inseq = 0; inseq < 2; inseq++) {
			hwk_buf b = {0};
			hwk_buf_adds(&b, inseq ? "- " : "");
			for (size_t k = 0; k < lens[i]; k++)
				hwk_buf_addc(&b, 'k');
			hwk_buf_adds(&b, ": v\n");
			char why[512] = "";
			int r = compare("t.yaml", b.s, b.len, why, sizeof why);
			ok(r >= 0, "a key of %zu characters%s: agrees or left to libyaml %s", lens[i],
			   inseq ? " in a sequence" : "", why);
			hwk_buf_free(&b);
		}
	}
}

/* The writer never writes what the readers refuse: every odd kind of character, alone
 * and amid text, as a key and as a value of each writing function, is written, read
 * back by both readers alike, and gives the text back (invalid UTF-8 as U+FFFD). */
static void test_write_odd(void)
{
	static const char *const odd[] = {
		"\x01", "\x08", "\t", "\x0b", "\x0c", "\r", "\x1b", "\x1f", "\x7f",
		"\xc2\x80", "\xc2\x85", "\xc2\x9f", "\xc2\xa0", "\xe2\x80\xa8", "\xe2\x80\xa9",
		"\xe2\x80\xae", "\xef\xbb\xbf", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbf\xbd",
		"\xef\xb7\x90", "\xee\x80\x80", "\xf0\x90\x80\x80", "\xf0\x9f\x99\x82",
		"\xf4\x8f\xbf\xbf",
		/* not UTF-8: surrogates, over U+10FFFF, overlong, cut, lone bytes */
		"\xed\xa0\x80", "\xed\xbb\xbf", "\xed\xbf\xbf", "\xf4\x90\x80\x80",
		"\xc0\x80", "\xe0\x80\x80", "\xc3", "\xe2\x80", "\x80", "\xbf", "\xfe", "\xff",
	};
	static const char *const around[][2] = {
		{"", ""}, {"a ", " b"}, {"x", "\ny"}, {"- ", ""}, {"", ": "}, {"'", "'"}, {"\"", ""},
	};
	size_t bad = 0, tried = 0;
	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
		for (size_t j = 0; j < sizeof around / sizeof *around; j++)
			for (int how = 0; how < 4; how++) {
				char *t = hwk_xasprintf("%s%s%s", around[j][0], odd[i], around[j][1]);
				hwk_buf out = {0};
				hwk_yw *w = hwk_yw_new(&out);
				hwk_yw_map_start(w);
				if (how == 0) {
					hwk_yw_kv(w, "k", t);
				} else if (how == 1) {
					hwk_yw_str(w, "k");
					hwk_yw_text(w, t);
				} else if (how == 2) {
					hwk_yw_str(w, t); /* as a key */
					hwk_yw_str(w, "v");
				} else {
					hwk_yw_str(w, "k");
					hwk_yw_seq_start(w);
					hwk_yw_str(w, t);
					hwk_yw_seq_end(w);
				}
				hwk_yw_map_end(w);
				cap_start();
				int wrc = hwk_yw_end(w);
				hwk_ynode *slow = NULL;
				int rrc = wrc == 0 ? hwk_yaml_parse("w.yaml", out.s, out.len, &slow) : -1;
				const char *msg = cap_end();
				/* the text expected back */
				hwk_buf want = {0};
				for (const char *p = t; *p;) {
					size_t n = hwk_utf8_char(p, SIZE_MAX, NULL);
					if (n)
						hwk_buf_add(&want, p, n), p += n;
					else
						hwk_buf_adds(&want, "\xef\xbf\xbd"), p++;
				}
				const hwk_ynode *got = NULL;
				if (rrc == 0 && slow && slow->kind == HWK_Y_MAP && slow->n == 2)
					got = how == 2 ? slow->items[0]
					    : how == 3 ? (slow->items[1]->n == 1 ? slow->items[1]->items[0] : NULL)
					    : slow->items[1];
				char why[512] = "";
				int agree = wrc == 0 ? compare("w.yaml", out.s, out.len, why, sizeof why) : -1;
				tried++;
				if (wrc || rrc || *msg || !got || strcmp(got->str, want.s) || agree < 0) {
					if (bad++ < 5)
						fprintf(stderr, "# case %zu/%zu/%d: write %d read %d agree %d %s%s\n# %s\n",
							i, j, how, wrc, rrc, agree, msg, why, out.s ? out.s : "");
				}
				hwk_ynode_free(slow);
				hwk_buf_free(&want);
				hwk_buf_free(&out);
				free(t);
			}
	is_int(bad, 0, "%zu odd texts written (controls, C1, breaks, BOM, non-characters, "
		       "surrogates, bad UTF-8): each read back the same by both readers", tried);
}

int main(void)
{
	hwk_err_setcmd(NULL);
	test_long_keys();
	test_write_odd();
	test_files();
	test_generated();
	test_refusals();
	return tap_done();
}
