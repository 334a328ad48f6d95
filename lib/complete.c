/* complete: what the shell completion offers from a practice, read quickly. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assignment.h"
#include "complete.h"
#include "date.h"
#include "types.h"

void hwk_cands_add(hwk_cands *c, const char *prefix, const char *word, const char *desc)
{
	if (!hwk_has_prefix(word, prefix))
		return;
	hwk_strs_push(&c->words, hwk_xstrdup(word));
	hwk_strs_push(&c->descs, desc && *desc ? hwk_xstrdup(desc) : NULL);
}

void hwk_cands_print(const hwk_cands *c, FILE *f)
{
	for (size_t i = 0; i < c->words.n; i++) {
		fputs(c->words.v[i], f);
		if (c->descs.v[i]) {
			putc('\t', f);
			for (const char *s = c->descs.v[i]; *s; s++)
				putc((unsigned char)*s < ' ' ? ' ' : *s, f);
		}
		putc('\n', f);
	}
}

void hwk_cands_free(hwk_cands *c)
{
	hwk_strs_free(&c->words);
	hwk_strs_free(&c->descs);
}

static void add_sorted(hwk_cands *out, const char *prefix, hwk_strs *l)
{
	hwk_strs_sort(l);
	for (size_t i = 0; i < l->n; i++)
		hwk_cands_add(out, prefix, l->v[i], NULL);
}

void hwk_comp_clients(const hwk_practice *p, const char *prefix, hwk_cands *out)
{
	if (!p->exists)
		return;
	if (p->standalone) {
		if (p->here_client)
			hwk_cands_add(out, prefix, p->here_client, NULL);
		return;
	}
	DIR *d = opendir("clients");
	if (!d)
		return;
	hwk_strs ids = {0};
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' && hwk_client_id_ok(e->d_name) &&
		    (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN))
			hwk_strs_push(&ids, hwk_xstrdup(e->d_name));
	closedir(d);
	add_sorted(out, prefix, &ids);
	hwk_strs_free(&ids);
}

void hwk_comp_types(const char *prefix, hwk_cands *out)
{
	hwk_strs names = {0};
	for (const char *const *b = hwk_builtin_types(); *b; b++)
		hwk_strs_push(&names, hwk_xstrdup(*b));
	hwk_custom_types(&names);
	add_sorted(out, prefix, &names);
	hwk_strs_free(&names);
}

void hwk_comp_assignments(const char *client_dir, time_t now, const char *prefix, int rate,
			  hwk_cands *out)
{
	hwk_assignments l = {0};
	hwk_assignments_load_all(client_dir, HWK_CURRENT, &l);
	const char *eq = rate ? strchr(prefix, '=') : NULL;
	for (size_t i = 0; i < l.n; i++) {
		const hwk_assignment *a = &l.v[i];
		if (!hwk_assignment_open(a, now))
			continue;
		const char *what = a->title ? a->title : a->type;
		if (eq) { /* the ratings, 0 to 4, of the one named */
			size_t idx;
			char *spec = hwk_xstrndup(prefix, (size_t)(eq - prefix));
			if (hwk_assignments_match(&l, spec, &idx) == 1 && idx == i)
				for (int r = 0; r <= 4; r++) {
					char *w = hwk_xasprintf("%s=%d", spec, r);
					hwk_cands_add(out, prefix, w, NULL);
					free(w);
				}
			free(spec);
			continue;
		}
		char *id = hwk_xasprintf("%s%s", a->id, rate ? "=" : "");
		hwk_cands_add(out, prefix, id, what);
		free(id);
		/* its type names it when no other open one has that type */
		size_t same = 0;
		for (size_t j = 0; j < l.n; j++)
			same += !strcmp(l.v[j].type, a->type) && hwk_assignment_open(&l.v[j], now);
		if (same == 1) {
			char *t = hwk_xasprintf("%s%s", a->type, rate ? "=" : "");
			hwk_cands_add(out, prefix, t, a->id);
			free(t);
		}
	}
	hwk_assignments_free(&l);
}

static void add_value(const hwk_field *f, const char *value, const char *prefix, hwk_cands *out)
{
	char *w = hwk_xasprintf("%s=%s", f->name, value);
	hwk_cands_add(out, prefix, w, NULL);
	free(w);
}

/* the values a field can be given from a list: a choice's choices, yes or no */
static void field_values(const hwk_field *f, const char *prefix, hwk_cands *out)
{
	if (f->type == HWK_F_CHOICE)
		for (size_t i = 0; i < f->choices.n; i++)
			add_value(f, f->choices.v[i], prefix, out);
	if (f->type == HWK_F_YESNO) {
		add_value(f, "yes", prefix, out);
		add_value(f, "no", prefix, out);
	}
}

void hwk_comp_fields(const char *client_dir, const char *spec, const hwk_strs *given,
		     const char *prefix, hwk_cands *out)
{
	char *name = hwk_xstrndup(spec, strcspn(spec, "@"));
	hwk_assignments l = {0};
	size_t idx;
	if (hwk_assignments_load_for(client_dir, name, &l) == 0 &&
	    hwk_assignments_match(&l, name, &idx) == 1) {
		const hwk_fields *fs = &l.v[idx].fields;
		const char *eq = strchr(prefix, '=');
		for (size_t i = 0; i < fs->n; i++) {
			const hwk_field *f = &fs->v[i];
			if (eq) {
				if (strlen(f->name) == (size_t)(eq - prefix) &&
				    !strncmp(f->name, prefix, (size_t)(eq - prefix)))
					field_values(f, prefix, out);
				continue;
			}
			int done = 0;
			for (size_t g = 0; g < given->n && !done; g++)
				done = !strncmp(given->v[g], f->name, strlen(f->name)) &&
				       given->v[g][strlen(f->name)] == '=';
			if (done)
				continue;
			char *w = hwk_xasprintf("%s=", f->name);
			hwk_cands_add(out, prefix, w, f->prompt);
			free(w);
		}
	}
	hwk_assignments_free(&l);
	free(name);
}

void hwk_comp_weeks(time_t now, const char *prefix, hwk_cands *out)
{
	hwk_cands_add(out, prefix, "this", "this week");
	hwk_cands_add(out, prefix, "last", "last week");
	hwk_day today = hwk_day_of(now);
	for (int k = 0; k < 8; k++) {
		int y, w;
		char word[16];
		hwk_day_iso_week(today - 7 * k, &y, &w);
		snprintf(word, sizeof word, "%04d-W%02d", y, w);
		hwk_cands_add(out, prefix, word, NULL);
	}
}
