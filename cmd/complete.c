/* hwk __complete WORDS...: what the shell completion scripts (hwk completion) ask. The
 * words are the command line after "hwk", the last one the word being completed; the
 * candidates for it are printed one a line, "WORD" or "WORD\tWHAT IT IS", or the one line
 * ":file" or ":dir" for the shell to complete a path itself. It walks the line with the
 * commands' own option tables, and reads only what the word needs. Never an error: what
 * cannot be read offers nothing, nothing is said on stderr, and it exits 0. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "complete.h"
#include "date.h"
#include "entries.h"
#include "practice.h"

const hwk_value hwk_v_text = {HWK_V_TEXT, NULL}, hwk_v_client = {HWK_V_CLIENT, NULL},
		hwk_v_type = {HWK_V_TYPE, NULL}, hwk_v_assign = {HWK_V_ASSIGN, NULL},
		hwk_v_rate = {HWK_V_RATE, NULL}, hwk_v_reason = {HWK_V_WORD, hwk_reasons},
		hwk_v_format = {HWK_V_WORD, hwk_fmt_names}, hwk_v_week = {HWK_V_WEEK, NULL},
		hwk_v_file = {HWK_V_FILE, NULL}, hwk_v_dir = {HWK_V_DIR, NULL};

typedef struct {
	const char *dir, *client; /* -C and -c on the line (or $HWK_CLIENT), or NULL */
	const hwk_command *cmd;
	const char *assignment;   /* the ASSIGNMENT operand of the line, or NULL */
	const char *op_client;    /* a CLIENT operand (review CLIENT), or NULL */
	hwk_strs given;           /* FIELD=VALUE operands so far (not owned) */
	hwk_practice p;
	int found;                /* p is found (1), could not be (-1), not looked for (0) */
} line;

static const hwk_practice *practice(line *l)
{
	if (!l->found) {
		hwk_practice_mode_warning(0);
		l->found = hwk_practice_find(&l->p, l->dir) == 0 && l->p.exists ? 1 : -1;
	}
	return l->found > 0 ? &l->p : NULL;
}

/* the client folder the assignments are looked for in, as hwk would take the client */
static char *client_dir(line *l)
{
	const hwk_practice *p = practice(l);
	if (!p)
		return NULL;
	const char *want = l->op_client ? l->op_client : l->client;
	char *client = NULL;
	hwk_cands all = {0};
	if (!want && !p->here_client) {
		/* the only client, as hwk takes it: from the folder names (at 2,000 clients,
		 * none is, and no client folder need be looked into to know it) */
		hwk_comp_clients(p, "", &all);
		want = all.words.n == 1 ? all.words.v[0] : NULL;
	}
	int r = want || p->here_client ? hwk_practice_client(p, want, 1, &client) : -1;
	hwk_cands_free(&all);
	if (r < 0 || !client)
		return NULL;
	char *dir = hwk_client_dir(p, client);
	free(client);
	return dir;
}

static void offer_words(const char *const *w, const char *cur, hwk_cands *out)
{
	for (; w && *w; w++)
		hwk_cands_add(out, cur, *w, NULL);
}

/* the candidates for a value or an operand that is what (HWK_V_...) */
static void offer(line *l, unsigned what, const char *const *words, const char *cur,
		  time_t now, hwk_cands *out)
{
	if (what & (HWK_V_FILE | HWK_V_DIR)) {
		hwk_cands_add(out, "", what & HWK_V_FILE ? ":file" : ":dir", NULL);
		return;
	}
	if (what & HWK_V_WORD)
		offer_words(words, cur, out);
	if (what & HWK_V_COMMAND) {
		size_t n;
		const hwk_command *c = hwk_commands(&n);
		for (size_t i = 0; i < n; i++)
			hwk_cands_add(out, cur, c[i].name, c[i].summary);
	}
	if (what & HWK_V_CLIENT && practice(l))
		hwk_comp_clients(&l->p, cur, out);
	if (what & HWK_V_TYPE && practice(l))
		hwk_comp_types(cur, out);
	if (what & HWK_V_WEEK)
		hwk_comp_weeks(now, cur, out);
	if (what & (HWK_V_ASSIGN | HWK_V_RATE | HWK_V_FIELD)) {
		char *dir = client_dir(l);
		if (dir && what & HWK_V_FIELD && l->assignment)
			hwk_comp_fields(dir, l->assignment, &l->given, cur, out);
		else if (dir && what & (HWK_V_ASSIGN | HWK_V_RATE))
			hwk_comp_assignments(dir, now, cur, !!(what & HWK_V_RATE), out);
		free(dir);
	}
}

static const hwk_opt *find_long(const hwk_opt *o, const char *name, size_t len)
{
	for (; o && o->name; o++)
		if (strlen(o->name) == len && !strncmp(o->name, name, len))
			return o;
	return NULL;
}

static const hwk_opt *find_short(const hwk_opt *o, char key)
{
	for (; o && o->name; o++)
		if (o->key == (unsigned char)key)
			return o;
	return NULL;
}

/* The command's options, by their long names (and --help). */
static void offer_options(const hwk_opt *o, const char *cur, hwk_cands *out)
{
	for (; o && o->name; o++) {
		char *w = hwk_xasprintf("--%s", o->name);
		hwk_cands_add(out, cur, w, NULL);
		free(w);
	}
	hwk_cands_add(out, cur, "--help", NULL);
}

/* hwk's own options: -C DIR, -c CLIENT, -h and --version. n: the words before the
 * current; returns the index of the command's word, or n when the command is being
 * typed; *pending the option whose value the current word is. */
