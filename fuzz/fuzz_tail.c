/* The tail reader against the full reader on a fuzzed entries file: when the full read
 * succeeds, the tail gives the last rows of it, identical (and noted alike), at least
 * every row after the last one logged before the day before the one asked for; when
 * the tail fails, so does the full read. The corrected tail is the corrected view of
 * those rows. The first byte picks the day (around 2026-11-27), the rest is the file,
 * header included. */
#include "fuzz.h"

#include <string.h>
#include <sys/stat.h>

#include "assignment.h"
#include "date.h"
#include "entries.h"
#include "cache.h"
#include "util.h"

static const char assignment_yaml[] =
	"id: 2026-10-01-diary-ab12\n"
	"client: alex\n"
	"type: diary\n"
	"every: day\n"
	"start: 2026-10-01\n"
	"status: active\n"
	"fields:\n"
	"- name: mood\n"
	"  type: integer\n"
	"  min: 0\n"
	"  max: 10\n"
	"- name: what\n"
	"  type: text\n"
	"history: []\n";

static hwk_assignment a;
static char *dir; /* fuzz_tempdir */
static char *csv;

static void cleanup(void)
{
	unlink(csv);
	rmdir(dir);
}

static void setup(void)
{
	dir = fuzz_tempdir("tail");
	char *yaml = hwk_xasprintf("%s/2026-10-01-diary-ab12.yaml", dir);
	fuzz_write_file(yaml, assignment_yaml, sizeof assignment_yaml - 1);
	FUZZ_CHECK(hwk_assignment_load(yaml, &a) == 0, "the assignment does not load");
	unlink(yaml);
	free(yaml);
	csv = hwk_xasprintf("%s/2026-10-01-diary-ab12.csv", dir);
	free(a.csv_path);
	a.csv_path = hwk_xstrdup(csv);
	atexit(cleanup);
}

static int same_row(const hwk_entry *x, const hwk_entry *y)
{
	if (x->cols.n != y->cols.n || x->stamped != y->stamped || x->at_ok != y->at_ok ||
	    x->day != y->day || (x->at_ok && x->at != y->at))
		return 0;
	for (size_t i = 0; i < x->cols.n; i++)
		if (strcmp(x->cols.v[i], y->cols.v[i]))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	fuzz_quiet();
	if (!ready) {
		setup();
		ready = 1;
	}
	if (size < 1 || size > 1 << 16)
		return 0;
	hwk_day since = hwk_day_from_ymd(2026, 11, 27) + (data[0] % 64) - 32;
	/* each input a file of its own: what the last one noted of its order (the same
	 * inode, truncated and written again) does not hold for this one. The notes are
	 * only in memory: no command ends here, so nothing writes them to a .hwk.cache */
	hwk_cache_forget();
	fuzz_write_file(csv, data + 1, size - 1);

	hwk_entry *all = NULL, *tail = NULL;
	size_t nall = 0, ntail = 0;
	int rc_all = hwk_entries_read(&a, &all, &nall);
	int rc_tail = hwk_entries_tail_stored(&a, since, &tail, &ntail);
	FUZZ_CHECK(rc_tail == 0 || rc_all < 0, "the tail failed where the full read did not");
	if (rc_all == 0 && rc_tail == 0) {
		FUZZ_CHECK(ntail <= nall, "the tail has %zu rows, the file %zu", ntail, nall);
		for (size_t i = 0; i < ntail; i++)
			FUZZ_CHECK(same_row(&tail[i], &all[nall - ntail + i]),
				   "row %zu of %zu from the end differs", ntail - i, ntail);
		/* the rows after the last one logged before the day before since */
		char before[16];
		hwk_day_format(since - 1, before);
		size_t need = 0;
		while (need < nall) {
			const char *logged = all[nall - 1 - need].cols.v[1];
			if (strlen(logged) >= 10 && hwk_ymd_ok(logged) && strncmp(logged, before, 10) < 0)
				break;
			need++;
		}
		FUZZ_CHECK(ntail >= need, "the tail has %zu rows, %zu were asked for", ntail, need);
		/* read again (now noted in order, perhaps from the end), as stored and
		 * corrected: the second is the corrected view of the first */
		hwk_entry *again = NULL, *view = NULL;
		size_t nagain = 0, nview = 0;
		FUZZ_CHECK(hwk_entries_tail_stored(&a, since, &again, &nagain) == 0 &&
				   hwk_entries_tail(&a, since, &view, &nview) == 0,
			   "a tail read again failed");
		hwk_entries_resolve(again, &nagain);
		FUZZ_CHECK(nview == nagain, "the corrected tail has %zu rows, the view of the "
			   "stored tail %zu", nview, nagain);
		for (size_t i = 0; i < nview && i < nagain; i++)
			FUZZ_CHECK(same_row(&view[i], &again[i]), "corrected row %zu differs", i);
		hwk_entry_rows_free(again, nagain);
		hwk_entry_rows_free(view, nview);
	}
	hwk_entry_rows_free(all, nall);
	hwk_entry_rows_free(tail, ntail);
	return 0;
}
