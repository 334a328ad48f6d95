/* ydoc: YAML files read into a small tree that keeps line:col, and written back
 * deterministically. No anchors, aliases, tags or second documents; depth and size capped. */
#ifndef HWK_YDOC_H
#define HWK_YDOC_H

#include <stddef.h>
#include <stdio.h>
#include "util.h"

typedef enum { HWK_Y_SCALAR, HWK_Y_MAP, HWK_Y_SEQ } hwk_ykind;

typedef struct hwk_ynode {
	hwk_ykind kind;
	size_t line, col;         /* 1-based, of the node's start */
	char *str;                /* scalar text (NUL-terminated) */
	int plain;                /* scalar was written plain (unquoted) */
	struct hwk_ynode **items; /* seq: items; map: key, value, key, value ... */
	size_t n;                 /* number of entries in items */
	struct hwk_yarena *arena; /* the root's: where every node of its document lives */
} hwk_ynode;

#define HWK_YAML_MAX_BYTES (1u << 20)
#define HWK_YAML_MAX_DEPTH 32

/* Parse a document. file names the source in messages. Returns 0 and *root (NULL for an
 * empty document), or -1 after printing "hwk CMD: FILE:LINE:COL: problem". A text with
 * a git conflict marker (text.h) is "FILE:LINE: unresolved git conflict; ...". */
int hwk_yaml_parse(const char *file, const char *data, size_t len, hwk_ynode **root);
/* The same, always through libyaml (hwk_yaml_parse first tries a fast reader of the
 * YAML hwk writes itself; the tests compare the two). */
int hwk_yaml_parse_libyaml(const char *file, const char *data, size_t len, hwk_ynode **root);
/* The fast reader alone: 1 and *root when the text is of the part of YAML hwk writes,
 * 0 (and nothing said) when it is not. */
int hwk_yaml_parse_fast(const char *data, size_t len, hwk_ynode **root);
/* Key comparisons made by the duplicate-key checks so far: the tests count the work of a
 * big mapping with it (n log n, never n squared) instead of timing it. */
unsigned long hwk_yaml_key_compares(void);
/* Read and parse a file (path is also the name in messages). */
int hwk_yaml_load(const char *path, hwk_ynode **root);
/* Free a document: only ever its root. */
void hwk_ynode_free(hwk_ynode *root);

/* A map's value for key, or NULL. */
hwk_ynode *hwk_ymap_get(const hwk_ynode *map, const char *key);
/* A scalar that means "nothing": plain empty, ~ or null. */
int hwk_ynull(const hwk_ynode *n);

/* Typed reads that report "FILE:LINE:COL: 'KEY' must be ..." and return -1 on error.
 * A missing key (or null) leaves *out unchanged and returns 0 unless required. */
int hwk_yget_str(const char *file, const hwk_ynode *map, const char *key, int required,
		 char **out);
int hwk_yget_bool(const char *file, const hwk_ynode *map, const char *key, int *out);
int hwk_yget_num(const char *file, const hwk_ynode *map, const char *key, int *has,
		 double *out);
/* Report an error at a node. Returns -1. */
int hwk_yerr(const char *file, const hwk_ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Check that a map has only the given keys (NULL-terminated list). */
int hwk_ycheck_keys(const char *file, const hwk_ynode *map, const char *const *keys);
/* Check that n is a mapping (else the message not_map, at n) with only those keys. */
int hwk_ycheck_map(const char *file, const hwk_ynode *n, const char *const *keys,
		   const char *not_map);

/* Writing: block style, keys in the order emitted, UTF-8 unescaped, no line folding;
 * strings that other YAML readers would take for numbers, booleans, null or dates are
 * quoted, so every reader gets the same text back. */
typedef struct hwk_yw hwk_yw;
hwk_yw *hwk_yw_new(hwk_buf *out);
/* The same, written to f (-f yaml): what is emitted reaches f at hwk_yw_flush. */
hwk_yw *hwk_yw_new_file(FILE *f);
void hwk_yw_flush(hwk_yw *w);
void hwk_yw_map_start(hwk_yw *w);
void hwk_yw_map_end(hwk_yw *w);
void hwk_yw_seq_start(hwk_yw *w);
void hwk_yw_seq_end(hwk_yw *w);
void hwk_yw_str(hwk_yw *w, const char *s);   /* a string, quoted where needed */
void hwk_yw_kv(hwk_yw *w, const char *key, const char *val);       /* skipped when val NULL */
void hwk_yw_kv_plain(hwk_yw *w, const char *key, const char *val); /* skipped when val NULL */
void hwk_yw_plain(hwk_yw *w, const char *s); /* as it is: null, true, a number */
/* Any text, for reading by people: control characters, C1 and U+2028/9 double-quoted,
 * an invalid UTF-8 byte written as U+FFFD. */
void hwk_yw_text(hwk_yw *w, const char *s);
/* Would another YAML reader take this plain text for a number, boolean, null or date? */
int hwk_yaml_looks_typed(const char *s);
/* Finish the document; returns 0, or -1 if the emitter failed (a bug: message printed). */
int hwk_yw_end(hwk_yw *w);

#endif