static size_t global_options(line *l, char **w, size_t n, int *pending)
{
	size_t i = 0;
	*pending = 0;
	while (i < n && w[i][0] == '-' && w[i][1]) {
		if (!strcmp(w[i], "--"))
			return i + 1;
		char c = w[i][1];
		if (c == 'C' || c == 'c') {
			const char *v = w[i][2] ? w[i] + 2 : i + 1 < n ? w[i + 1] : NULL;
			if (!v) {
				*pending = c;
				return n;
			}
			if (c == 'C')
				l->dir = v;
			else
				l->client = v;
			i += w[i][2] ? 1 : 2;
		} else {
			i++;
		}
	}
	return i;
}

static void complete(line *l, char **w, size_t n, const char *cur, time_t now, hwk_cands *out)
{
	int pending;
	size_t i = global_options(l, w, n, &pending);
	if (pending == 'C') {
		offer(l, HWK_V_DIR, NULL, cur, now, out);
		return;
	}
	if (pending == 'c') {
		offer(l, HWK_V_CLIENT, NULL, cur, now, out);
		return;
	}
	if (!l->client) {
		const char *env = getenv("HWK_CLIENT");
		l->client = env && *env ? env : NULL;
	}
	if (i >= n) { /* the command */
		if (cur[0] == '-') {
			static const char *const own[] = {"-C", "-c", "--help", "--version", NULL};
			offer_words(own, cur, out);
		} else {
			offer(l, HWK_V_COMMAND, NULL, cur, now, out);
		}
		return;
	}
	size_t ncmds;
	const hwk_command *cmds = hwk_commands(&ncmds);
	for (size_t k = 0; k < ncmds && !l->cmd; k++)
		if (!strcmp(cmds[k].name, w[i]))
			l->cmd = &cmds[k];
	if (!l->cmd)
		return;
	const hwk_opt *opts = l->cmd->args->opts;
	const hwk_value *ops = l->cmd->args->operands;
	size_t nops = 0, k = 0;
	while (ops && ops[nops].what)
		nops++;
	const hwk_opt *value_of = NULL; /* the option the next word is the value of */
	int dashdash = 0;
	for (i++; i < n; i++) {
		const char *a = w[i];
		if (value_of) {
			value_of = NULL;
		} else if (!dashdash && !strcmp(a, "--")) {
			dashdash = 1;
		} else if (!dashdash && a[0] == '-' && a[1] == '-') {
			const hwk_opt *o = find_long(opts, a + 2, strcspn(a + 2, "="));
			if (o && o->arg && !strchr(a, '='))
				value_of = o;
		} else if (!dashdash && a[0] == '-' && a[1]) {
			/* -pq, -sbusy, -s busy */
			for (const char *c = a + 1; *c; c++) {
				const hwk_opt *o = find_short(opts, *c);
				if (o && o->arg) {
					if (!c[1])
						value_of = o;
					break;
				}
			}
		} else if (nops) { /* an operand */
			const hwk_value *op = &ops[k < nops ? k : nops - 1];
			if (k < nops || ops[nops - 1].what & HWK_V_MORE) {
				if (op->what & HWK_V_ASSIGN)
					l->assignment = a;
				if (op->what & HWK_V_CLIENT && !(op->what & HWK_V_TYPE))
					l->op_client = a;
				if (op->what & HWK_V_FIELD)
					hwk_strs_push(&l->given, (char *)a);
			}
			k++;
		}
	}
	if (value_of) {
		offer(l, value_of->arg->what, value_of->arg->words, cur, now, out);
		return;
	}
	if (!dashdash && cur[0] == '-' && cur[1] == '-' && strchr(cur, '=')) { /* --name=VALUE */
		const char *eq = strchr(cur, '=');
		const hwk_opt *o = find_long(opts, cur + 2, (size_t)(eq - cur - 2));
		if (!o || !o->arg)
			return;
		hwk_cands vals = {0};
		offer(l, o->arg->what, o->arg->words, eq + 1, now, &vals);
		for (size_t v = 0; v < vals.words.n; v++) {
			char *word = vals.words.v[v][0] == ':' ? hwk_xstrdup(vals.words.v[v])
				   : hwk_xasprintf("%.*s%s", (int)(eq + 1 - cur), cur, vals.words.v[v]);
			hwk_strs_push(&out->words, word);
			hwk_strs_push(&out->descs, vals.descs.v[v]);
			vals.descs.v[v] = NULL;
		}
		hwk_cands_free(&vals);
		return;
	}
	if (!dashdash && cur[0] == '-') {
		offer_options(opts, cur, out);
		return;
	}
	if (!nops || (k >= nops && !(ops[nops - 1].what & HWK_V_MORE)))
		return;
	const hwk_value *op = &ops[k < nops ? k : nops - 1];
	offer(l, op->what, op->words, cur, now, out);
}

int hwk_complete_main(int argc, char **argv)
{
	/* nothing on stderr, whatever is read */
	int null = open("/dev/null", O_WRONLY);
	if (null >= 0) {
		dup2(null, STDERR_FILENO);
		close(null);
	}
	int bad;
	time_t now = hwk_now(&bad);
	if (bad)
		now = time(NULL);
	line l = {0};
	hwk_cands out = {0};
	if (argc >= 2)
		complete(&l, argv + 1, (size_t)argc - 2, argv[argc - 1], now, &out);
	else
		complete(&l, argv, 0, "", now, &out);
	hwk_cands_print(&out, stdout);
	hwk_cands_free(&out);
	free(l.given.v);
	if (l.found)
		hwk_practice_free(&l.p);
	fflush(stdout);
	return 0;
}
