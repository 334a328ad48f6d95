/* types: homework types and their fields (built-in and types/NAME.yaml), and checking a
 * value against a field. */
#ifndef HWK_TYPES_H
#define HWK_TYPES_H

#include <stddef.h>
#include "util.h"
#include "ydoc.h"

typedef enum {
	HWK_F_TEXT, HWK_F_INTEGER, HWK_F_NUMBER, HWK_F_TIME, HWK_F_DATE, HWK_F_YESNO,
	HWK_F_CHOICE
} hwk_ftype;

typedef struct {
	char *name;
	hwk_ftype type;
	int required;
	int has_min, has_max;
	double min, max;
	char *unit;
	char *prompt;
	hwk_strs choices;
} hwk_field;

typedef struct {
	hwk_field *v;
	size_t n;
} hwk_fields;

typedef struct {
	char *name;
	char *title;
	char *source; /* "builtin" or the file it came from */
	hwk_fields fields;
} hwk_type;

#define HWK_NAME_MAX 32

const char *hwk_ftype_name(hwk_ftype t);
/* The built-in type names, NULL-terminated. */
const char *const *hwk_builtin_types(void);
int hwk_is_builtin_type(const char *name);

/* Load a type by name: a built-in, or types/NAME.yaml under the practice root (the
 * current folder). -1 after a message when unknown or bad. */
int hwk_type_load(const char *name, int have_types_dir, hwk_type *t);
/* Names of custom types in types/ (sorted). */
int hwk_custom_types(hwk_strs *names);
void hwk_type_emit(const hwk_type *t, hwk_buf *out);
void hwk_type_free(hwk_type *t);

/* The fields list of a type or assignment file. */
int hwk_fields_parse(const char *file, const hwk_ynode *seq, hwk_fields *out);
/* Name comparisons made by the twice-defined check so far: the tests count the work of
 * a type of many fields with it (n log n, never n squared) instead of timing it. */
unsigned long hwk_fields_name_compares(void);
void hwk_fields_emit(hwk_yw *w, const hwk_fields *f);
void hwk_fields_copy(hwk_fields *dst, const hwk_fields *src);
void hwk_fields_free(hwk_fields *f);
const hwk_field *hwk_fields_find(const hwk_fields *f, const char *name);
/* "bed, lights_out, ..." for messages (owned by caller). */
char *hwk_fields_names(const hwk_fields *f);

/* Check value against f. On success *norm is the value as stored (owned), e.g. "7:05"
 * -> "07:05", "Y" -> "yes"; norm NULL only checks (no copy is made). On failure prints
 * "FIELD: VALUE is ..." and returns -1. */
int hwk_field_check(const hwk_field *f, const char *value, char **norm);
/* "0-100", "yes/no", "HH:MM", "a|b|c", ... for help and prompts (owned). */
char *hwk_field_range(const hwk_field *f);

#endif
