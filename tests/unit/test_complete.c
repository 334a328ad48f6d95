/* Unit tests for lib/complete.c: the candidates' prefix and printing, the client ids
 * from the folder names alone, and the weeks offered across a new year. */
#define _GNU_SOURCE

#include "complete.h"
#include "practice.h"
#include "tap.h"
#include "testutil.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

/* the candidates as printed */
static char *printed(const hwk_cands *c)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	hwk_cands_print(c, f);
	fclose(f);
	return s;
}

static void test_cands(void)
{
	hwk_cands c = {0};
	hwk_cands_add(&c, "s", "sleep", "Sleep diary");
	hwk_cands_add(&c, "s", "exposure", "Exposure");     /* another start: left out */
	hwk_cands_add(&c, "s", "sol=", "Minutes\tto\nfall"); /* tab and line break: spaces */
	hwk_cands_add(&c, "s", "s", "");                    /* the word itself; no what */
	hwk_cands_add(&c, "", "all", NULL);
	char *s = printed(&c);
	is_str(s, "sleep\tSleep diary\nsol=\tMinutes to fall\ns\nall\n",
	       "those that start with the word, one a line, with what each is on one line");
	free(s);
	hwk_cands_free(&c);
}

static void test_clients(void)
{
	tu_enter_temp("complete", "clients");
	mkdir("clients/bo", 0700);
	mkdir("clients/alex", 0700);
	mkdir("clients/.git", 0700);
	mkdir("clients/Upper", 0700); /* no client id */
	FILE *f = fopen("clients/notes.txt", "w"); /* a file, no folder */
	if (f)
		fclose(f);
	hwk_practice p = {.exists = 1};
	hwk_cands c = {0};
	hwk_comp_clients(&p, "", &c);
	char *s = printed(&c);
	is_str(s, "alex\nbo\n", "client ids: the folders of clients/ with an id's name, sorted");
	free(s);
	hwk_cands_free(&c);
	hwk_comp_clients(&p, "b", &c);
	s = printed(&c);
	is_str(s, "bo\n", "client ids that start with the word");
	free(s);
	hwk_cands_free(&c);
	p.exists = 0;
	hwk_comp_clients(&p, "", &c);
	is_int(c.words.n, 0, "no practice: no client ids");
	hwk_cands_free(&c);
	tu_leave_temp();
}

static void test_weeks(void)
{
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	hwk_time_zone_changed();
	hwk_cands c = {0};
	hwk_comp_weeks(1767686400, "", &c); /* Tuesday 2026-01-06T09:00:00+01:00 */
	char *s = printed(&c);
	is_str(s,
	       "this\tthis week\nlast\tlast week\n2026-W02\n2026-W01\n2025-W52\n2025-W51\n"
	       "2025-W50\n2025-W49\n2025-W48\n2025-W47\n",
	       "weeks: this, last, and the last eight ISO weeks across the new year");
	free(s);
	hwk_cands_free(&c);
	hwk_comp_weeks(1767686400, "2025-W5", &c);
	s = printed(&c);
	is_str(s, "2025-W52\n2025-W51\n2025-W50\n", "weeks that start with the word");
	free(s);
	hwk_cands_free(&c);
}

int main(void)
{
	test_cands();
	test_clients();
	test_weeks();
	return tap_done();
}
