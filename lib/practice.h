/* practice: finding the practice folder (or a client folder standing alone), its
 * settings, its clients, and making new practices and client folders. */
#ifndef HWK_PRACTICE_H
#define HWK_PRACTICE_H

#include <sys/stat.h>

#include "date.h"
#include "util.h"

/* The format version of the files this hwk reads and writes (hwk(5) FORMAT VERSIONS). */
#define HWK_FORMAT_S "3"

typedef struct hwk_practice {
	char *root;          /* absolute path; the process works from this folder */
	int exists;          /* hwk.yaml (or, standalone, client.yaml) is there */
	int standalone;      /* root is a client folder with no practice above it */
	int is_default;      /* root is the default practice under $XDG_DATA_HOME */
	char *here_client;   /* the client whose folder we were started in, or NULL */
	int week_start;      /* 0 = Monday ... 6 = Sunday */
	char *default_every;
	int commit;          /* hwk.yaml's commit: each write committed (see hwk_commit) */
	int format;          /* hwk.yaml's version (1 when none) */
	char *zone;          /* hwk.yaml's timezone (an IANA name), or NULL */
} hwk_practice;

/* Whether finding a practice warns, once, when others than the owner and the group can
 * read or enter it, naming what they reach (on unless turned off, by hwk sync, which
 * puts the modes right itself). */
void hwk_practice_mode_warning(int on);
/* Whether finding a practice (or a client folder standing alone) in an older format is
 * allowed: only hwk upgrade allows it, every other command stops with a message. */
void hwk_practice_allow_old(int on);

/* Find the practice from dir (-C), else $HWK_DIR, else the current folder, walking up;
 * else the default practice. Changes into its root when it exists. */
int hwk_practice_find(hwk_practice *p, const char *dir);
/* For commands that write: create the default practice when it is missing. */
int hwk_practice_ensure(hwk_practice *p, time_t now);
void hwk_practice_free(hwk_practice *p);
/* The practice's time zone, an IANA name such as Europe/London (owned): hwk.yaml's
 * timezone; else $TZ when it names a zone (Europe/London, :Europe/London or a path
 * ending in zoneinfo/Europe/London); else the zone the system's /etc/localtime links
 * to; else UTC. *from (unless NULL) says which ("hwk.yaml", "$TZ", "/etc/localtime",
 * "the default"). */
char *hwk_practice_zone(const hwk_practice *p, const char **from);
/* Is s written as a time zone name (Area/Location, letters, digits, _ + - and /)? */
int hwk_zone_name_ok(const char *s);

/* Make a new practice in dir (created if missing). git: also run git init. */
int hwk_practice_init(const char *dir, int git, time_t now);

/* The folder of a client relative to the root: "clients/ID", or "." standalone (owned). */
char *hwk_client_dir(const hwk_practice *p, const char *client);
/* Client ids, sorted: the folders in clients/ with a client.yaml. -1 after a message,
 * also when a client folder cannot be looked into or is a symbolic link (hwk never
 * follows one out of the practice). */
int hwk_practice_clients(const hwk_practice *p, hwk_strs *out);
/* The same, going on past such folders (and a read error of clients/): each is named in
 * a message and counted in *bad, and the others listed. */
int hwk_practice_clients_all(const hwk_practice *p, hwk_strs *out, size_t *bad);
/* Is client folder dir a client (has it its client.yaml)? 1 (st: client.yaml's lstat),
 * 0 (not yet: passed over), -1 after a message (it cannot be looked into: left out). */
int hwk_client_folder_is_client(const char *dir, struct stat *st);
/* Which client a command is about: want (from -c or $HWK_CLIENT or an argument) must
 * exist; else the folder we are in; else the only client. NULL want and none found:
 * error unless allow_none, then *out = NULL. */
int hwk_practice_client(const hwk_practice *p, const char *want, int allow_none, char **out);
/* What a command works on: the practice and its client or clients, found in one place
 * (hwk_scope_resolve) when the command has checked its arguments, so usage errors come
 * before "no such client". */
enum {
	HWK_NEED_PRACTICE = 1, /* the practice */
	HWK_NEED_CLIENT = 2,   /* exactly one client (and the practice) */
	HWK_CLIENTS = 4,       /* zero or more clients (and the practice) */
	/* with HWK_CLIENTS, when all are taken: every folder of clients/ that could be a
	 * client, its client.yaml not looked for (a command that reads every client anyway,
	 * in two threads, finds out there, off the path of its start:
	 * hwk_client_folder_is_client) */
	HWK_CLIENT_FOLDERS = 8,
};
typedef struct {
	const char *dir;  /* -C DIR, or NULL */
	const char *want; /* -c CLIENT or $HWK_CLIENT, or NULL */
	unsigned done;    /* what is resolved already */
	hwk_practice p;
	char *client;     /* HWK_NEED_CLIENT: the client */
	hwk_strs clients; /* HWK_CLIENTS: those named, else the one named or implied, else all */
	size_t omitted;   /* HWK_CLIENTS, all: client folders left out after a message; a
			   * command over them goes on with the rest and exits 1 */
} hwk_scope;
/* Resolve what needs asks for and is not resolved yet: the practice first, then the
 * client(s). named (n of them, from the command's arguments) stand in for -c: the one
 * client, or each of the clients, must exist. -1 after a message. */
int hwk_scope_resolve(hwk_scope *s, unsigned needs, char *const *named, size_t n);
void hwk_scope_free(hwk_scope *s);

/* Create a client folder with client.yaml and .gitattributes. 1 made, 0 was there. */
int hwk_client_create(const hwk_practice *p, const char *client, const char *name, time_t now);
int hwk_client_id_ok(const char *id);
/* What a client's client.yaml says; name and created may stay NULL, id too unless
 * need_id. The one reader of client.yaml. -1 after a message. */
typedef struct {
	char *id, *name, *created;
	int format;          /* its version (1 when none) */
} hwk_client_info;
int hwk_client_read(const char *client_dir, int need_id, hwk_client_info *out);
/* Whose data a client folder (as hwk_client_dir names it) may hold: "clients/ID" is
 * ID's, "." the standalone client's once the practice is found; NULL when unknown. */
const char *hwk_folder_client(const char *dir);
/* A client's display name from its client.yaml, or NULL (owned). A client.yaml that
 * cannot be read or is wrong is said, and counted in hwk_clients_bad(): the caller goes
 * on without the name, and the command exits 1. */
char *hwk_client_name(const char *client_dir);
size_t hwk_clients_bad(void);

#endif
