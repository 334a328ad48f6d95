/* CSV reader differential: the reader's own line splitting (over memory and over a
 * FILE) against libcsv alone: the same records, first lines and result. Whatever is
 * read is written back by hwk_csv_row and must read back the same. */
#include "fuzz.h"

#include <string.h>

#include "csvfile.h"
#include "util.h"

/* every record as "LINE:" then each field and a 0 byte, then "rc=N" */
static void records(hwk_csvr *r, hwk_buf *b, hwk_strs **all, size_t *nall)
{
	hwk_strs rec = {0};
	size_t line;
	int rc;
	hwk_csvr_quiet(r);
	while ((rc = hwk_csvr_next(r, &rec, &line)) == 1) {
		hwk_buf_printf(b, "%zu:", line);
		for (size_t i = 0; i < rec.n; i++)
			hwk_buf_add(b, rec.v[i], strlen(rec.v[i]) + 1);
		hwk_buf_addc(b, '\n');
		if (all) {
			*all = hwk_xrealloc(*all, (*nall + 1) * sizeof **all);
			(*all)[(*nall)++] = rec;
			memset(&rec, 0, sizeof rec);
		}
	}
	hwk_buf_printf(b, "rc=%d", rc);
	FUZZ_CHECK(hwk_csvr_next(r, &rec, &line) <= 0, "a record after the end");
	hwk_strs_free(&rec);
	hwk_csvr_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	if (size > 1 << 16)
		return 0;
	const char *text = (const char *)data;
	hwk_buf fast = {0}, slow = {0}, file = {0};
	hwk_strs *all = NULL;
	size_t nall = 0;
	records(hwk_csvr_mem(text, size, "f.csv", 1), &fast, &all, &nall);
	hwk_csvr *r = hwk_csvr_mem(text, size, "f.csv", 1);
	hwk_csvr_slow(r);
	records(r, &slow, NULL, NULL);
	FUZZ_CHECK(fast.len == slow.len && !memcmp(fast.s, slow.s, fast.len),
		   "the fast reader and libcsv disagree");
	char dummy[1];
	FILE *f = fmemopen(size ? (void *)text : dummy, size, "r");
	if (f) {
		records(hwk_csvr_file(f, "f.csv", 1), &file, NULL, NULL);
		fclose(f);
		FUZZ_CHECK(fast.len == file.len && !memcmp(fast.s, file.s, fast.len),
			   "the reader over memory and over a FILE disagree");
	}
	/* written back and read again: the same fields */
	hwk_buf out = {0}, again = {0}, want = {0};
	hwk_buf_adds(&out, "");
	for (size_t i = 0; i < nall; i++) {
		hwk_csv_row(&out, (const char *const *)all[i].v, all[i].n);
		for (size_t k = 0; k < all[i].n; k++)
			hwk_buf_add(&want, all[i].v[k], strlen(all[i].v[k]) + 1);
		hwk_buf_addc(&want, '\n');
		hwk_strs_free(&all[i]);
	}
	free(all);
	hwk_strs *back = NULL;
	size_t nback = 0;
	records(hwk_csvr_mem(out.s, out.len, "w.csv", 1), &again, &back, &nback);
	FUZZ_CHECK(nback == nall, "written back, %zu records read as %zu:\n%s", nall, nback, out.s);
	hwk_buf got = {0};
	for (size_t i = 0; i < nback; i++) {
		for (size_t k = 0; k < back[i].n; k++)
			hwk_buf_add(&got, back[i].v[k], strlen(back[i].v[k]) + 1);
		hwk_buf_addc(&got, '\n');
		hwk_strs_free(&back[i]);
	}
	free(back);
	FUZZ_CHECK(got.len == want.len && (!got.len || !memcmp(got.s, want.s, got.len)),
		   "written back, the fields changed:\n%s", out.s);
	hwk_buf_free(&got);
	hwk_buf_free(&want);
	hwk_buf_free(&out);
	hwk_buf_free(&again);
	hwk_buf_free(&fast);
	hwk_buf_free(&slow);
	hwk_buf_free(&file);
	return 0;
}
