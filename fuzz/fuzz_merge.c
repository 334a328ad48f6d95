/* The merges of lib/merge.c on any three texts (ancestor, ours, theirs, split at NUL
 * bytes): the same outcome with the sides swapped, the same file when merged; a merged
 * file merged again with itself is unchanged, and a merged entries file reads whole. */
#include "fuzz.h"

#include <string.h>

#include "csvfile.h"
#include "merge.h"
#include "util.h"

typedef int merge_fn(const char *, size_t, const char *, size_t, const char *, size_t,
		     hwk_buf *, char **);

static void check(merge_fn *fn, const char *const p[3], const size_t n[3], int entries)
{
	hwk_buf m1 = {0}, m2 = {0}, m3 = {0};
	char *w1 = NULL, *w2 = NULL, *w3 = NULL;
	int r1 = fn(p[0], n[0], p[1], n[1], p[2], n[2], &m1, &w1);
	int r2 = fn(p[0], n[0], p[2], n[2], p[1], n[1], &m2, &w2);
	FUZZ_CHECK(r1 == r2, "swapping the sides changes the outcome (%d, %d)", r1, r2);
	FUZZ_CHECK((r1 == HWK_MERGE_CONFLICT) == (w1 != NULL), "a conflict without a reason");
	if (r1 == HWK_MERGE_OK) {
		FUZZ_CHECK(m1.len == m2.len && !memcmp(m1.s, m2.s, m1.len),
			   "swapping the sides changes the file");
		int r3 = fn(p[0], n[0], m1.s ? m1.s : "", m1.len, m1.s ? m1.s : "", m1.len, &m3,
			    &w3);
		FUZZ_CHECK(r3 == HWK_MERGE_OK && m3.len == m1.len &&
			   !memcmp(m3.s ? m3.s : "", m1.s ? m1.s : "", m1.len),
			   "merging the result with itself changes it");
		if (entries && m1.len) {
			hwk_csvr *r = hwk_csvr_mem(m1.s, m1.len, "merged", 1);
			hwk_strs rec = {0};
			size_t line;
			int rc;
			hwk_csvr_quiet(r);
			while ((rc = hwk_csvr_next(r, &rec, &line)) == 1)
				;
			FUZZ_CHECK(rc == 0, "the merged entries do not read back");
			hwk_strs_free(&rec);
			hwk_csvr_free(r);
		}
	}
	hwk_buf_free(&m1);
	hwk_buf_free(&m2);
	hwk_buf_free(&m3);
	free(w1);
	free(w2);
	free(w3);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	if (size > 1 << 16)
		return 0;
	const char *s = (const char *)data, *end = s + size, *p[3] = {"", "", ""};
	size_t n[3] = {0, 0, 0};
	for (int i = 0; i < 3 && s <= end; i++) {
		const char *z = memchr(s, 0, (size_t)(end - s));
		p[i] = s;
		n[i] = (size_t)((z ? z : end) - s);
		s += n[i] + 1;
	}
	check(hwk_merge_entries, p, n, 1);
	check(hwk_merge_assignment, p, n, 0);
	return 0;
}
