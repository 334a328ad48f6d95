/* csvparse: the peer of the export bench (bench/export.sh). libcsv, as a program built
 * on it would use it, parses every entries file of a practice in 64 KiB chunks and
 * counts the rows: the floor under `hwk list entries -f csv`, which parses the same
 * files (and writes them out again).
 *
 *   cc -O2 -o build/csvparse bench/csvparse.c -lcsv
 *   csvparse PRACTICE    the data rows of every clients/ID/NAME.csv and
 *                        clients/ID/ended/YYYY/NAME.csv (headers not counted)
 *   csvparse -           the records on standard input less one (a CSV with a header)
 *
 * Prints the count. Exits 1 when a file cannot be read or parsed.
 */
#define _DEFAULT_SOURCE /* d_type */
#include <csv.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK 65536

static unsigned long long fields, records;

static void cb_field(void *s, size_t len, void *data)
{
	(void)s, (void)len, (void)data;
	fields++;
}

static void cb_record(int c, void *data)
{
	(void)c, (void)data;
	records++;
}

/* the records of the file open on fd; 0, or -1 when it does not parse */
static int parse(int fd, const char *name)
{
	static char buf[CHUNK];
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fprintf(stderr, "csvparse: out of memory\n");
		exit(2);
	}
	ssize_t n;
	int rc = 0;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)n, cb_field, cb_record, NULL) != (size_t)n) {
			rc = -1;
			break;
		}
	if (n < 0 || (rc == 0 && csv_fini(&p, cb_field, cb_record, NULL) != 0))
		rc = -1;
	if (rc < 0)
		fprintf(stderr, "csvparse: %s: %s\n", name,
			n < 0 ? "cannot be read" : csv_strerror(csv_error(&p)));
	csv_free(&p);
	return rc;
}

static unsigned long long files;
static int bad;

/* every NAME.csv in the folder dir; 0, or -1 when it is not a folder */
static int parse_dir(const char *dir)
{
	char path[4096];
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n < 5 || strcmp(e->d_name + n - 4, ".csv"))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || parse(fd, path) < 0)
			bad = 1;
		if (fd >= 0)
			close(fd);
		files++;
	}
	closedir(d);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: csvparse PRACTICE | csvparse -\n");
		return 2;
	}
	if (!strcmp(argv[1], "-")) {
		if (parse(0, "standard input") < 0)
			return 1;
		printf("%llu\n", records ? records - 1 : 0);
		return 0;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/clients", argv[1]);
	DIR *top = opendir(path);
	if (!top) {
		perror(path);
		return 1;
	}
	struct dirent *c;
	while ((c = readdir(top))) {
		if (c->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/clients/%s", argv[1], c->d_name);
		if (parse_dir(path) < 0)
			continue; /* not a folder */
		/* the ended assignments' entries, by year (format version 3, hwk(5)) */
		snprintf(path, sizeof path, "%s/clients/%s/ended", argv[1], c->d_name);
		DIR *ended = opendir(path);
		struct dirent *y;
		while (ended && (y = readdir(ended))) {
			if (strlen(y->d_name) != 4 || strspn(y->d_name, "0123456789") != 4)
				continue; /* not a year folder */
			snprintf(path, sizeof path, "%s/clients/%s/ended/%s", argv[1], c->d_name,
				 y->d_name);
			parse_dir(path);
		}
		if (ended)
			closedir(ended);
	}
	closedir(top);
	/* every file's first record is its header */
	printf("%llu\n", records - files);
	return bad;
}
