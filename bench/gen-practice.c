/* gen-practice: write a synthetic hwk practice, for benchmarks.
 *
 *   cc -O2 -o build/gen-practice bench/gen-practice.c
 *   gen-practice [-s SCRIPT] DIR CLIENTS DAYS END_DATE SEED
 *
 * writes into DIR (made, or empty) a practice in format version 3, laid out as hwk
 * writes it (see hwk(5)): version: 3 in hwk.yaml and each client.yaml, the replaces
 * column last in every entries file (empty in every row, as logged), and the ended
 * assignments, with their entries, in clients/CLIENT/ended/YYYY/ (YYYY the year of
 * the last day) once 31 days are past their last day (in the client's folder
 * before).  It holds CLIENTS
 * clients c-0001 ..., each with a mix of the built-in homework types over the
 * history, and entries for the last DAYS days up to END_DATE (YYYY-MM-DD), all in
 * Europe/Berlin time.  The same SEED gives the same practice; the history is made
 * backwards from END_DATE and each week's entries come from their own random stream,
 * so a shorter DAYS gives the same clients and the same files cut to the last DAYS
 * days (assignments over before then are left out, and so are older rows).  At 500
 * clients and 730 days it writes about a million entries.
 *
 * Each client has one lane per homework type: spells of an assignment (a few weeks to
 * some months) and gaps between them, assigned, edited and ended at a weekly session;
 * two to four lanes are active on END_DATE, some of them for the whole history.  Of
 * the entries, about 75% are done, 10% partial and 15% skipped with a reason; some
 * expected days have no entry at all.
 *
 * -s SCRIPT also writes a shell script of the hwk commands (assign, edit, end, log with
 * HWK_NOW set) that make the same practice with the real hwk, for bench/check-gen.sh;
 * it is exact only when DAYS is 730 or more (nothing cut).
 *
 * C11 and POSIX, libc only.  Its own PRNG (splitmix64 to seed, xorshift64*).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define HORIZON 730 /* days of history made at least, whatever DAYS asks for */

static const char *prog = "gen-practice";

static void die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* ---------------------------------------------------------------- random numbers */

static uint64_t smix(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

static uint64_t hash2(uint64_t a, uint64_t b) { return smix(smix(a) ^ b); }

typedef struct {
	uint64_t s;
} Rng;

static void rseed(Rng *r, uint64_t seed)
{
	r->s = smix(seed);
	if (r->s == 0)
		r->s = 0x2545F4914F6CDD1Dull;
}

static uint64_t rnext(Rng *r) /* xorshift64* */
{
	uint64_t x = r->s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	r->s = x;
	return x * 0x2545F4914F6CDD1Dull;
}

static int rin(Rng *r, int lo, int hi) /* lo..hi, both included */
{
	return lo + (int)(rnext(r) % (uint64_t)(hi - lo + 1));
}

static double runi(Rng *r) { return (double)(rnext(r) >> 11) * 0x1.0p-53; }

static int chance(Rng *r, double p) { return runi(r) < p; }

#define PICK(r, a) ((a)[rin((r), 0, (int)(sizeof(a) / sizeof((a)[0])) - 1)])

/* ---------------------------------------------------------------- dates, Europe/Berlin */

/* days since 1970-01-01 (H. Hinnant's algorithms) */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int wday(long z) { return (int)(((z % 7) + 10) % 7); } /* 0 Monday .. 6 Sunday */

static long floordiv(long long a, long b) { return (long)(a >= 0 ? a / b : -((-a + b - 1) / b)); }

static long last_sunday(int y, int m)
{
	long last = (m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1)) - 1;
	return last - (wday(last) + 1) % 7;
}

/* summer time: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC */
static int is_dst(long long t)
{
	int y, m, d;
	civil_from_days(floordiv(t, 86400), &y, &m, &d);
	long long s = last_sunday(y, 3) * 86400LL + 3600, e = last_sunday(y, 10) * 86400LL + 3600;
	return t >= s && t < e;
}

static long long local_to_utc(long day, long secs)
{
	long long l = day * 86400LL + secs, t = l - 7200;
	return is_dst(t) ? t : l - 3600;
}

static long local_day(long long t) { return floordiv(t + (is_dst(t) ? 7200 : 3600), 86400); }

static void fmt_date(char *b, long day)
{
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	snprintf(b, 11, "%04d-%02d-%02d", y, m, d);
}

static void fmt_time(char *b, long long t) /* 2026-11-27T21:04:00+01:00 */
{
	unsigned off = is_dst(t) ? 2 : 1;
	long long l = t + off * 3600;
	long day = floordiv(l, 86400);
	unsigned s = (unsigned)(l - day * 86400LL) % 86400u;
	fmt_date(b, day);
	snprintf(b + 10, 16, "T%02u:%02u:%02u+%02u:00", s / 3600 % 24, s / 60 % 60, s % 60, off % 3u);
}

/* ---------------------------------------------------------------- growable text */

typedef struct {
	char *p;
	size_t n, cap;
} Buf;

static void bput(Buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (b->n + n + 1 > cap)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p)
			die("out of memory");
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = 0;
}

static void bs(Buf *b, const char *s) { bput(b, s, strlen(s)); }

static void bf(Buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp)
		die("internal: text too long");
	bput(b, tmp, (size_t)n);
}

/* one CSV value, quoted as in hwk(5): when it holds , " CR LF or starts or ends with a
 * space or a tab */
static void bcsv(Buf *b, const char *s)
{
	size_t n = strlen(s);
	int q = strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
						s[n - 1] == '\t'));
	if (!q) {
		bput(b, s, n);
		return;
	}
	bput(b, "\"", 1);
	for (; *s; s++)
		bput(b, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
	bput(b, "\"", 1);
}

/* a YAML scalar as hwk writes the texts used here: a literal block for several lines,
 * single quotes for what reads as a time (18:00), else plain */
static void byaml(Buf *b, const char *s)
{
	if (strchr(s, '\n')) {
		bs(b, "|-");
		while (*s) {
			const char *e = strchr(s, '\n');
			size_t n = e ? (size_t)(e - s) : strlen(s);
			bs(b, "\n  ");
			bput(b, s, n);
			s += n + (e != NULL);
		}
		return;
	}
	const char *p = s;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p > s && *p == ':' && p[1] >= '0' && p[1] <= '9' && strspn(p + 1, "0123456789") == strlen(p + 1))
		bf(b, "'%s'", s);
	else
		bs(b, s);
}

