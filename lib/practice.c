#define _GNU_SOURCE
#include "practice.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "frequency.h"
#include "err.h"
#include "store.h"
#include "ydoc.h"

#define GITATTRIBUTES "# entries are append-only: merge them by keeping both sides' rows\n" \
		      "*.csv merge=union\n" \
		      "# assignments merge key by key once 'hwk git setup' has run\n" \
		      "*.yaml merge=hwk-assignment\n"

static int is_file(const char *dir, const char *name)
{
	char *path = hwk_xasprintf("%s/%s", dir, name);
	struct stat st;
	int ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

/* Is name in dir there as what marks a practice or client folder? Whatever it is but a
 * folder (a link, a FIFO, a file that cannot be read) counts: reading it then says what
 * is wrong with it, in place of "no practice there". -1 (errno set) when whether it is
 * there cannot be told (a folder not searchable), so that a practice hwk may not read is
 * not taken for no practice. */
static int marks(const char *dir, const char *name)
{
	char *path = hwk_xasprintf("%s/%s", dir, name);
	struct stat st;
	int rc = lstat(path, &st);
	int e = errno;
	free(path);
	if (rc < 0 && e != ENOENT && e != ENOTDIR) {
		errno = e;
		return -1;
	}
	return rc == 0 && !S_ISDIR(st.st_mode);
}

/* The client a standalone client folder is of, once found (hwk_folder_client); its
 * practice's here_client. */
static char *standalone_client;

static const char *const setting_keys[] = {"version", "week_start", "default_every", "sync",
					       "commit", "timezone", NULL};

static int old_ok;

void hwk_practice_allow_old(int on)
{
	old_ok = on;
}

/* The format version a practice's hwk.yaml (or a standalone client folder's client.yaml)
 * gives, none being 1 (hwk(5) FORMAT VERSIONS): 0 for the one this hwk writes, -1 after a
 * message for a newer one, or (gate) an older one unless hwk upgrade is reading it. A
 * client folder in a practice is not gated: the practice's version speaks for it. */
static int check_version(const char *path, const hwk_ynode *root, const char *version,
			 int gate)
{
	const hwk_ynode *at = root ? hwk_ymap_get(root, "version") : NULL;
	/* a version is a whole number: 1.0 or 01 is no version, a larger one is newer */
	if (version && (version[0] < '1' || version[0] > '9' ||
			version[strspn(version, "0123456789")]))
		return hwk_yerr(path, at, "'version' must be a whole number (this hwk reads "
				"version " HWK_FORMAT_S ")");
	if (version && (strlen(version) > 1 || version[0] > HWK_FORMAT_S[0]))
		return hwk_yerr(path, at, "version %s is newer than this hwk understands (" HWK_FORMAT_S
				")", version);
	if (gate && (!version || strcmp(version, HWK_FORMAT_S)) && !old_ok)
		return hwk_err("%s: the files are in format version %s; run 'hwk upgrade' to move "
			       "them to version " HWK_FORMAT_S " (see hwk(5))", path,
			       version ? version : "1");
	return 0;
}

static int read_settings(hwk_practice *p)
{
	hwk_ynode *root;
	if (hwk_yaml_load("hwk.yaml", &root) < 0)
		return -1;
	int rc = -1;
	char *ws = NULL, *version = NULL;
	int sync = 1;
	if (root && root->kind != HWK_Y_MAP) {
		hwk_yerr("hwk.yaml", root, "settings must be a mapping");
		goto out;
	}
	if (root && (hwk_ycheck_keys("hwk.yaml", root, setting_keys) < 0 ||
		     hwk_yget_str("hwk.yaml", root, "version", 0, &version) < 0 ||
		     hwk_yget_str("hwk.yaml", root, "week_start", 0, &ws) < 0 ||
		     hwk_yget_str("hwk.yaml", root, "default_every", 0, &p->default_every) < 0 ||
		     hwk_yget_bool("hwk.yaml", root, "sync", &sync) < 0 ||
		     hwk_yget_bool("hwk.yaml", root, "commit", &p->commit) < 0 ||
		     hwk_yget_str("hwk.yaml", root, "timezone", 0, &p->zone) < 0))
		goto out;
	if (p->zone && !hwk_zone_name_ok(p->zone)) {
		hwk_yerr("hwk.yaml", hwk_ymap_get(root, "timezone"),
			 "'timezone' must be a time zone name such as Europe/London");
		goto out;
	}
	/* sync: false trades the durability of what is confirmed for speed (bulk work) */
	hwk_store_durable(sync);
	if (check_version("hwk.yaml", root, version, 1) < 0)
		goto out;
	p->format = version ? atoi(version) : 1;
	hwk_every ev;
	char *norm;
	if (p->default_every) {
		if (hwk_every_parse(p->default_every, &ev, &norm) < 0) {
			hwk_yerr("hwk.yaml", hwk_ymap_get(root, "default_every"),
				 "'default_every' must be a frequency (day, weekday, N/week, mon,wed,fri or once)");
			goto out;
		}
		free(p->default_every);
		p->default_every = norm;
	}
	if (ws && (p->week_start = hwk_parse_weekday(ws)) < 0) {
		hwk_yerr("hwk.yaml", hwk_ymap_get(root, "week_start"),
			 "'week_start' must be a day name (monday ... sunday)");
		goto out;
	}
	rc = 0;
out:
	free(ws);
	free(version);
	hwk_ynode_free(root);
	return rc;
}

int hwk_zone_name_ok(const char *s)
{
	/* the tz database's names: no leading, trailing or doubled slash, no dot */
	if (!*s || strlen(s) > 64 || s[strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					       "0123456789_+-/")] || *s == '/' || *s == '-' ||
	    s[strlen(s) - 1] == '/' || strstr(s, "//"))
		return 0;
	return 1;
}

