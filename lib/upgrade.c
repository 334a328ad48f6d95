/* upgrade: moving a practice, or a client folder standing alone, from format version 1
 * or 2 to version 3 (hwk(5) FORMAT VERSIONS, "Moving over"). Every step is a rename or an
 * atomic replace and is skipped when done, so a run stopped part way is finished by the
 * next; a client folder whose client.yaml says version 3 is done, and hwk.yaml is
 * written last. */
#define _GNU_SOURCE
#include "upgrade.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assignment.h"
#include "date.h"
#include "err.h"
#include "git.h"
#include "store.h"

/* A first pass through every client only looks for what would stop the upgrade (a
 * conflict, two copies that differ), so that such a practice is refused as it was. */
static int dry;

/* The names of the regular files in dir that end in suffix, sorted; none when dir is not
 * there. -1 after a message. */
static int files_in(const char *dir, const char *suffix, hwk_strs *out)
{
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0 : hwk_err_sys("%s", dir);
	struct dirent *e;
	int err = 0;
	size_t sl = strlen(suffix);
	while ((e = hwk_readdir(d, &err))) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n <= sl || strcmp(e->d_name + n - sl, suffix))
			continue;
		char *path = hwk_path(dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
			hwk_strs_push(out, hwk_xstrdup(e->d_name));
		free(path);
	}
	closedir(d);
	if (err) {
		errno = err;
		return hwk_err_sys("%s", dir);
	}
	hwk_strs_sort(out);
	return 0;
}

/* Do two files hold the same bytes? */
static int same_file(const char *a, const char *b)
{
	hwk_buf x = {0}, y = {0};
	int same = hwk_read_file(a, (size_t)-1, &x) == 0 && hwk_read_file(b, (size_t)-1, &y) == 0 &&
		   x.len == y.len && (!x.len || !memcmp(x.s, y.s, x.len));
	hwk_buf_free(&x);
	hwk_buf_free(&y);
	return same;
}

/* Move from to to, unless it is there already: then from goes when it is the same file
 * (a run stopped between the two), and is an error when not. 1 moved, 0 nothing to
 * move, -1 after a message. */
static int move_once(const char *from, const char *to)
{
	struct stat st;
	if (lstat(from, &st) < 0)
		return errno == ENOENT ? 0 : hwk_err_sys("%s", from);
	if (lstat(to, &st) == 0) {
		if (!same_file(from, to))
			return hwk_err("%s: %s is there too, and differs: keep the right one, "
				       "then run hwk upgrade again", from, to);
		return dry || hwk_store_remove(from) == 0 ? 1 : -1;
	}
	return dry || hwk_store_rename(from, to) == 0 ? 1 : -1;
}

/* Move every NAME.yaml of from into to (made as needed), and from itself when then
 * empty. */
static int move_all(const char *from, const char *to, hwk_upgrade_stats *st)
{
	hwk_strs names = {0};
	int rc = files_in(from, ".yaml", &names);
	if (rc == 0 && names.n && !dry) {
		char *parent = hwk_xstrdup(to);
		char *slash = strrchr(parent, '/');
		if (slash)
			*slash = 0;
		if ((slash && hwk_store_mkdir(parent) < 0) || hwk_store_mkdir(to) < 0)
			rc = -1;
		free(parent);
	}
	for (size_t i = 0; i < names.n && rc == 0; i++) {
		char *a = hwk_path(from, names.v[i]), *b = hwk_path(to, names.v[i]);
		int m = move_once(a, b);
		if (m < 0)
			rc = -1;
		st->reviews += m > 0;
		free(a);
		free(b);
	}
	hwk_strs_free(&names);
	if (rc == 0 && !dry)
		rmdir(from); /* what is left there (not hwk's) stays, and the folder with it */
	return rc;
}

/* The header of an entries file gains its last column, replaces; every row stays as it
 * is (a row one field short is one written before it). 1 changed, 0 it had it. */