static void bsh(Buf *b, const char *s) /* shell single quotes */
{
	bput(b, "'", 1);
	for (; *s; s++)
		*s == '\'' ? bs(b, "'\\''") : bput(b, s, 1);
	bput(b, "'", 1);
}

/* ---------------------------------------------------------------- files */

static unsigned long long bytes_written, files_written;

static void write_file(const char *path, const char *data, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		die("%s: %s", path, strerror(errno));
	if (fchmod(fd, 0600) != 0)
		die("%s: %s", path, strerror(errno));
	while (n) {
		ssize_t w = write(fd, data, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			die("%s: %s", path, strerror(errno));
		}
		data += w;
		n -= (size_t)w;
		bytes_written += (unsigned long long)w;
	}
	if (close(fd) != 0)
		die("%s: %s", path, strerror(errno));
	files_written++;
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0700) != 0)
		die("%s: %s", path, strerror(errno));
	if (chmod(path, 0700) != 0)
		die("%s: %s", path, strerror(errno));
}

/* ---------------------------------------------------------------- homework types */

enum { EV_DAY, EV_WEEKDAY, EV_NWEEK, EV_DAYS, EV_ONCE };

typedef struct {
	int kind, n; /* n: times a week for EV_NWEEK, a mask of days (bit 0 Monday) for EV_DAYS */
} Every;