/* The zone name in a path to a zone file: what follows its last "zoneinfo/". */
static const char *zoneinfo_name(const char *path)
{
	const char *at = NULL;
	for (const char *s = path; (s = strstr(s, "zoneinfo/")); s++)
		at = s + strlen("zoneinfo/");
	return at;
}

/* The system's zone: the link the tz database's tools make */
#define HWK_LOCALTIME "/etc/localtime"

char *hwk_practice_zone(const hwk_practice *p, const char **from)
{
	const char *tz = getenv("TZ"), *name = NULL, *dummy;
	if (!from)
		from = &dummy;
	if (p->zone) {
		*from = "hwk.yaml";
		return hwk_xstrdup(p->zone);
	}
	if (tz && *tz == ':')
		tz++;
	if (tz && *tz == '/')
		tz = zoneinfo_name(tz);
	if (tz && hwk_zone_name_ok(tz)) {
		*from = "$TZ";
		return hwk_xstrdup(tz);
	}
	char link[4096];
	ssize_t n = readlink(HWK_LOCALTIME, link, sizeof link - 1);
	if (n > 0) {
		link[n] = 0;
		name = zoneinfo_name(link);
	}
	if (name && hwk_zone_name_ok(name)) {
		*from = HWK_LOCALTIME;
		return hwk_xstrdup(name);
	}
	*from = "the default";
	return hwk_xstrdup("UTC");
}

static char *default_root(void)
{
	const char *x = getenv("XDG_DATA_HOME");
	if (x && *x == '/')
		return hwk_xasprintf("%s/hwk", x);
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	return hwk_xasprintf("%s/.local/share/hwk", home);
}

/* A standalone client folder's id is the one its client.yaml gives, whatever the folder
 * is called now. */
static char *client_id_of(const char *dir)
{
	hwk_client_info c;
	if (chdir(dir) < 0) {
		hwk_err_sys("%s", dir);
		return NULL;
	}
	if (hwk_client_read(".", 1, &c) < 0)
		return NULL;
	free(c.name);
	free(c.created);
	return c.id;
}