static int add_replaces(const char *path, hwk_upgrade_stats *st)
{
	hwk_buf b = {0};
	int rc = hwk_read_file(path, (size_t)-1, &b);
	if (rc < 0) {
		hwk_buf_free(&b);
		return -1;
	}
	const char *s = b.s ? b.s : "";
	size_t line = strcspn(s, "\n"), end = line;
	if (end && s[end - 1] == '\r')
		end--;
	static const char col[] = ",replaces";
	size_t cl = sizeof col - 1;
	if (!b.len || (end >= cl && !memcmp(s + end - cl, col, cl))) {
		hwk_buf_free(&b);
		return 0; /* empty, or done */
	}
	if (hwk_has_prefix(s, "<<<<<<<")) {
		hwk_buf_free(&b);
		return hwk_err("%s:1: unresolved git conflict; run hwk sync or resolve it, then "
			       "hwk upgrade again", path);
	}
	if (dry) {
		hwk_buf_free(&b);
		return 1;
	}
	hwk_buf out = {0};
	hwk_buf_add(&out, s, end);
	hwk_buf_add(&out, col, cl);
	hwk_buf_add(&out, s + end, b.len - end);
	if (line == b.len)
		hwk_buf_addc(&out, '\n');
	rc = hwk_store_replace(path, out.s, out.len);
	hwk_buf_free(&out);
	hwk_buf_free(&b);
	st->files += rc == 0;
	return rc < 0 ? -1 : 1;
}

static int add_replaces_in(const char *dir, hwk_upgrade_stats *st)
{
	hwk_strs names = {0};
	int rc = files_in(dir, ".csv", &names);
	for (size_t i = 0; i < names.n && rc == 0; i++) {
		char *path = hwk_path(dir, names.v[i]);
		if (add_replaces(path, st) < 0)
			rc = -1;
		free(path);
	}
	hwk_strs_free(&names);
	return rc;
}

/* version: N in a settings file, in place of the version it had (or after its title
 * comment when it had none); everything else kept as written. */
static int set_version(const char *path)
{
	hwk_buf b = {0}, out = {0};
	if (hwk_read_file(path, (size_t)-1, &b) < 0) {
		hwk_buf_free(&b);
		return -1;
	}
	const char *s = b.s ? b.s : "", *end = s + b.len, *at = NULL;
	for (const char *l = s; l < end && !at;) {
		const char *nl = memchr(l, '\n', (size_t)(end - l));
		if (hwk_has_prefix(l, "version:"))
			at = l;
		l = nl ? nl + 1 : end;
	}
	/* none: after the title comment, where hwk writes it */
	const char *cut = at, *rest;
	if (!at) {
		const char *nl = *s == '#' ? memchr(s, '\n', b.len) : NULL;
		cut = rest = nl ? nl + 1 : s;
	} else {
		const char *nl = memchr(at, '\n', (size_t)(end - at));
		rest = nl ? nl + 1 : end;
	}
	hwk_buf_add(&out, s, (size_t)(cut - s));
	if (cut > s && cut[-1] != '\n')
		hwk_buf_addc(&out, '\n');
	hwk_buf_adds(&out, "version: " HWK_FORMAT_S "\n");
	hwk_buf_add(&out, rest, (size_t)(end - rest));
	int rc = hwk_store_replace(path, out.s, out.len);
	hwk_buf_free(&out);
	hwk_buf_free(&b);
	return rc;
}

/* Is name an ended assignment's file, ID.ended-UNTIL.yaml? The length of its ID (its
 * UNTIL at name + idn + 7), else 0. */
static size_t ended_file(const char *name)
{
	return hwk_ended_name(name, strlen(name));
}

/* ended/NAME (in client folder dir) into ended/YYYY/NAME, the year folder made as
 * needed; or back into dir, when the assignment's 31 days in the folder after its last
 * day (HWK_ENDED_STAY) are not over at now, as version 3 keeps it there. */
static int move_into_year(const char *dir, const char *name, const char *until, time_t now,
			  hwk_upgrade_stats *st, int count)
{
	int back = !hwk_ended_stay_over(until, hwk_day_of(now));
	char *ended = hwk_path(dir, HWK_ENDED_DIR);
	char *ydir = back ? hwk_xstrdup(dir) : hwk_xasprintf("%s/%.4s", ended, until);
	char *a = hwk_path(ended, name), *b = hwk_path(ydir, name);
	int m = !dry && !back && hwk_store_mkdir(ydir) < 0 ? -1 : move_once(a, b);
	if (count)
		st->ended += m > 0 && !dry;
	free(ended);
	free(ydir);
	free(a);
	free(b);
	return m < 0 ? -1 : 0;
}

