/* row: the fixed columns every entry row starts with, their order and their names,
 * written once here. entries reads and writes rows by them; types keeps field names off
 * them. It depends on nothing, so every module may use it. */
#ifndef HWK_ROW_H
#define HWK_ROW_H

/* The fixed columns of every row, in order (one value per field follows them):
 * HWK_E_AT when it happened, HWK_E_LOGGED when hwk wrote it, HWK_E_STATUS done, partial
 * or skipped, HWK_E_REASON why it was skipped, HWK_E_NOTE free text. */
enum { HWK_E_AT, HWK_E_LOGGED, HWK_E_STATUS, HWK_E_REASON, HWK_E_NOTE, HWK_ENTRY_FIXED };
/* Their names in the header, by the indices above. */
extern const char *const hwk_entry_fixed[HWK_ENTRY_FIXED];
/* The last column, after the fields: empty in an entry as logged; in a row that
 * corrects (or, with the status withdrawn, withdraws) an earlier entry, that entry's
 * logged. */
extern const char hwk_entry_replaces[];

#endif