/* Paths under dir (relative to the practice, prefix) that others than the owner and
 * the group may read, write or enter, into b as "PATH (MODE)"; folders others may enter
 * are looked into, depth levels down. *n counts them all; b holds the first few. */
static void open_paths(const char *dir, const char *prefix, int depth, hwk_buf *b, size_t *n)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *path = hwk_xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode) && (st.st_mode & 007)) {
			if ((*n)++ < 4)
				hwk_buf_printf(b, "%s%s%s%s (%04o)", b->len ? ", " : "", prefix,
					       e->d_name, S_ISDIR(st.st_mode) ? "/" : "",
					       (unsigned)(st.st_mode & 07777));
			/* git's own folder is named, not listed */
			if (S_ISDIR(st.st_mode) && (st.st_mode & 001) && depth > 0 &&
			    strcmp(e->d_name, ".git")) {
				char *sub = hwk_xasprintf("%s%s/", prefix, e->d_name);
				open_paths(path, sub, depth - 1, b, n);
				free(sub);
			}
		}
		free(path);
	}
	closedir(d);
}

static int mode_warning = 1;

void hwk_practice_mode_warning(int on)
{
	mode_warning = on;
}

/* A practice is its owner's alone (hwk(5)): when others can read or enter its folder,
 * say once which paths they can reach, and how to put them right. */
static void warn_open(const hwk_practice *p)
{
	struct stat st;
	if (!mode_warning || stat(".", &st) < 0 || !(st.st_mode & 007))
		return;
	hwk_buf b = {0};
	size_t n = 1;
	hwk_buf_printf(&b, "./ (%04o)", (unsigned)(st.st_mode & 07777));
	if (st.st_mode & 001) /* others may enter: what they reach, clients and their files */
		open_paths(".", "", 2, &b, &n);
	if (n > 4)
		hwk_buf_printf(&b, " and %zu more", n - 4);
	hwk_note("warning: others can reach %s in %s; hwk sync puts the modes right, or "
		 "chmod -R go-rwx %s", b.s, p->root, p->root);
	hwk_buf_free(&b);
}

int hwk_practice_find(hwk_practice *p, const char *dir)
{
	memset(p, 0, sizeof *p);
	const char *named = dir && *dir ? "-C" : NULL;
	if (!named && (dir = getenv("HWK_DIR")) && *dir)
		named = "HWK_DIR";
	if (!named)
		dir = ".";
	char *start = realpath(dir, NULL);
	if (!start)
		return hwk_err_sys("%s", dir);

	char *client_dir = NULL, *cur = hwk_xstrdup(start);
	for (;;) {
		int m = marks(cur, "hwk.yaml"), c = m ? 0 : client_dir ? 0 : marks(cur, "client.yaml");
		if (m < 0 || c < 0) {
			/* named as given where it was given, else by where the walk got to */
			int e = errno;
			const char *in = strcmp(cur, start) ? cur : dir;
			errno = e;
			hwk_err_sys("%s%s%s", strcmp(in, ".") ? in : "",
				    strcmp(in, ".") ? "/" : "", m < 0 ? "hwk.yaml" : "client.yaml");
			free(cur);
			free(start);
			free(client_dir);
			return -1;
		}
		if (m) {
			p->root = hwk_xstrdup(cur);
			break;
		}
		if (c)
			client_dir = hwk_xstrdup(cur);
		char *slash = strrchr(cur, '/');
		if (!slash || slash == cur)
			break;
		*slash = 0;
	}
	free(cur);
	free(start);

	if (p->root && client_dir) {
		/* a client folder of this practice implies the client */
		size_t n = strlen(p->root);
		const char *rest = client_dir + n;
		if (!strncmp(client_dir, p->root, n) && hwk_has_prefix(rest, "/clients/") &&
		    !strchr(rest + 9, '/'))
			p->here_client = hwk_xstrdup(rest + 9);
	} else if (client_dir) {
		p->root = client_dir;
		client_dir = NULL;
		p->standalone = 1;
		if (!(p->here_client = client_id_of(p->root)))
			return -1;
	}
	free(client_dir);
	if (!p->root && named)
		return hwk_err("%s: no practice there or above (make one with 'hwk init %s')", dir,
			       dir);
	if (!p->root) {
		p->root = default_root();
		if (!p->root)
			return hwk_err("no practice here, and neither XDG_DATA_HOME nor HOME is set");
		p->is_default = 1;
		p->exists = marks(p->root, "hwk.yaml") != 0;
	} else {
		p->exists = 1;
	}
	if (p->exists && chdir(p->root) < 0)
		return hwk_err_sys("%s", p->root);
	if (p->exists)
		warn_open(p);
	if (p->exists && !p->standalone && read_settings(p) < 0)
		return -1;
	if (!p->default_every)
		p->default_every = hwk_xstrdup("day");
	if (p->standalone && !hwk_client_id_ok(p->here_client))
		return hwk_err("client.yaml: '%s' is not a client id", p->here_client);
	if (p->standalone)
		standalone_client = p->here_client;
	return 0;
}

