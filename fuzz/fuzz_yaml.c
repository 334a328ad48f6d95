/* YAML reader differential: the fast reader either declines or builds exactly libyaml's
 * tree (kinds, texts, plain flags, lines and columns). Whatever libyaml reads is then
 * written back by hwk's writer, which must give a file both readers read back (alike)
 * to the same texts: the writer never writes what the readers refuse. */
#include "fuzz.h"

#include <string.h>

#include "util.h"
#include "ydoc.h"

static const char *same(const hwk_ynode *a, const hwk_ynode *b, int marks)
{
	if (!a || !b)
		return a == b ? NULL : "one tree is empty";
	if (a->kind != b->kind)
		return "kinds differ";
	if (a->n != b->n)
		return "sizes differ";
	if (!hwk_streq(a->str, b->str))
		return "texts differ";
	if (marks && (a->plain != b->plain || a->line != b->line || a->col != b->col))
		return "plain flags or marks differ";
	for (size_t i = 0; i < a->n; i++) {
		const char *why = same(a->items[i], b->items[i], marks);
		if (why)
			return why;
	}
	return NULL;
}

static void write_node(hwk_yw *w, const hwk_ynode *n)
{
	if (n->kind == HWK_Y_SCALAR) {
		hwk_yw_str(w, n->str);
		return;
	}
	if (n->kind == HWK_Y_MAP)
		hwk_yw_map_start(w);
	else
		hwk_yw_seq_start(w);
	for (size_t i = 0; i < n->n; i++)
		write_node(w, n->items[i]);
	if (n->kind == HWK_Y_MAP)
		hwk_yw_map_end(w);
	else
		hwk_yw_seq_end(w);
}

/* fast against libyaml on text; returns libyaml's tree (or NULL after its refusal) */
static hwk_ynode *differ(const char *text, size_t len, int *rc)
{
	hwk_ynode *fast = NULL, *slow = NULL;
	int took = hwk_yaml_parse_fast(text, len, &fast);
	*rc = hwk_yaml_parse_libyaml("f.yaml", text, len, &slow);
	if (took) {
		FUZZ_CHECK(*rc == 0, "the fast reader took a text libyaml refuses");
		const char *why = same(fast, slow, 1);
		FUZZ_CHECK(!why, "the fast reader and libyaml disagree: %s", why);
	}
	hwk_ynode_free(fast);
	return slow;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	if (size > 1 << 16)
		return 0;
	int rc;
	hwk_ynode *tree = differ((const char *)data, size, &rc);
	/* hwk_yaml_parse (fast first, then libyaml) says the same as libyaml */
	hwk_ynode *any = NULL;
	int rc2 = hwk_yaml_parse("f.yaml", (const char *)data, size, &any);
	if (hwk_conflict_line((const char *)data, size)) {
		/* git's conflict markers: refused on purpose, whatever libyaml makes of them */
		FUZZ_CHECK(rc2 == -1 && !any, "hwk_yaml_parse took a file with a conflict marker");
	} else {
		FUZZ_CHECK(rc2 == rc, "hwk_yaml_parse %d, libyaml %d", rc2, rc);
		FUZZ_CHECK(!same(any, tree, 1), "hwk_yaml_parse and libyaml give different trees");
	}
	hwk_ynode_free(any);
	if (rc == 0 && tree) {
		hwk_buf out = {0};
		hwk_yw *w = hwk_yw_new(&out);
		write_node(w, tree);
		FUZZ_CHECK(hwk_yw_end(w) == 0, "the writer failed on a tree libyaml read");
		int rc3;
		hwk_ynode *back = differ(out.s, out.len, &rc3);
		FUZZ_CHECK(rc3 == 0, "the writer wrote what libyaml refuses:\n%s", out.s);
		FUZZ_CHECK(!hwk_conflict_line(out.s, out.len),
			   "the writer wrote a line read as a git conflict marker:\n%s", out.s);
		const char *why = same(tree, back, 0);
		FUZZ_CHECK(!why, "written and read back, the tree changed (%s):\n%s", why, out.s);
		hwk_ynode_free(back);
		hwk_buf_free(&out);
	}
	hwk_ynode_free(tree);
	return 0;
}