/* The entries file ID.csv left directly in ended/ whose assignment is in a year folder
 * already (not as hwk moves them: by hand): its UNTIL, owned, or NULL. */
static char *until_in_years(const char *dir, const char *id)
{
	hwk_strs years = {0}, names = {0};
	char *until = NULL, *prefix = hwk_xasprintf("%s.ended-", id);
	hwk_ended_years(dir, &years);
	for (size_t i = 0; i < years.n && !until; i++) {
		char *ydir = hwk_ended_year_dir(dir, years.v[i]);
		if (files_in(ydir, ".yaml", &names) == 0)
			for (size_t k = 0; k < names.n && !until; k++)
				if (hwk_has_prefix(names.v[k], prefix) && ended_file(names.v[k]))
					until = hwk_xstrndup(names.v[k] + strlen(prefix), 10);
		hwk_strs_free(&names);
		free(ydir);
	}
	hwk_strs_free(&years);
	free(prefix);
	return until;
}

/* Version 2 to 3: each ended assignment directly in ended/ into ended/YYYY/, YYYY the
 * year of its last day (or back into the folder, its 31 days there not over, as
 * move_into_year says): its entries file first, then its assignment file, so that
 * until the last rename the assignment file in ended/ says what is left to move, and
 * a run stopped between the two is finished by the next (the entries file, there
 * already, is not moved again). A name in ended/ that is neither is not hwk's: it
 * stays. */
static int move_into_years(const char *dir, time_t now, hwk_upgrade_stats *st)
{
	char *ended = hwk_path(dir, HWK_ENDED_DIR);
	hwk_strs yamls = {0}, csvs = {0};
	int rc = files_in(ended, ".yaml", &yamls) < 0 || files_in(ended, ".csv", &csvs) < 0 ? -1 : 0;
	for (size_t i = 0; i < yamls.n && rc == 0; i++) {
		size_t idn = ended_file(yamls.v[i]);
		if (!idn)
			continue;
		const char *until = yamls.v[i] + idn + 7;
		char *csv = hwk_xasprintf("%.*s.csv", (int)idn, yamls.v[i]);
		if (move_into_year(dir, csv, until, now, st, 0) < 0 ||
		    move_into_year(dir, yamls.v[i], until, now, st, 1) < 0)
			rc = -1;
		free(csv);
	}
	/* an entries file whose assignment file was moved ahead of it, by hand: after it */
	for (size_t i = 0; i < csvs.n && rc == 0; i++) {
		char *id = hwk_xstrndup(csvs.v[i], strlen(csvs.v[i]) - 4), *path = hwk_path(ended, csvs.v[i]);
		struct stat sb;
		char *until = lstat(path, &sb) == 0 ? until_in_years(dir, id) : NULL;
		if (until && move_into_year(dir, csvs.v[i], until, now, st, 0) < 0)
			rc = -1;
		free(until);
		free(path);
		free(id);
	}
	hwk_strs_free(&yamls);
	hwk_strs_free(&csvs);
	free(ended);
	return rc;
}

/* add_replaces_in for each year folder of ended/. */
static int add_replaces_years(const char *dir, hwk_upgrade_stats *st)
{
	hwk_strs years = {0};
	int rc = hwk_ended_years(dir, &years) < 0 ? hwk_err_sys("%s/%s", dir, HWK_ENDED_DIR) : 0;
	for (size_t i = 0; i < years.n && rc == 0; i++) {
		char *ydir = hwk_ended_year_dir(dir, years.v[i]);
		rc = add_replaces_in(ydir, st);
		free(ydir);
	}
	hwk_strs_free(&years);
	return rc;
}

/* How many ended assignments' files (ID.ended-UNTIL.yaml) are in dir. */
static size_t ended_in(const char *dir)
{
	hwk_strs names = {0};
	size_t n = 0;
	if (files_in(dir, ".yaml", &names) == 0)
		for (size_t i = 0; i < names.n; i++)
			n += ended_file(names.v[i]) != 0;
	hwk_strs_free(&names);
	return n;
}