void hwk_practice_free(hwk_practice *p)
{
	if (standalone_client == p->here_client)
		standalone_client = NULL;
	free(p->root);
	free(p->here_client);
	free(p->default_every);
	free(p->zone);
	memset(p, 0, sizeof *p);
}

static int make_parents(const char *path)
{
	char *copy = hwk_xstrdup(path);
	for (char *s = copy + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(copy, 0700) < 0 && errno != EEXIST) {
			hwk_err_sys("%s", copy);
			free(copy);
			return -1;
		}
		*s = '/';
	}
	free(copy);
	return 0;
}

int hwk_practice_init(const char *dir, int git, time_t now)
{
	(void)now;
	if (make_parents(dir) < 0 || hwk_store_mkdir(dir) < 0)
		return -1;
	if (is_file(dir, "hwk.yaml"))
		return hwk_err("%s: already a practice (hwk.yaml is there)", dir);
	char *settings = hwk_xasprintf("%s/hwk.yaml", dir);
	char *attrs = hwk_xasprintf("%s/.gitattributes", dir);
	char *types = hwk_xasprintf("%s/types", dir);
	char *clients = hwk_xasprintf("%s/clients", dir);
	static const char text[] =
		"# hwk practice settings (see hwk(5))\n"
		"version: " HWK_FORMAT_S "\n"
		"# the first day of a week: monday ... sunday\n"
		"week_start: monday\n"
		"# how often new assignments are due when 'hwk assign' is given no --every\n"
		"default_every: day\n"
		"# the time zone of hwk calendar's events (a tz name; without it, TZ's)\n"
		"# timezone: Europe/London\n"
		"# with sync false, no fsync after writes (a bulk import goes faster; a crash\n"
		"# of the system can lose it)\n"
		"# sync: true\n"
		"# with commit true, each write is committed to git at once\n"
		"# commit: false\n";
	int rc = -1;
	if (hwk_store_mkdir(types) < 0 || hwk_store_mkdir(clients) < 0)
		goto out;
	if (!is_file(dir, ".gitattributes") &&
	    hwk_store_create(attrs, GITATTRIBUTES, strlen(GITATTRIBUTES)) < 0)
		goto out;
	/* settings last: hwk.yaml marks a finished practice */
	if (hwk_store_create(settings, text, strlen(text)) < 0)
		goto out;
	rc = 0;
	if (git) {
		pid_t pid = fork();
		if (pid == 0) {
			execlp("git", "git", "-C", dir, "init", "-q", (char *)NULL);
			_exit(127);
		}
		int status;
		if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			rc = hwk_err("%s: the practice is made, but 'git init' failed", dir);
	}
out:
	free(settings);
	free(attrs);
	free(types);
	free(clients);
	return rc;
}