static void fmt_every(char *b, Every e)
{
	static const char *dn[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	switch (e.kind) {
	case EV_DAY: strcpy(b, "day"); break;
	case EV_WEEKDAY: strcpy(b, "weekday"); break;
	case EV_NWEEK: sprintf(b, "%d/week", e.n); break;
	case EV_ONCE: strcpy(b, "once"); break;
	default:
		*b = 0;
		for (int i = 0; i < 7; i++)
			if (e.n & 1 << i)
				strcat(*b ? strcat(b, ",") : b, dn[i]);
	}
}

enum { T_SLEEP, T_THOUGHT, T_ACTIVITY, T_EXPOSURE, T_MINDFUL, T_TASK, NTYPES };

#define MWF (1 | 4 | 16)
#define TTS (2 | 8 | 32)
#define NOPT 8

typedef struct {
	const char *name, *title, *fields, *header;
	int nfields;
	double used;           /* share of clients who ever get it */
	int len_min, len_max;  /* sessions (weeks) an assignment runs */
	int gap_min, gap_max;  /* sessions between two */
	int at_from, at_to;    /* minutes of the day it is usually done */
	Every every[NOPT];     /* the choices, repeated for weight; kind -1 ends */
	const char *when[NOPT], *where[NOPT], *minimum[NOPT], *instr[NOPT]; /* "": not set */
} Type;

#define END_EV {-1, 0}
static const Type types[NTYPES] = {
	[T_SLEEP] = {"sleep", "Sleep diary",
		"- name: bed\n  type: time\n  required: true\n  prompt: Time you went to bed\n"
		"- name: lights_out\n  type: time\n  prompt: Time you tried to sleep\n"
		"- name: sol\n  type: integer\n  min: 0\n  max: 720\n  unit: min\n  prompt: Minutes to fall asleep\n"
		"- name: awakenings\n  type: integer\n  min: 0\n  max: 50\n  prompt: Times you woke in the night\n"
		"- name: waso\n  type: integer\n  min: 0\n  max: 720\n  unit: min\n  prompt: Minutes awake in the night\n"
		"- name: wake\n  type: time\n  required: true\n  prompt: Time of final awakening\n"
		"- name: out_of_bed\n  type: time\n  required: true\n  prompt: Time you got out of bed\n"
		"- name: quality\n  type: integer\n  min: 1\n  max: 5\n  prompt: Sleep quality (1 very poor, 5 very good)\n",
		"bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality", 8,
		0.85, 4, 60, 1, 4, 0, 0,
		{{EV_DAY, 0}, {EV_DAY, 0}, {EV_DAY, 0}, {EV_DAY, 0}, {EV_NWEEK, 5}, {EV_WEEKDAY, 0}, END_EV},
		{"on waking", "within an hour of getting up", "at breakfast", ""},
		{"kitchen table", "bedside", "", ""},
		{"bed and wake times only", "wake time only", ""},
		{"Fill it in within an hour of getting up.",
		 "Fill it in within an hour of getting up.\nBring it to the next session.",
		 "Keep the diary by the bed; no clock-watching at night.", ""}},
	[T_THOUGHT] = {"thought-record", "Thought record",
		"- name: situation\n  type: text\n  required: true\n  prompt: Situation (where, when, who)\n"
		"- name: emotion\n  type: text\n  prompt: Emotion\n"
		"- name: intensity\n  type: integer\n  min: 0\n  max: 100\n  prompt: Intensity of the emotion\n"
		"- name: thought\n  type: text\n  required: true\n  prompt: Automatic thought\n"
		"- name: belief\n  type: integer\n  min: 0\n  max: 100\n  prompt: How much you believed it\n"
		"- name: evidence_for\n  type: text\n  prompt: Evidence for the thought\n"
		"- name: evidence_against\n  type: text\n  prompt: Evidence against the thought\n"
		"- name: balanced\n  type: text\n  prompt: Balanced thought\n"
		"- name: balanced_belief\n  type: integer\n  min: 0\n  max: 100\n  prompt: How much you believe the balanced thought\n"
		"- name: rerate\n  type: integer\n  min: 0\n  max: 100\n  prompt: Intensity of the emotion now\n",
		"situation,emotion,intensity,thought,belief,evidence_for,evidence_against,balanced,"
		"balanced_belief,rerate", 10,
		0.9, 4, 40, 1, 5, 12 * 60, 21 * 60 + 45,
		{{EV_NWEEK, 3}, {EV_NWEEK, 3}, {EV_NWEEK, 3}, {EV_NWEEK, 2}, {EV_NWEEK, 4}, {EV_DAY, 0}, END_EV},
		{"when you notice a mood drop", "in the evening", ""},
		{"", "", "notebook"},
		{"situation and thought only", ""},
		{"Write it down as soon as you can after the situation.", "",
		 "Rate the emotion before and after.\nBring the sheets to the next session."}},
	[T_ACTIVITY] = {"activity", "Activity (behavioural activation)",
		"- name: activity\n  type: text\n  required: true\n  prompt: Activity\n"
		"- name: planned\n  type: yesno\n  prompt: Was it planned\n"
		"- name: predicted_mood\n  type: integer\n  min: 0\n  max: 10\n  prompt: Mood you predicted\n"
		"- name: mood_before\n  type: integer\n  min: 0\n  max: 10\n  prompt: Mood before\n"
		"- name: mood_after\n  type: integer\n  min: 0\n  max: 10\n  prompt: Mood after\n"
		"- name: mastery\n  type: integer\n  min: 0\n  max: 10\n  prompt: Sense of mastery\n"
		"- name: pleasure\n  type: integer\n  min: 0\n  max: 10\n  prompt: Pleasure\n",
		"activity,planned,predicted_mood,mood_before,mood_after,mastery,pleasure", 7,
		0.8, 4, 40, 1, 5, 9 * 60, 20 * 60,
		{{EV_DAYS, MWF}, {EV_DAYS, MWF}, {EV_NWEEK, 3}, {EV_NWEEK, 3}, {EV_DAY, 0}, {EV_DAYS, TTS}, END_EV},
		{"after lunch", "in the morning", ""},
		{"", "living room", ""},
		{"a ten-minute walk", ""},
		{"A short walk counts.", "Plan the activity the evening before.\nRate your mood before and after.", ""}},
	[T_EXPOSURE] = {"exposure", "Exposure",
		"- name: step\n  type: text\n  required: true\n  prompt: Step of the ladder\n"
		"- name: suds_before\n  type: integer\n  min: 0\n  max: 100\n  prompt: SUDS before\n"
		"- name: suds_peak\n  type: integer\n  min: 0\n  max: 100\n  prompt: Peak SUDS\n"
		"- name: suds_after\n  type: integer\n  min: 0\n  max: 100\n  prompt: SUDS at the end\n"
		"- name: minutes\n  type: integer\n  min: 0\n  max: 1440\n  unit: min\n  prompt: Minutes\n"
		"- name: safety_behaviours\n  type: text\n  prompt: Safety behaviours used\n",
		"step,suds_before,suds_peak,suds_after,minutes,safety_behaviours", 6,
		0.7, 4, 30, 1, 6, 8 * 60, 20 * 60,
		{{EV_NWEEK, 4}, {EV_NWEEK, 4}, {EV_NWEEK, 3}, {EV_DAYS, MWF}, {EV_NWEEK, 5}, END_EV},
		{"before work", "18:00", ""},
		{"supermarket", "lift, hallway", "on the bus home", ""},
		{"stay 5 minutes", ""},
		{"Stay until the anxiety falls by half.\nNo safety behaviours if you can.", ""}},
	[T_MINDFUL] = {"mindfulness", "Mindfulness practice",
		"- name: practice\n  type: text\n  required: true\n  prompt: Practice (breathing, body scan, ...)\n"
		"- name: minutes\n  type: integer\n  required: true\n  min: 1\n  max: 600\n  unit: min\n  prompt: Minutes\n"
		"- name: before\n  type: integer\n  min: 0\n  max: 10\n  prompt: Rating before\n"
		"- name: after\n  type: integer\n  min: 0\n  max: 10\n  prompt: Rating after\n",
		"practice,minutes,before,after", 4,
		0.8, 4, 40, 1, 5, 6 * 60 + 30, 21 * 60 + 30,
		{{EV_WEEKDAY, 0}, {EV_WEEKDAY, 0}, {EV_DAY, 0}, {EV_DAY, 0}, {EV_NWEEK, 5}, END_EV},
		{"after breakfast", "before bed", ""},
		{"living room", ""},
		{"3 breaths", "three breaths", ""},
		{"Use the recording from the session.", ""}},
	[T_TASK] = {"task", "Task", "", "", 0,
		0.6, 1, 3, 2, 12, 10 * 60, 21 * 60,
		{{EV_ONCE, 0}, {EV_ONCE, 0}, {EV_NWEEK, 1}, {EV_NWEEK, 2}, END_EV},
		{"", "at the weekend"},
		{""},
		{""},
		{"Write down three things that went well this week.", "Read the leaflet on sleep hygiene.",
		 "Book the dentist appointment you have been putting off."}},
};

static int nopts(const Every *e)
{
	int n = 0;
	while (n < NOPT && e[n].kind >= 0)
		n++;
	return n;
}

/* one of the texts up to the first NULL; "" stands for none (the key is left out) */
static const char *pick_text(Rng *r, const char *const *a)
{
	int n = 0;
	while (n < NOPT && a[n])
		n++;
	const char *s = a[rin(r, 0, n - 1)];
	return *s ? s : NULL;
}

/* ---------------------------------------------------------------- texts of entries */

static const char *situations[] = {
	"Team meeting, my idea was ignored", "Call with mum,\n\"why don't you visit?\"",
	"Waiting for a reply to my message", "Alone at home on Sunday evening",
	"Bus was late, missed the start of class", "Friend cancelled dinner",
	"Manager asked to \"have a quick word\"", "Saw old photos", "Lying awake at 3am",
	"Queue at the supermarket", "Email from the bank", "Partner came home late",
};
static const char *emotions[] = {"anxious", "sad", "shame", "guilt", "angry", "lonely", "frustrated", "hopeless"};
static const char *thoughts[] = {
	"They think I'm useless", "I'll never get better", "Something bad is going to happen",
	"I always mess things up", "Nobody cares about me", "I can't cope with this",
	"I should have done more", "Everyone noticed",
};
static const char *ev_for[] = {"No one replied", "I forgot the deadline last month", "She sounded annoyed",
			       "I was late twice this week"};
static const char *ev_against[] = {"Priya asked about it later, by email", "My last review was good",
				   "She called back the next day", "I finished the project on time"};
static const char *balanced[] = {"People were busy; one person followed up", "One bad day says little about me",
				 "I coped with worse last year", "I can ask instead of guessing"};
static const char *activities[] = {
	"Walk in the park", "Café with Jo", "Cooked dinner", "Called my sister", "Swimming",
	"Tidied the kitchen", "Read for 30 minutes", "Gardening", "Cinema, with Sam", "Yoga class",
};
static const char *ladders[3][4] = {
	{"lift, 1 floor", "lift, 5 floors", "crowded lift", "lift, alone, top floor"},
	{"supermarket at quiet time", "supermarket, Saturday", "queue at the till", "shopping centre"},
	{"bus, 2 stops", "bus to town", "train, 20 minutes", "train at rush hour"},
};
static const char *safety[] = {"held the rail", "checked phone", "went with a friend", "counted steps"};
static const char *practices[] = {"breathing", "body scan", "mindful walking", "3-minute breathing space",
				  "sitting, sounds and thoughts", "mindful eating"};
static const char *done_notes[] = {"late film", "in a rush, times only", "felt better after", "with a friend",
				   "hard to start, glad I did", "noisy neighbours"};
static const char *skip_notes[] = {"deadline at work", "visitors all weekend", "didn't want to think about it",
				   "kids were sick, no time", "felt \"too tired\" to start", "forgot the diary at work"};
static const char *other_notes[] = {"ill in bed", "away, no phone", "power cut", "hospital appointment"};

/* ---------------------------------------------------------------- the model */

typedef struct {
	int type;
	long start, until; /* until -1: none */
	int ended, preset;  /* status ended; until given when assigned */
	long long assigned_at, edit_at, ended_at; /* edit_at 0: no edit */
	long edit_day;
	Every ev0, ev1;
	const char *when, *where, *minimum, *instr;
	unsigned hex;
	uint64_t seed;
	int var; /* its number in the script */
} Seg;

typedef struct {
	long long at, logged;
	size_t off, len;
	size_t coff, clen; /* its hwk log command in the script */
} Entry;

typedef struct {
	long long t;
	int order;
	size_t off, len;
} Action;

static struct {
	long end, ws, hs; /* the last day, the first day written, the first day made */
	uint64_t seed;
	int script;
	unsigned long long entries, nstatus[3], assignments, active;
} g;

static Buf sbuf; /* the script */
static int nvars;

/* per client */
typedef struct {
	const char *id;
	char idbuf[32];
	const char *name;
	int sess_wd, sess_min;
	long last_sess;
	double p_miss, p_skip, p_partial, p_late, p_extra;
} Client;

static long long session_time(Rng *r, const Client *c, long day)
{
	return local_to_utc(day, (c->sess_min + rin(r, 40, 55)) * 60L + rin(r, 0, 59));
}

static Every pick_every(Rng *r, int t) { return types[t].every[rin(r, 0, nopts(types[t].every) - 1)]; }

static int same_every(Every a, Every b) { return a.kind == b.kind && a.n == b.n; }

/* a lane: the spells of one type for one client, made backwards from the last session */
static int make_lane(Seg *out, int max, const Client *c, int ci, int t, int on_at_end)
{
	const Type *ty = &types[t];
	Rng r;
	rseed(&r, hash2(hash2(g.seed, (uint64_t)ci), (uint64_t)t + 100));
	int n = 0;
	/* k: the session (counted back from the last one) before which the next spell,
	 * going back, has ended */
	long k = on_at_end ? 0 : rin(&r, ty->gap_min, ty->gap_max);
	for (int first = on_at_end; n < max; first = 0) {
		long ke = k, ks;
		if (first) /* the active one began ks sessions ago; some run all along */
			ks = t != T_TASK && chance(&r, 0.15) ? rin(&r, HORIZON / 7 + 1, HORIZON / 7 + 8)
							     : rin(&r, 1, ty->len_max);
		else
			ks = ke + rin(&r, ty->len_min, ty->len_max);
		long dend = c->last_sess - 7 * ke, dstart = c->last_sess - 7 * ks;
		if (!first && dend < g.hs)
			break;
		Seg *s = &out[n];
		memset(s, 0, sizeof *s);
		s->type = t;
		s->seed = rnext(&r);
		s->hex = (unsigned)rin(&r, 0, 0xffff);
		s->assigned_at = session_time(&r, c, dstart);
		s->start = dstart + rin(&r, 0, 1);
		s->ev0 = s->ev1 = pick_every(&r, t);
		s->when = pick_text(&r, ty->when);
		s->where = pick_text(&r, ty->where);
		s->minimum = pick_text(&r, ty->minimum);
		s->instr = pick_text(&r, ty->instr);
		int preset = t == T_SLEEP ? chance(&r, 0.3) : t == T_TASK ? chance(&r, 0.5) : chance(&r, 0.1);
		long span = ks - ke; /* sessions it ran (ended ones) */
		int back = rin(&r, 0, 3);
		/* a change of frequency at a session in the middle */
		int edit = chance(&r, 0.25), km = 0;
		long inner = first ? ks : span;
		if (edit && inner >= 6 && s->ev0.kind != EV_ONCE) {
			km = first ? rin(&r, 1, (int)ks - 2) : (int)ke + rin(&r, 2, (int)span - 2);
			Every e = pick_every(&r, t);
			for (int i = 0; i < 8 && (same_every(e, s->ev0) || e.kind == EV_ONCE); i++)
				e = pick_every(&r, t);
			if (!same_every(e, s->ev0) && e.kind != EV_ONCE) {
				s->ev1 = e;
				s->edit_day = c->last_sess - 7L * km;
				s->edit_at = session_time(&r, c, s->edit_day);
			}
		}
		if (first) {
			s->until = -1;
			if (preset && t == T_SLEEP && s->start + 27 > g.end) /* four weeks, not over yet */
				s->until = s->start + 27, s->preset = 1;
		} else {
			s->ended = 1;
			s->ended_at = session_time(&r, c, dend);
			if (preset) { /* given a last day when assigned, ended at the session after */
				s->preset = 1;
				s->until = s->start + 7 * span - 1 - back;
				if (s->until < s->start)
					s->until = s->start;
			} else
				s->until = dend;
			if (s->edit_at && s->edit_day > s->until) /* no edit after the end */
				s->edit_at = 0, s->ev1 = s->ev0;
		}
		k = ks + rin(&r, ty->gap_min, ty->gap_max);
		n++;
	}
	return n;
}

static void clamp(int *v, int lo, int hi) { *v = *v < lo ? lo : *v > hi ? hi : *v; }

static void fmt_hm(char *b, int m) /* HH:MM of minutes in the day; b holds 8 */
{
	unsigned u = (unsigned)(m % 1440 + 1440) % 1440u;
	snprintf(b, 8, "%02u:%02u", u / 60, u % 60);
}

typedef struct {
	Buf *row;   /* the CSV values after note */
	Buf *args;  /* the script's field=value arguments */
} Out;

static void val(Out *o, const char *name, const char *v) /* NULL or "": empty */
{
	bput(o->row, ",", 1);
	if (!v || !*v)
		return;
	bcsv(o->row, v);
	if (o->args) {
		bf(o->args, " %s=", name);
		bsh(o->args, v);
	}
}

static void vint(Out *o, const char *name, int v, int present)
{
	char b[16];
	snprintf(b, sizeof b, "%d", v);
	val(o, name, present ? b : NULL);
}

/* the values of one entry that is done (partial 0) or partial; returns the minute of
 * the day it was filled in when the values say (sleep), else -1 */
static int values(Out *o, Rng *r, const Seg *s, long day, int partial)
{
	char b1[8];
	switch (s->type) {
	case T_SLEEP: {
		int bed = (22 * 60 + 30 + rin(r, -60, 90) + (chance(r, 0.1) ? rin(r, 0, 90) : 0)) % 1440;
		int lo = chance(r, 0.75), lights = (bed + rin(r, 0, 40)) % 1440;
		int sol = rin(r, 0, 25) + (chance(r, 0.2) ? rin(r, 0, 35) : 0);
		int awk = rin(r, 0, 4), waso = awk * rin(r, 0, 15);
		int wake = 5 * 60 + rin(r, 0, 210), oob = wake + rin(r, 0, 60);
		fmt_hm(b1, bed), val(o, "bed", b1);
		fmt_hm(b1, lights), val(o, "lights_out", partial || !lo ? NULL : b1);
		vint(o, "sol", sol, !partial && chance(r, 0.92));
		vint(o, "awakenings", awk, !partial && chance(r, 0.9));
		vint(o, "waso", waso, !partial && chance(r, 0.85));
		fmt_hm(b1, wake), val(o, "wake", b1);
		int with_oob = !partial || chance(r, 0.5);
		fmt_hm(b1, oob), val(o, "out_of_bed", with_oob ? b1 : NULL);
		vint(o, "quality", rin(r, 1, 5), !partial);
		int at = oob + rin(r, 2, 90);
		return at > 11 * 60 ? 11 * 60 - rin(r, 0, 30) : at;
	}
	case T_THOUGHT: {
		int in = rin(r, 40, 100), bal = !partial && chance(r, 0.6);
		val(o, "situation", PICK(r, situations));
		val(o, "emotion", !partial && chance(r, 0.9) ? PICK(r, emotions) : NULL);
		vint(o, "intensity", in, !partial || chance(r, 0.3));
		val(o, "thought", PICK(r, thoughts));
		vint(o, "belief", rin(r, 30, 100), !partial);
		val(o, "evidence_for", !partial && chance(r, 0.6) ? PICK(r, ev_for) : NULL);
		val(o, "evidence_against", !partial && chance(r, 0.6) ? PICK(r, ev_against) : NULL);
		val(o, "balanced", bal ? PICK(r, balanced) : NULL);
		vint(o, "balanced_belief", rin(r, 20, 90), bal);
		int re = in - rin(r, 0, 40);
		clamp(&re, 0, 100);
		vint(o, "rerate", re, !partial && chance(r, 0.8));
		return -1;
	}
	case T_ACTIVITY: {
		int before = rin(r, 1, 7), after = before + rin(r, -1, 4);
		clamp(&after, 0, 10);
		val(o, "activity", PICK(r, activities));
		val(o, "planned", partial ? NULL : chance(r, 0.8) ? "yes" : "no");
		vint(o, "predicted_mood", rin(r, 2, 7), !partial && chance(r, 0.8));
		vint(o, "mood_before", before, 1);
		vint(o, "mood_after", after, 1);
		vint(o, "mastery", rin(r, 0, 10), !partial);
		vint(o, "pleasure", rin(r, 0, 10), !partial);
		return -1;
	}
	case T_EXPOSURE: {
		int step = (int)((day - s->start) / 21) - rin(r, 0, 1);
		clamp(&step, 0, 3);
		int before = rin(r, 30, 70), peak = before + rin(r, 5, 35), after = peak - rin(r, 10, 60);
		clamp(&peak, 0, 100), clamp(&after, 0, 100);
		val(o, "step", ladders[s->seed % 3][step]);
		vint(o, "suds_before", before, !partial);
		vint(o, "suds_peak", peak, !partial || chance(r, 0.5));
		vint(o, "suds_after", after, !partial);
		vint(o, "minutes", partial ? rin(r, 2, 10) : rin(r, 5, 60), 1);
		val(o, "safety_behaviours", !partial && chance(r, 0.4) ? PICK(r, safety) : NULL);
		return -1;
	}
	case T_MINDFUL: {
		int before = rin(r, 2, 7), after = before + rin(r, -1, 3);
		clamp(&after, 0, 10);
		val(o, "practice", PICK(r, practices));
		vint(o, "minutes", partial ? rin(r, 1, 3) : rin(r, 3, 30), 1);
		vint(o, "before", before, !partial);
		vint(o, "after", after, !partial);
		return -1;
	}
	}
	return -1;
}

static int cmp_entry(const void *a, const void *b)
{
	const Entry *x = a, *y = b;
	if (x->logged != y->logged)
		return x->logged < y->logged ? -1 : 1;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static int cmp_action(const void *a, const void *b)
{
	const Action *x = a, *y = b;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->order - y->order;
}

static Action *acts;
static size_t nacts, capacts;

static void add_action(long long t, int order, Buf *from, size_t off)
{
	if (nacts == capacts) {
		capacts = capacts ? capacts * 2 : 1024;
		acts = realloc(acts, capacts * sizeof *acts);
		if (!acts)
			die("out of memory");
	}
	acts[nacts++] = (Action){t, order, off, from->n - off};
}

static void seg_id(char *b, size_t n, const Seg *s)
{
	char d[11];
	fmt_date(d, s->start);
	snprintf(b, n, "%s-%s-%04x", d, types[s->type].name, s->hex);
}

/* the entries of one assignment, in the order they were logged */
static void make_entries(const Seg *s, const Client *c, const char *cdir, const char *id, Buf *ab)
{
	static Buf rows, cmds, args, out;
	static Entry *ents;
	static size_t cap;
	size_t n = 0;
	rows.n = cmds.n = 0;
	const Type *ty = &types[s->type];
	long last = s->until >= 0 && s->until < g.end ? s->until : g.end;
	long long cap_t = local_to_utc(g.end, 22 * 3600L); /* nothing logged after END 22:00 */
	Rng sr;
	rseed(&sr, s->seed);
	int habit = rin(&sr, ty->at_from, ty->at_to);
	long once_day = s->start + rin(&sr, 0, 3);
	static const char *reasons[] = {"busy", "busy", "busy", "forgot", "forgot", "forgot", "difficult",
					"avoided", "avoided", "unsuited", "unclear", "other", "other"};
	for (long m = s->start - wday(s->start); m <= last; m += 7) {
		Rng r;
		rseed(&r, hash2(s->seed, (uint64_t)m));
		int order[7], rank[7];
		for (int i = 0; i < 7; i++)
			order[i] = i;
		for (int i = 6; i > 0; i--) {
			int j = rin(&r, 0, i), x = order[i];
			order[i] = order[j], order[j] = x;
		}
		for (int i = 0; i < 7; i++)
			rank[order[i]] = i;
		for (int wd = 0; wd < 7; wd++) {
			long d = m + wd;
			if (d < s->start || d > last)
				continue;
			Every e = s->edit_at && d >= s->edit_day ? s->ev1 : s->ev0;
			int expected;
			switch (e.kind) {
			case EV_DAY: expected = 1; break;
			case EV_WEEKDAY: expected = wd < 5; break;
			case EV_DAYS: expected = (e.n >> wd) & 1; break;
			case EV_NWEEK: expected = rank[wd] < e.n; break;
			default: expected = d == (once_day < last ? once_day : last);
			}
			int count = expected ? 1 : chance(&r, e.kind == EV_ONCE ? 0 : c->p_extra);
			if (expected && s->type == T_THOUGHT && chance(&r, 0.3))
				count += 1 + chance(&r, 0.3);
			if (expected && s->type == T_MINDFUL && chance(&r, 0.4))
				count++;
			if (expected && chance(&r, c->p_miss))
				count = 0;
			for (int k = 0; k < count; k++) {
				double u = runi(&r);
				int st = u < c->p_skip ? 2 : u < c->p_skip + c->p_partial ? 1 : 0;
				if (s->type == T_TASK && st == 1)
					st = 0;
				size_t off = rows.n, coff = cmds.n;
				args.n = 0;
				out.n = 0;
				Out o = {&out, g.script ? &args : NULL};
				int minute = -1;
				const char *reason = "", *note = "";
				if (st == 2) {
					reason = PICK(&r, reasons);
					if (!strcmp(reason, "other"))
						note = PICK(&r, other_notes);
					else if (chance(&r, 0.4))
						note = PICK(&r, skip_notes);
					for (int f = 0; f < ty->nfields; f++)
						bput(&out, ",", 1);
				} else {
					minute = values(&o, &r, s, d, st == 1);
					if (chance(&r, 0.08))
						note = PICK(&r, done_notes);
				}
				if (minute < 0) {
					int lo = s->type == T_SLEEP ? 8 * 60 : ty->at_from;
					int hi = s->type == T_SLEEP ? 21 * 60 : ty->at_to;
					minute = (s->type == T_SLEEP ? rin(&r, lo, hi) : habit + rin(&r, -75, 75)) + 20 * k;
					clamp(&minute, lo, hi);
				}
				long long at, logged;
				double v = runi(&r);
				int live = v < 1 - c->p_late;
				if (live) {
					at = logged = local_to_utc(d, minute * 60L + rin(&r, 0, 59));
				} else {
					at = local_to_utc(d, minute * 60L);
					if (v < 1 - c->p_late / 3)
						logged = at + rin(&r, 5 * 60, 4 * 3600) + rin(&r, 0, 59);
					else
						logged = local_to_utc(d + 1, rin(&r, 7 * 60, 22 * 60) * 60L + rin(&r, 0, 59));
				}
				if (logged > cap_t)
					logged = at;
				/* what hwk would refuse: before it was assigned, after it ended, or
				 * outside the days written */
				if (at < s->assigned_at || (s->ended && logged >= s->ended_at) || at > cap_t ||
				    d < g.ws)
					continue;
				char tat[32], tlog[32];
				fmt_time(tat, at), fmt_time(tlog, logged);
				static const char *sn[] = {"done", "partial", "skipped"};
				bf(&rows, "%s,%s,%s,%s,", tat, tlog, sn[st], reason);
				bcsv(&rows, note);
				bput(&rows, out.p ? out.p : "", out.n);
				bput(&rows, ",\n", 2); /* replaces: empty in an entry as logged */
				if (g.script) {
					bs(&cmds, "HWK_NOW=");
					bs(&cmds, tlog);
					bf(&cmds, " \"$HWK\" -C \"$P\" -c %s log \"$v%d\" -q", c->id, s->var);
					if (at != logged)
						bf(&cmds, " --at %.16s", tat);
					if (st == 1)
						bs(&cmds, " -p");
					if (st == 2)
						bf(&cmds, " -s %s", reason);
					if (*note)
						bs(&cmds, " -m "), bsh(&cmds, note);
					bput(&cmds, args.p ? args.p : "", args.n);
					bs(&cmds, "\n");
				}
				if (n == cap) {
					cap = cap ? cap * 2 : 1024;
					ents = realloc(ents, cap * sizeof *ents);
					if (!ents)
						die("out of memory");
				}
				ents[n++] = (Entry){at, logged, off, rows.n - off, coff, cmds.n - coff};
				g.nstatus[st]++;
			}
		}
	}
	if (!n)
		return;
	qsort(ents, n, sizeof *ents, cmp_entry);
	out.n = 0;
	bs(&out, "at,logged,status,reason,note");
	if (ty->nfields)
		bs(&out, ","), bs(&out, ty->header);
	bs(&out, ",replaces\n");
	for (size_t i = 0; i < n; i++) {
		bput(&out, rows.p + ents[i].off, ents[i].len);
		if (g.script) {
			size_t o = ab->n;
			bput(ab, cmds.p + ents[i].coff, ents[i].clen);
			add_action(ents[i].logged, 1, ab, o);
		}
	}
	char path[512];
	snprintf(path, sizeof path, "%s/%s.csv", cdir, id);
	write_file(path, out.p, out.n);
	g.entries += n;
}

/* whether an ended assignment lives in ended/ (hwk(5), LAYOUT): it stays in the folder as
 * ID.ended-UNTIL.yaml for 31 days after its last day (HWK_ENDED_STAY), and the first write
 * in the folder after that moves it.  A client writes most days, so one whose last day is
 * more than 31 days before END_DATE is taken as moved, and the others as in the folder. */
#define ENDED_STAY 31
static int in_ended(const Seg *s)
{
	return s->ended && s->until + ENDED_STAY < g.end;
}

static void write_assignment(const Seg *s, const Client *c, const char *cdir, Buf *ab)
{
	static Buf y;
	char id[96], ev[40], t[32], d[11];
	seg_id(id, sizeof id, s);
	y.n = 0;
	bf(&y, "# hwk assignment (see hwk(5)); its entries are in %s.csv\n", id);
	bf(&y, "id: %s\nclient: %s\ntype: %s\ntitle: %s\n", id, c->id, types[s->type].name, types[s->type].title);
	fmt_every(ev, s->ev1);
	fmt_date(d, s->start);
	bf(&y, "every: %s\nstart: %s\n", ev, d);
	if (s->until >= 0)
		fmt_date(d, s->until), bf(&y, "until: %s\n", d);
	const char *keys[] = {"when", "where", "minimum", "instructions"};
	const char *vals[] = {s->when, s->where, s->minimum, s->instr};
	for (int i = 0; i < 4; i++)
		if (vals[i])
			bf(&y, "%s: ", keys[i]), byaml(&y, vals[i]), bs(&y, "\n");
	bf(&y, "status: %s\n", s->ended ? "ended" : "active");
	bs(&y, types[s->type].nfields ? "fields:\n" : "fields: []\n");
	bs(&y, types[s->type].fields);
	fmt_time(t, s->assigned_at);
	bf(&y, "history:\n- at: %s\n  change: assigned\n", t);
	if (s->edit_at) {
		char e0[40];
		fmt_every(e0, s->ev0);
		fmt_time(t, s->edit_at);
		bf(&y, "- at: %s\n  change: every\n  from: %s\n  to: %s\n", t, e0, ev);
	}
	if (s->ended) {
		fmt_time(t, s->ended_at);
		fmt_date(d, s->until);
		bf(&y, "- at: %s\n  change: ended\n  to: '%s'\n", t, d);
	}
	char path[512];
	if (s->ended) { /* as hwk names an assignment it ended: ID.ended-UNTIL.yaml */
		fmt_date(d, s->until);
		snprintf(path, sizeof path, "%s/%s.ended-%s.yaml", cdir, id, d);
	} else {
		snprintf(path, sizeof path, "%s/%s.yaml", cdir, id);
	}
	write_file(path, y.p, y.n);
	g.assignments++;
	g.active += !s->ended;

	if (g.script) {
		size_t o = ab->n;
		char e0[40];
		fmt_every(e0, s->ev0);
		fmt_time(t, s->assigned_at);
		fmt_date(d, s->start);
		bf(ab, "v%d=$(HWK_NOW=%s \"$HWK\" -C \"$P\" assign %s %s -e %s --start %s", s->var, t, c->id,
		   types[s->type].name, e0, d);
		if (s->preset)
			fmt_date(d, s->until), bf(ab, " --until %s", d);
		const char *opt[] = {"--when", "--where", "--minimum", "-m"};
		for (int i = 0; i < 4; i++)
			if (vals[i])
				bf(ab, " %s ", opt[i]), bsh(ab, vals[i]);
		if (c->name)
			bs(ab, " --name "), bsh(ab, c->name);
		bs(ab, ")\n");
		add_action(s->assigned_at, 0, ab, o);
		if (s->edit_at) {
			o = ab->n;
			fmt_time(t, s->edit_at);
			bf(ab, "HWK_NOW=%s \"$HWK\" -C \"$P\" assign --edit \"$v%d\" -e %s\n", t, s->var, ev);
			add_action(s->edit_at, 2, ab, o);
		}
		if (s->ended) {
			o = ab->n;
			fmt_time(t, s->ended_at);
			fmt_date(d, s->until);
			bf(ab, "HWK_NOW=%s \"$HWK\" -C \"$P\" assign --end \"$v%d\" --at %s\n", t, s->var, d);
			add_action(s->ended_at, 3, ab, o);
		}
	}
}

static const char gitattributes[] =
	"# entries are append-only: merge them by keeping both sides' rows\n*.csv merge=union\n"
	"# assignments merge key by key once 'hwk git setup' has run\n"
	"*.yaml merge=hwk-assignment\n";

static const char *first_names[] = {"Alex", "Sam", "Jo", "Priya", "Tom", "Mia", "Lena", "Noah", "Aylin",
				    "Jonas", "Emma", "Omar", "Lukas", "Sofia", "Ben", "Hanna"};

static void make_client(const char *dir, int ci)
{
	Client c;
	memset(&c, 0, sizeof c);
	snprintf(c.idbuf, sizeof c.idbuf, "c-%04d", ci + 1);
	c.id = c.idbuf;
	Rng r;
	rseed(&r, hash2(g.seed, (uint64_t)ci));
	static char namebuf[64];
	if (chance(&r, 0.7)) {
		snprintf(namebuf, sizeof namebuf, "%s %c.", PICK(&r, first_names), 'A' + rin(&r, 0, 25));
		c.name = namebuf;
	}
	c.sess_wd = rin(&r, 0, 4);
	c.sess_min = rin(&r, 9 * 6, 18 * 6) * 10;
	c.last_sess = g.end - (wday(g.end) - c.sess_wd + 7) % 7;
	c.p_miss = 0.02 + 0.08 * runi(&r);
	c.p_skip = 0.07 + 0.16 * runi(&r);
	c.p_partial = 0.05 + 0.10 * runi(&r);
	c.p_late = 0.15 + 0.35 * runi(&r);
	c.p_extra = 0.01 + 0.04 * runi(&r);

	/* which types this client ever gets, and which 2 to 4 are active at the end */
	int used[NTYPES], on[NTYPES] = {0}, nused = 0;
	for (int t = 0; t < NTYPES; t++)
		nused += used[t] = chance(&r, types[t].used);
	int want = rin(&r, 2, 4);
	while (nused < want) {
		int t = rin(&r, 0, NTYPES - 1);
		if (!used[t])
			used[t] = 1, nused++;
	}
	for (int have = 0; have < want;) {
		int t = rin(&r, 0, NTYPES - 1);
		if (used[t] && !on[t])
			on[t] = 1, have++;
	}

	static Seg segs[NTYPES * 512];
	int n = 0;
	for (int t = 0; t < NTYPES; t++)
		if (used[t])
			n += make_lane(segs + n, 512, &c, ci, t, on[t]);
	/* the day of the first assignment made (the same whatever DAYS, up to HORIZON) */
	long created = g.end;
	for (int i = 0; i < n; i++) {
		long day = local_day(segs[i].assigned_at);
		if ((segs[i].until < 0 || segs[i].until >= g.hs) && day < created)
			created = day;
	}

	char cdir[256], path[320], d[11];
	snprintf(cdir, sizeof cdir, "%s/clients/%s", dir, c.id);
	make_dir(cdir);
	static Buf b;
	b.n = 0;
	fmt_date(d, created);
	bf(&b, "# hwk client (see hwk(5))\nversion: 3\nid: %s\n", c.id);
	if (c.name)
		bf(&b, "name: %s\n", c.name);
	bf(&b, "created: %s\n", d);
	snprintf(path, sizeof path, "%s/client.yaml", cdir);
	write_file(path, b.p, b.n);
	snprintf(path, sizeof path, "%s/.gitattributes", cdir);
	write_file(path, gitattributes, sizeof gitattributes - 1);

	static Buf ab; /* the script's actions for this client */
	ab.n = 0;
	nacts = 0;
	char edir[300], ydir[320];
	int have_ended = 0, years_made[10000] = {0};
	snprintf(edir, sizeof edir, "%s/ended", cdir);
	for (int i = 0; i < n; i++) {
		Seg *s = &segs[i];
		if (s->until >= 0 && s->until < g.ws) /* over before the days written */
			continue;
		s->var = ++nvars;
		char id[96];
		seg_id(id, sizeof id, s);
		const char *sdir = cdir;
		if (in_ended(s)) { /* ended/ and ended/YYYY/ are made 0700 by the first move */
			char u[11];
			fmt_date(u, s->until);
			int y = atoi(u);
			if (!have_ended)
				make_dir(edir), have_ended = 1;
			snprintf(ydir, sizeof ydir, "%s/%.4s", edir, u);
			if (y < 0 || y > 9999)
				die("%s: a year out of range", u);
			if (!years_made[y])
				make_dir(ydir), years_made[y] = 1;
			sdir = ydir;
		}
		write_assignment(s, &c, sdir, &ab);
		make_entries(s, &c, sdir, id, &ab);
	}
	if (g.script) {
		qsort(acts, nacts, sizeof *acts, cmp_action);
		for (size_t i = 0; i < nacts; i++)
			bput(&sbuf, ab.p + acts[i].off, acts[i].len);
	}
}

static long parse_date(const char *s)
{
	int y, m, d;
	char extra;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		die("%s: not a date (YYYY-MM-DD)", s);
	long z = days_from_civil(y, m, d);
	int y2, m2, d2;
	civil_from_days(z, &y2, &m2, &d2);
	if (y2 != y || m2 != m || d2 != d)
		die("%s: no such day", s);
	return z;
}

static long parse_num(const char *s, const char *what, long lo, long hi)
{
	char *e;
	errno = 0;
	long v = strtol(s, &e, 10);
	if (errno || e == s || *e || v < lo || v > hi)
		die("%s: %s must be a number from %ld to %ld", s, what, lo, hi);
	return v;
}

int main(int argc, char **argv)
{
	const char *script = NULL;
	if (argc > 2 && !strcmp(argv[1], "-s"))
		script = argv[2], argv += 2, argc -= 2;
	if (argc != 6) {
		fprintf(stderr, "usage: %s [-s SCRIPT] DIR CLIENTS DAYS END_DATE SEED\n"
				"  e.g. %s /tmp/p 500 730 2026-11-29 42\n", prog, prog);
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const char *dir = argv[1];
	int clients = (int)parse_num(argv[2], "CLIENTS", 1, 9999);
	long days = parse_num(argv[3], "DAYS", 1, 36500);
	g.end = parse_date(argv[4]);
	g.seed = (uint64_t)parse_num(argv[5], "SEED", 0, 0x7fffffffL);
	g.ws = g.end - days + 1;
	g.hs = g.end - (days > HORIZON ? days : HORIZON) + 1;
	g.script = script != NULL;
	if (strlen(dir) > 200)
		die("%s: path too long", dir);

	if (mkdir(dir, 0700) != 0) {
		if (errno != EEXIST)
			die("%s: %s", dir, strerror(errno));
		char probe[256];
		snprintf(probe, sizeof probe, "%s/hwk.yaml", dir);
		if (access(probe, F_OK) == 0)
			die("%s: already a practice; remove it first", dir);
		snprintf(probe, sizeof probe, "%s/clients", dir);
		if (access(probe, F_OK) == 0)
			die("%s: holds a clients folder; remove it first", dir);
	}
	if (chmod(dir, 0700) != 0)
		die("%s: %s", dir, strerror(errno));
	char path[256];
	static const char hy[] = "# hwk practice settings (see hwk(5))\nversion: 3\n"
				 "# the first day of a week: monday ... sunday\nweek_start: monday\n"
				 "# how often new assignments are due when 'hwk assign' is given no --every\n"
				 "default_every: day\n"
				 "# the time zone of hwk calendar's events (a tz name; without it, TZ's)\n"
				 "# timezone: Europe/London\n"
				 "# with sync false, no fsync after writes (a bulk import goes faster; a crash\n"
				 "# of the system can lose it)\n"
				 "# sync: true\n"
				 "# with commit true, each write is committed to git at once\n"
				 "# commit: false\n";
	snprintf(path, sizeof path, "%s/hwk.yaml", dir);
	write_file(path, hy, sizeof hy - 1);
	snprintf(path, sizeof path, "%s/.gitattributes", dir);
	write_file(path, gitattributes, sizeof gitattributes - 1);
	snprintf(path, sizeof path, "%s/types", dir);
	make_dir(path);
	snprintf(path, sizeof path, "%s/clients", dir);
	make_dir(path);

	if (g.script)
		bs(&sbuf, "# made by gen-practice -s: the hwk commands that make the same practice\n"
			  "# run with HWK (the program) and P (a practice made by hwk init) set\n"
			  "set -eu\nexport TZ=Europe/Berlin\n");
	for (int ci = 0; ci < clients; ci++)
		make_client(dir, ci);
	if (g.script) {
		FILE *f = fopen(script, "w");
		if (!f || fwrite(sbuf.p, 1, sbuf.n, f) != sbuf.n || fclose(f) != 0)
			die("%s: %s", script, strerror(errno));
	}

	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	double e = g.entries ? (double)g.entries : 1;
	char from[11], to[11];
	fmt_date(from, g.ws), fmt_date(to, g.end);
	fprintf(stderr,
		"%s: %s: %d clients, %llu assignments (%llu active), %llu entries (%.0f%% done, %.0f%% partial, "
		"%.0f%% skipped) from %s to %s, %llu files, %llu bytes, %.2f s\n",
		prog, dir, clients, g.assignments, g.active, g.entries, 100 * g.nstatus[0] / e,
		100 * g.nstatus[1] / e, 100 * g.nstatus[2] / e, from, to, files_written, bytes_written, secs);
	return 0;
}
