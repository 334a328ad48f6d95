/* assignment: one client's homework, read from and written to its self-describing
 * YAML file, and found by id, id prefix or type name. */
#ifndef HWK_ASSIGNMENT_H
#define HWK_ASSIGNMENT_H

#include <time.h>
#include "frequency.h"
#include "ladder.h"
#include "types.h"
#include "util.h"

typedef struct {
	char *at, *change, *from, *to;
} hwk_change;

typedef struct hwk_assignment {
	char *id, *client, *type, *title;
	char *every, *start, *until, *when, *where, *minimum, *instructions, *status;
	hwk_fields fields;
	hwk_ladder ladder; /* an exposure's steps (hwk_ladder_fits); none when n is 0 */
	hwk_change *history;
	size_t nhistory;
	/* derived when read */
	char *yaml_path, *csv_path; /* relative to the practice root */
	hwk_every ev;
	hwk_day start_day, until_day; /* until HWK_DAY_NONE when open */
} hwk_assignment;

#define HWK_ID_MAX 64

/* Read an assignment file. -1 after a message naming file:line:col. */
int hwk_assignment_load(const char *yaml_path, hwk_assignment *a);
/* Read an assignment from text (name in messages) with every check of its content, but
 * none of where it lies (the file's name, its folder): nothing derived is filled. */
int hwk_assignment_parse(const char *name, const char *data, size_t len, hwk_assignment *a);
/* The file's text: fixed key order, optional keys left out when unset. */
void hwk_assignment_emit(const hwk_assignment *a, hwk_buf *out);
/* Fill the derived fields (paths, every, days) from the stored ones. */
int hwk_assignment_derive(hwk_assignment *a, const char *dir);
void hwk_assignment_add_change(hwk_assignment *a, time_t when, const char *change,
			       const char *from, const char *to);
void hwk_assignment_free(hwk_assignment *a);
/* Give it ladder l (copied), recording the change with its time when it differs. A
 * type without a step field is refused (a step left out that entries name is for
 * hwk_entries_keep_steps to refuse first). 1 changed, 0 the same, -1 after a message. */
int hwk_assignment_set_ladder(hwk_assignment *a, const hwk_ladder *l, time_t now);
/* The ladder of a as it was at the end of day: its ladder now, or, when the history
 * has a ladder change made after day, the ladder that change replaced (owned). */
void hwk_assignment_ladder_on(const hwk_assignment *a, hwk_day day, hwk_ladder *out);
/* The ladder of hwk assign --step ARG... for a, in order (hwk_ladder_add_arg, on a's
 * SUDS scale), into *out; -1 after a message, also when a can take no ladder. */
int hwk_assignment_ladder_args(const hwk_assignment *a, char *const *args, size_t n,
			       hwk_ladder *out);
/* Change one of every, until, when, where, minimum, instructions (value NULL clears it),
 * recording the change with its time when the value differs. 1 changed, 0 the same,
 * -1 after a message (a bad frequency or date). */
int hwk_assignment_set(hwk_assignment *a, const char *key, const char *value, time_t now);
/* End it on a day: status ended, until that day. */
int hwk_assignment_end(hwk_assignment *a, hwk_day day, time_t now);
/* Write the file: create (never overwriting) or replace, atomically. */
int hwk_assignment_save(const hwk_assignment *a, int create);
int hwk_assignment_active_on(const hwk_assignment *a, hwk_day day);
/* Ended ahead: its end was recorded (hwk assign --end --at) on a day before its until,
 * so it stays open to entries through that day, which counts as any other. An end
 * recorded on its day or later (or a file without the record) closes it at once. */
int hwk_assignment_ends_ahead(const hwk_assignment *a);
/* Does it take new entries at now: active, or ended ahead and now not past its until? */
int hwk_assignment_open(const hwk_assignment *a, time_t now);
/* The frequency as written that was in force on a day (from the history of `every`). */
const char *hwk_assignment_every_on(const hwk_assignment *a, hwk_day day);

typedef struct {
	hwk_assignment *v;
	size_t n;
	int moves; /* the folder holds an ended assignment whose stay is over
		    * (HWK_ENDED_STAY): the next write moves it (hwk_assignments_tidy) */
} hwk_assignments;