/* hwk_assignments_move_ended, counting the ended assignments it moved into st. */
static int move_ended(const char *dir, time_t now, hwk_upgrade_stats *st)
{
	size_t was = ended_in(dir);
	int rc = hwk_assignments_move_ended(dir, now);
	size_t is = ended_in(dir);
	st->ended += was > is ? was - is : 0;
	return rc;
}

/* One client folder, under its lock (looked at only, when dry): done when its
 * client.yaml says version 3. A version 1 folder takes the steps to version 2 first,
 * then the move to version 3. */
static int upgrade_client(const char *dir, const char *client, time_t now,
			  hwk_upgrade_stats *st)
{
	int lock = dry ? -1 : hwk_store_lock(dir, dir), rc = -1;
	if (lock < 0 && !dry)
		return -1;
	hwk_client_info ci;
	char *yaml = hwk_path(dir, "client.yaml");
	char *old = hwk_path(dir, "reviews");
	char *reviews = hwk_xasprintf("reviews/%s", client);
	char *ended = hwk_path(dir, "ended");
	if (hwk_client_read(dir, 0, &ci) < 0)
		goto out;
	free(ci.name);
	free(ci.created);
	if (ci.format >= 3) {
		rc = 0;
		goto out;
	}
	/* version 1: ended assignments whose last day is over into ended/YYYY/, as the
	 * next write in the folder would move them (one ended ahead stays until its day is
	 * over); version 2: those in ended/ into their year folders */
	if (ci.format < 2 &&
	    (move_all(old, reviews, st) < 0 || add_replaces_in(dir, st) < 0 ||
	     (!dry && move_ended(dir, now, st) < 0) || add_replaces_in(ended, st) < 0 ||
	     add_replaces_years(dir, st) < 0))
		goto out;
	if (move_into_years(dir, now, st) < 0 ||
	    (!dry && (move_ended(dir, now, st) < 0 || hwk_git_files(dir, 1) < 0 ||
		      set_version(yaml) < 0)))
		goto out;
	st->clients++;
	rc = 0;
out:
	hwk_store_unlock(lock);
	free(yaml);
	free(old);
	free(reviews);
	free(ended);
	return rc;
}

/* Every client folder, looked at first, then moved over. */
static int upgrade_clients(const hwk_practice *p, const hwk_strs *clients, time_t now,
			   hwk_upgrade_stats *st)
{
	hwk_upgrade_stats look = {0};
	int rc = 0;
	for (dry = 1; dry >= 0 && rc == 0; dry--)
		for (size_t i = 0; i < clients->n && rc == 0; i++) {
			char *dir = hwk_client_dir(p, clients->v[i]);
			if (upgrade_client(dir, clients->v[i], now, dry ? &look : st) < 0)
				rc = -1;
			free(dir);
		}
	dry = 0;
	return rc;
}

int hwk_upgrade(const hwk_practice *p, time_t now, hwk_upgrade_stats *st)
{
	memset(st, 0, sizeof *st);
	hwk_strs clients = {0};
	if (p->standalone) {
		hwk_strs_push(&clients, hwk_xstrdup(p->here_client));
		int rc = upgrade_clients(p, &clients, now, st);
		hwk_strs_free(&clients);
		return rc;
	}
	/* the practice's lock keeps a second upgrade out; the clients' locks, each in its
	 * turn, keep out writers of either version */
	int fd = hwk_open_regular(HWK_LOCK_NAME, O_RDONLY | O_CREAT | O_CLOEXEC, 0600, NULL);
	if (fd < 0)
		return hwk_err_sys("%s", HWK_LOCK_NAME);
	close(fd);
	int lock = hwk_store_lock_file(HWK_LOCK_NAME);
	if (lock < 0)
		return -1;
	size_t bad = 0;
	int rc = hwk_practice_clients_all(p, &clients, &bad) < 0 || bad ? -1 : 0;
	if (rc == 0)
		rc = upgrade_clients(p, &clients, now, st);
	/* hwk.yaml last of all: the practice is version 3 when every client is */
	if (rc == 0 && (hwk_git_files(".", 1) < 0 || (p->format < 3 && set_version("hwk.yaml") < 0)))
		rc = -1;
	st->practice = rc == 0 && p->format < 3;
	close(lock);
	hwk_strs_free(&clients);
	return rc;
}