int hwk_practice_ensure(hwk_practice *p, time_t now)
{
	if (p->exists)
		return 0;
	if (hwk_practice_init(p->root, 0, now) < 0)
		return -1;
	if (chdir(p->root) < 0)
		return hwk_err_sys("%s", p->root);
	p->exists = 1;
	return 0;
}

int hwk_client_id_ok(const char *id)
{
	return id && hwk_name_ok(id, 64, 1, "-_.");
}

char *hwk_client_dir(const hwk_practice *p, const char *client)
{
	if (p->standalone)
		return hwk_xstrdup(".");
	return hwk_xasprintf("clients/%s", client);
}

/* (Its client.yaml of whatever kind makes a folder a client: reading it says what is
 * wrong with it.) */
int hwk_client_folder_is_client(const char *dir, struct stat *st)
{
	char *yaml = hwk_path(dir, "client.yaml");
	int rc = 0;
	if (lstat(yaml, st) == 0)
		rc = 1;
	else if (errno != ENOENT)
		rc = hwk_err_sys("%s", dir);
	free(yaml);
	return rc;
}

/* A folder met in clients/: 1 a folder (a client when it has its client.yaml: looked
 * for when yaml), 0 not one (not a folder, or no client.yaml), -1 after a message (a
 * symbolic link, or a folder that cannot be looked into). type: what the listing said
 * it is (a DT_ value; DT_UNKNOWN when it did not say, or when there is no listing: then
 * it is looked at). */
static int client_folder(const char *id, unsigned char type, int yaml)
{
	char *dir = hwk_xasprintf("clients/%s", id);
	struct stat st;
	int rc = 0;
	if (type == DT_DIR || type == DT_LNK) {
		st.st_mode = type == DT_DIR ? S_IFDIR : S_IFLNK; /* the listing said: no lstat */
	} else if (lstat(dir, &st) < 0) {
		if (errno != ENOENT)
			rc = hwk_err_sys("%s", dir);
		st.st_mode = 0;
	}
	if (S_ISLNK(st.st_mode)) {
		errno = ELOOP; /* never followed: it leads out of the practice */
		rc = hwk_err_sys("%s", dir);
	} else if (S_ISDIR(st.st_mode)) {
		rc = yaml ? hwk_client_folder_is_client(dir, &st) : 1;
	}
	free(dir);
	return rc;
}

int hwk_practice_clients(const hwk_practice *p, hwk_strs *out)
{
	size_t bad = 0;
	if (hwk_practice_clients_all(p, out, &bad) < 0 || bad)
		return -1;
	return 0;
}

static int clients_listed(const hwk_practice *p, int yaml, hwk_strs *out, size_t *bad)
{
	if (!p->exists)
		return 0;
	if (p->standalone) {
		hwk_strs_push(out, hwk_xstrdup(p->here_client));
		return 0;
	}
	DIR *d = opendir("clients");
	if (!d)
		return errno == ENOENT ? 0 : hwk_err_sys("clients");
	struct dirent *e;
	int err = 0;
	while ((e = hwk_readdir(d, &err))) {
		if (e->d_name[0] == '.' || !hwk_client_id_ok(e->d_name))
			continue;
		int r = client_folder(e->d_name, e->d_type, yaml);
		if (r < 0)
			++*bad;
		else if (r)
			hwk_strs_push(out, hwk_xstrdup(e->d_name));
	}
	closedir(d);
	if (err) {
		errno = err;
		hwk_err_sys("clients");
		++*bad;
	}
	hwk_strs_sort(out);
	return 0;
}

int hwk_practice_clients_all(const hwk_practice *p, hwk_strs *out, size_t *bad)
{
	return clients_listed(p, 1, out, bad);
}

/* Is the client's folder a symbolic link? Then say so: hwk never follows it. */
static int client_folder_link(const hwk_practice *p, const char *client)
{
	struct stat st;
	if (p->standalone)
		return 0;
	char *dir = hwk_client_dir(p, client);
	int link = lstat(dir, &st) == 0 && S_ISLNK(st.st_mode);
	if (link) {
		errno = ELOOP;
		hwk_err_sys("%s", dir);
	}
	free(dir);
	return link;
}