/* The folder of a client folder where its ended assignments are, each as
 * YYYY/ID.ended-UNTIL.yaml with its entries YYYY/ID.csv: an ended assignment is moved
 * there once HWK_ENDED_STAY days have passed after its last day
 * (hwk_assignments_move_ended). */
#define HWK_ENDED_DIR "ended"
/* Days an ended assignment stays in its client's folder after its last day, before it
 * moves into ended/ (hwk(5)): the commands about the last few weeks (list due, the
 * week's report, a recent list entries) then find every assignment that can meet
 * their period in the folder, and never open ended/. */
#define HWK_ENDED_STAY 31
/* Is the stay in its folder over on today for an ended assignment whose UNTIL
 * (YYYY-MM-DD...) is until: its last day more than HWK_ENDED_STAY days before? */
int hwk_ended_stay_over(const char *until, hwk_day today);
/* A period that starts no earlier than this many days before today needs nothing of
 * ended/: what is there ended more than HWK_ENDED_STAY days before the day it was
 * moved, which leaves three days for a machine whose clock is ahead. */
#define HWK_ENDED_RECENT (HWK_ENDED_STAY - 3)
/* Is name (n bytes) an ended assignment's file, ID.ended-UNTIL.yaml? The length of its
 * ID (its UNTIL is at name + idn + 7), else 0. */
size_t hwk_ended_name(const char *name, size_t n);
/* Is name a year folder's of ended/ (four digits; YYYY the year of UNTIL)? */
int hwk_ended_year_name(const char *name);
/* dir/ended/YYYY, YYYY the first four characters of year: a year folder's name, or an
 * ended assignment's UNTIL (YYYY-MM-DD...); owned. */
char *hwk_ended_year_dir(const char *dir, const char *year);
/* The year folders in client folder dir's ended/ (names of four digits that are
 * folders; any other name is not hwk's and left out), sorted; none when there is no
 * ended/. -1 with errno set, nothing said. */
int hwk_ended_years(const char *dir, hwk_strs *years);
/* A command about a period from a year Y on opens ended/Y ... ended/Y' directly (Y' the
 * year of tomorrow) when they are at most this many; else it lists ended/. */
#define HWK_ENDED_YEARS_OPENED 3

/* The period a command is about, for the loaders below: the ended assignments of
 * ended/YYYY/ whose start..until meets from..to (HWK_DAY_NONE: open) are read besides
 * the folder's own, each known from its file's name alone (the id starts with the
 * start, the name holds the until); the others are not opened, nor the year folders
 * before from's year (hwk(5), LAYOUT). HWK_CURRENT: a command about today or later,
 * which reads the folder alone. */
typedef struct {
	hwk_day from, to;
	int folder_only; /* the folder's alone (its ended ones passed over as above): ended/
			  * is not read */
} hwk_period;
#define HWK_CURRENT ((const hwk_period *)0)

/* All assignments in a client folder (dir "clients/alex" or "."), and those of ended/
 * that reach past (ended/ is not listed when past starts within HWK_ENDED_RECENT days
 * of today), sorted by id. */
int hwk_assignments_load(const char *dir, const hwk_period *past, hwk_assignments *out);
/* The same, going on past a file that cannot be read (each named in a message): -1
 * then, with those that were read in *out (to be freed either way). */
int hwk_assignments_load_all(const char *dir, const hwk_period *past, hwk_assignments *out);
/* Only those of the folder whose file name could answer spec (an id, id prefix or the
 * type in the id): a client's other assignments are not read. ended/ is read (those
 * of its names that could answer) only when none in the folder could: an ended one is
 * found, to be told apart from none. */
int hwk_assignments_load_for(const char *dir, const char *spec, hwk_assignments *out);
/* Only those active on some day of from..to, of the assignment files named (as
 * hwk_dir_yaml_names lists dir, perhaps ahead of time in another thread) and of ended/
 * (not listed when from is recent: HWK_ENDED_RECENT): a file surely outside (by the
 * start day in its name, or its until) is not parsed. It
 * goes on past a file that cannot be read, as hwk_assignments_load_all. */
int hwk_assignments_load_period(const char *dir, const hwk_strs *names, hwk_day from,
				hwk_day to, hwk_assignments *out);
