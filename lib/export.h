/* export: everything hwk holds about one client, for a request of access or a move to
 * another clinician: its files gathered safely (regular files inside the practice only,
 * never through a symbolic link), written as one JSON document of a fixed shape or as a
 * ustar archive of the plain files laid out as in a practice. */
#ifndef HWK_EXPORT_H
#define HWK_EXPORT_H

#include <stdio.h>
#include <time.h>

#include "practice.h"
#include "util.h"

/* The JSON document's "format" and "version" (hwk-export(1)). */
#define HWK_EXPORT_FORMAT "hwk-export"
#define HWK_EXPORT_VERSION 1

typedef struct {
	char *path;    /* where it was read, relative to the practice root */
	char *name;    /* its path in a practice: clients/ID/..., reviews/ID/...; a
			* folder's ends in '/' */
	const char *rel; /* name after clients/ID/ or reviews/ID/ (points into name) */
	int review;    /* under reviews/ID */
	int dir;       /* a folder (no data) */
	hwk_buf data;
	time_t mtime;
} hwk_export_file;

typedef struct {
	char *client;
	hwk_export_file *v;
	size_t n, cap;
} hwk_export;

/* Gather the client's files: its folder (and ended/ and any folder in it) and the
 * practice's reviews/CLIENT, sorted by name. Left out: .git, hwk's own local files
 * (.hwk.*: locks, the order cache, a note being written) and temp files (*.tmp.*). A
 * symbolic link, FIFO, device or socket among them is named and refused: -1, after
 * naming each, with nothing gathered. */
int hwk_export_collect(const hwk_practice *p, const char *client, hwk_export *out);
/* The JSON document (hwk-export(1)) to f. A file whose YAML or CSV cannot be read is
 * named in a message and given as text: 1 then; 0 when all was read; -1 after a
 * message when writing failed. */
int hwk_export_json(FILE *f, const hwk_export *x, time_t now);
/* The ustar archive to f: each folder (0700) and file (0600) under its name. 0, or -1
 * after a message. */
int hwk_export_tar(FILE *f, const hwk_export *x);
void hwk_export_free(hwk_export *x);

#endif