static int client_exists(const hwk_practice *p, const char *client)
{
	if (!p->exists)
		return 0;
	if (p->standalone)
		return !strcmp(client, p->here_client);
	char *dir = hwk_client_dir(p, client);
	struct stat st;
	int ok = lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && is_file(dir, "client.yaml");
	free(dir);
	return ok;
}

int hwk_practice_client(const hwk_practice *p, const char *want, int allow_none, char **out)
{
	*out = NULL;
	if (want && *want) {
		if (!hwk_client_id_ok(want))
			return hwk_err("%s: not a client id (lower-case letters, digits, '-', '_' and '.')",
				       want);
		/* a folder that is a link or cannot be looked into says so */
		int r = p->exists && !p->standalone ? client_folder(want, DT_UNKNOWN, 1) : client_exists(p, want);
		if (r < 0)
			return -1;
		if (!r)
			return hwk_err("%s: no such client (see 'hwk list clients')", want);
		*out = hwk_xstrdup(want);
		return 0;
	}
	if (p->here_client) {
		*out = hwk_xstrdup(p->here_client);
		return 0;
	}
	hwk_strs all = {0};
	if (hwk_practice_clients(p, &all) < 0)
		return -1;
	if (all.n == 1) {
		*out = all.v[0];
		all.v[0] = NULL;
		hwk_strs_free(&all);
		return 0;
	}
	size_t n = all.n;
	hwk_strs_free(&all);
	if (allow_none)
		return 0;
	if (n == 0)
		return hwk_err("no clients yet (start with 'hwk assign CLIENT TYPE')");
	return hwk_err("more than one client; name one with -c CLIENT");
}

int hwk_scope_resolve(hwk_scope *s, unsigned needs, char *const *named, size_t n)
{
	if (needs && !(s->done & HWK_NEED_PRACTICE)) {
		if (hwk_practice_find(&s->p, s->dir) < 0)
			return -1;
		s->done |= HWK_NEED_PRACTICE;
	}
	if ((needs & HWK_NEED_CLIENT) && !(s->done & HWK_NEED_CLIENT)) {
		if (hwk_practice_client(&s->p, n ? named[0] : s->want, 0, &s->client) < 0)
			return -1;
		s->done |= HWK_NEED_CLIENT;
	}
	if ((needs & HWK_CLIENTS) && !(s->done & HWK_CLIENTS)) {
		char *one;
		for (size_t i = 0; i < n; i++) {
			if (hwk_practice_client(&s->p, named[i], 0, &one) < 0)
				return -1;
			hwk_strs_push(&s->clients, one);
		}
		/* one client when one is named or implied; else every client */
		if (!n && (s->want || s->p.here_client)) {
			if (hwk_practice_client(&s->p, s->want, 0, &one) < 0)
				return -1;
			hwk_strs_push(&s->clients, one);
		} else if (!n && clients_listed(&s->p, !(needs & HWK_CLIENT_FOLDERS), &s->clients,
						&s->omitted) < 0) {
			return -1;
		}
		s->done |= HWK_CLIENTS;
	}
	return 0;
}

void hwk_scope_free(hwk_scope *s)
{
	hwk_practice_free(&s->p); /* also after a failed find, which may leave some set */
	free(s->client);
	hwk_strs_free(&s->clients);
	s->client = NULL;
	s->done = 0;
}