/* Move into ended/YYYY/ (YYYY its until's year; each made 0700 when missing) each ended
 * assignment of client folder dir whose stay is over at now (its until more than
 * HWK_ENDED_STAY days before today), with its entries: its file is written into
 * ended/YYYY/ first (one there already holds), then the entries file renamed there,
 * then the file in dir
 * removed, so that a crash between leaves the ended file holding, its entries in
 * either place, and the next call finishes the move. dir's lock must be held. -1 after
 * a message when one could not be moved (the others are). */
int hwk_assignments_move_ended(const char *dir, time_t now);
/* For a command that has written in client folder dir: hwk_assignments_move_ended
 * under dir's lock, taken here unless locked (a writer holding it meanwhile is left to
 * do it). What fails is said; what the command wrote stands. */
void hwk_assignments_tidy(const char *dir, int locked, time_t now);
/* The names of the assignment files in dir (*.yaml but client.yaml, nothing hidden), in
 * no order. -1 with errno set, and nothing said: safe to call from any thread. */
int hwk_dir_yaml_names(const char *dir, hwk_strs *names);
void hwk_assignments_free(hwk_assignments *l);
/* Resolve what a user typed: an exact id, a unique id prefix, or a type name matching
 * exactly one active assignment. Returns the index, or -1 after a message. */
long hwk_assignments_find(const hwk_assignments *l, const char *spec);
/* hwk_assignments_find in l, client folder dir's own assignments (HWK_CURRENT); when
 * none there answers spec, ended/ is looked into, to say that the one named has ended. */
long hwk_assignments_find_in(const char *dir, const hwk_assignments *l, const char *spec);
/* The same without messages: 1 and *idx when spec names exactly one, 0 when none,
 * 2 when it is ambiguous. */
int hwk_assignments_match(const hwk_assignments *l, const char *spec, size_t *idx);

/* Find an assignment for a command: in the client named (or implied); with no client
 * named in a practice of several, in whichever client has it (an id or id prefix
 * must then be unique across clients). Loads that client's list into *l. */
struct hwk_practice;
long hwk_assignment_locate(const struct hwk_practice *p, const char *client, const char *spec,
			   hwk_assignments *l);

/* Change the assignment spec names (found as hwk_assignment_locate finds it) under its
 * client folder's lock (hwk_store_lock): it is read after the lock is taken, so that
 * no other writer's change is lost, then change(a, arg) is called: 1 saves it, 0 leaves
 * it as it is, -1 (after a message) fails. Returns what change did, or -1 after a
 * message (not found, busy, not saved). */
int hwk_assignment_update(const struct hwk_practice *p, const char *client, const char *spec,
			  int (*change)(hwk_assignment *a, void *arg), void *arg);

/* A new id: YYYY-MM-DD-TYPE-xxxx (four random hex digits). */
char *hwk_assignment_new_id(hwk_day day, const char *type);

/* The keys hwk assign may set (--every, --until, --when, --where, --minimum, -m), in
 * the order they are applied and recorded. */
#define HWK_ASSIGN_NKEYS 6
extern const char *const hwk_assign_keys[HWK_ASSIGN_NKEYS];

/* A day given to option opt of hwk assign, as *d and YYYY-MM-DD in out (16 bytes). */
int hwk_assign_day(const char *opt, const char *s, time_t now, hwk_day *d, char *out);

/* What a new assignment is made from: hwk assign CLIENT TYPE and its options. */
typedef struct {
	const char *client; /* NULL: the one implied; in a practice with no clients, "me" */
	const char *type;
	const char *start;  /* --start, or NULL for today */
	const char *name;   /* --name: a new client's display name, or NULL */
	const char *set[HWK_ASSIGN_NKEYS]; /* per hwk_assign_keys; NULL where not given */
	char *const *steps; /* --step NAME=EXPECTED[/TARGET], in order */
	size_t nsteps;
} hwk_assignment_opts;

/* Make and save a new assignment, and its client (and the default practice) when
 * missing. *id (owned) names it; *what (owned, unless what is NULL) says it for a
 * commit message, "CLIENT TYPE EVERY". -1 after a message, nothing left half made. */
int hwk_assignment_create(struct hwk_practice *p, const hwk_assignment_opts *o, time_t now,
			  char **id, char **what);

/* The assignment's frequencies over time (see hwk_schedule), from its history. */
void hwk_assignment_schedule(const hwk_assignment *a, hwk_schedule *s);

#endif