int hwk_client_create(const hwk_practice *p, const char *client, const char *name, time_t now)
{
	if (client_exists(p, client))
		return 0;
	if (client_folder_link(p, client))
		return -1;
	char *dir = hwk_client_dir(p, client);
	char *yaml = hwk_xasprintf("%s/client.yaml", dir);
	char *attrs = hwk_xasprintf("%s/.gitattributes", dir);
	char day[16];
	hwk_buf b = {0};
	int rc = -1;
	hwk_buf_adds(&b, "# hwk client (see hwk(5))\n");
	hwk_yw *w = hwk_yw_new(&b);
	hwk_yw_map_start(w);
	hwk_yw_kv_plain(w, "version", HWK_FORMAT_S);
	hwk_yw_kv(w, "id", client);
	hwk_yw_kv(w, "name", name);
	hwk_day_format(hwk_day_of(now), day);
	hwk_yw_kv_plain(w, "created", day);
	hwk_yw_map_end(w);
	if (hwk_yw_end(w) < 0)
		goto out;
	/* client.yaml, made last and at once (linked into place), is what makes the folder a
	 * client: a run that fails before it leaves a folder that is no client yet, which
	 * the next one completes. Nothing is ever removed: what is there may be another
	 * process's, made meanwhile. */
	if (hwk_store_mkdir("clients") < 0 || hwk_store_mkdir(dir) < 0 ||
	    hwk_store_create_new(attrs, GITATTRIBUTES, strlen(GITATTRIBUTES)) < 0)
		goto out;
	int made = hwk_store_create_new(yaml, b.s, b.len);
	if (made < 0)
		goto out;
	rc = made == 0;
out:
	hwk_buf_free(&b);
	free(dir);
	free(yaml);
	free(attrs);
	return rc;
}

const char *hwk_folder_client(const char *dir)
{
	if (hwk_has_prefix(dir, "clients/") && !strchr(dir + 8, '/'))
		return dir + 8;
	if (!strcmp(dir, "."))
		return standalone_client;
	return NULL;
}

int hwk_client_read(const char *client_dir, int need_id, hwk_client_info *out)
{
	memset(out, 0, sizeof *out);
	char *path = hwk_path(client_dir, "client.yaml"), *version = NULL;
	hwk_ynode *root;
	const char *folder = hwk_folder_client(client_dir);
	int rc = hwk_yaml_load(path, &root);
	if (rc == 0 && (!root || root->kind != HWK_Y_MAP))
		rc = hwk_yerr(path, root, "client.yaml must be a mapping with 'id'");
	else if (rc == 0 && (hwk_yget_str(path, root, "id", need_id, &out->id) < 0 ||
			     hwk_yget_str(path, root, "name", 0, &out->name) < 0 ||
			     hwk_yget_str(path, root, "created", 0, &out->created) < 0 ||
			     hwk_yget_str(path, root, "version", 0, &version) < 0))
		rc = -1;
	/* an id is one that cannot leave the practice, and the folder's own: a client's
	 * folder never holds another client's data */
	else if (rc == 0 && out->id && !hwk_client_id_ok(out->id))
		rc = hwk_yerr(path, hwk_ymap_get(root, "id"),
			      "'id' must be a client id (lower-case letters, digits, '-', '_' and "
			      "'.'; a letter or digit first)");
	else if (rc == 0 && out->id && folder && strcmp(out->id, folder))
		rc = hwk_yerr(path, hwk_ymap_get(root, "id"),
			      "'id' is '%s' but the folder is %s's", out->id, folder);
	else if (rc == 0 && check_version(path, root, version, !strcmp(client_dir, ".")) < 0)
		rc = -1;
	out->format = version ? atoi(version) : 1;
	free(version);
	if (rc == 0 && !need_id) { /* read for the checks alone */
		free(out->id);
		out->id = NULL;
	}
	hwk_ynode_free(root);
	free(path);
	if (rc < 0) {
		free(out->id);
		free(out->name);
		free(out->created);
		memset(out, 0, sizeof *out);
	}
	return rc;
}

/* client.yaml files hwk_client_name found bad (and said so) */
static size_t bad_clients;

size_t hwk_clients_bad(void)
{
	return bad_clients;
}

char *hwk_client_name(const char *client_dir)
{
	hwk_client_info c;
	if (hwk_client_read(client_dir, 0, &c) < 0) {
		bad_clients++;
		return NULL;
	}
	free(c.created);
	return c.name;
}
