#define _GNU_SOURCE
#include "html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "ladder.h"
#include "svg.h"

static const char style[] =
	"@page { size: A4; margin: 15mm 14mm 16mm; }\n"
	"* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"html { font: 10pt/1.35 \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; color: #111; }\n"
	"body { margin: 0 auto; max-width: 182mm; padding: 6mm; }\n"
	"@media print { body { padding: 0; max-width: none; } }\n"
	"h1 { font-size: 16pt; margin: 0 0 3pt; }\n"
	"h2 { font-size: 13pt; margin: 0 0 6pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #1f5fa8; }\n"
	"h3 { font-size: 11pt; margin: 10pt 0 3pt; }\n"
	"h1, h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
	"section.client { break-before: page; page-break-before: always; }\n"
	"table { border-collapse: collapse; margin: 3pt 0 5pt; break-inside: avoid; page-break-inside: avoid; }\n"
	"th, td { border: 0.5pt solid #aaa; padding: 1.5pt 5pt; text-align: left; vertical-align: top; }\n"
	"th { background: #eef2f7; font-weight: 600; }\n"
	".n { text-align: right; }\n"
	"table.caseload { width: 100%; }\n"
	"p, ul { margin: 2pt 0; }\n"
	".attention { color: #a61b1b; }\n"
	".improving { color: #1d6b3a; }\n"
	".charts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 6mm; margin-top: 4pt; }\n"
	"figure.chart { margin: 0; break-inside: avoid; page-break-inside: avoid; }\n"
	"figure.nights { grid-column: 1 / -1; }\n"
	"figure.chart svg { display: block; width: 100%; height: auto; }\n"
	"figcaption { font-weight: 600; font-size: 9pt; }\n"
	"svg text { font-family: inherit; font-size: 12px; fill: #222; }\n"
	"svg .axis-label { font-size: 12px; fill: #444; }\n"
	"svg .grid { stroke: #ddd; stroke-width: 1; }\n"
	"svg .axis { stroke: #444; stroke-width: 1; fill: none; }\n"
	"svg .line { fill: none; stroke-width: 2; }\n"
	"svg line.key { stroke-width: 2.5; }\n"
	"svg .night, svg .key-night { fill: #d6e4f5; stroke: #6b8fbf; stroke-width: 0.5; }\n"
	"svg .sleep, svg .key-sleep { fill: #1f5fa8; }\n"
	"svg .waso, svg .key-waso { fill: #f0a030; }\n"
	"footer { margin-top: 8pt; font-size: 8pt; color: #555; }\n";

static void text(hwk_buf *b, const char *s)
{
	hwk_xml_text(b, s);
}

static void page_open(hwk_buf *b, const char *title)
{
	hwk_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			"<title>");
	text(b, title);
	hwk_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

static void flush(FILE *f, hwk_buf *b)
{
	if (b->s)
		fwrite(b->s, 1, b->len, f);
	hwk_buf_reset(b);
}

static const char page_foot[] = "</body>\n</html>\n";

/* The page's end written, the page's buffer and its title's freed: rc. */
static int page_end(FILE *f, hwk_buf *b, hwk_buf *title, int rc)
{
	hwk_buf_adds(b, page_foot);
	flush(f, b);
	hwk_buf_free(b);
	hwk_buf_free(title);
	return rc;
}

static void pct(hwk_buf *b, double v)
{
	if (isnan(v))
		hwk_buf_adds(b, "-");
	else
		hwk_buf_printf(b, "%.0f%%", v);
}

static void who(hwk_buf *b, const char *client, const char *name)
{
	text(b, client);
	if (name && *name) {
		hwk_buf_adds(b, " (");
		text(b, name);
		hwk_buf_adds(b, ")");
	}
}

static void list_p(hwk_buf *b, const char *cls, const char *what, const hwk_strs *l)
{
	if (!l->n)
		return;
	hwk_buf_printf(b, "<p class=\"%s\">%s: ", cls, what);
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			hwk_buf_adds(b, "; ");
		text(b, l->v[i]);
	}
	hwk_buf_adds(b, "</p>\n");
}

/* Review's entries: when, status, reason, each value given, the note. */
static void entries(hwk_buf *b, const hwk_summary *s)
{
	if (!s->nrows)
		return;
	hwk_buf_adds(b, "<table class=\"entries\">\n<thead><tr><th>at</th><th>status</th>"
			"<th>values</th><th>note</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < s->nrows; i++) {
		const char *const *c = (const char *const *)s->rows[i].cols.v;
		hwk_buf_adds(b, "<tr><td>");
		text(b, c[HWK_E_AT]);
		hwk_buf_adds(b, "</td><td>");
		text(b, c[HWK_E_STATUS]);
		if (*c[HWK_E_REASON]) {
			hwk_buf_addc(b, ' ');
			text(b, c[HWK_E_REASON]);
		}
		hwk_buf_adds(b, "</td><td>");
		for (size_t k = 0, first = 1; k < s->a->fields.n; k++) {
			const char *v = c[HWK_ENTRY_FIXED + k];
			if (!*v)
				continue;
			hwk_buf_adds(b, first ? "" : "; ");
			text(b, s->a->fields.v[k].name);
			hwk_buf_adds(b, ": ");
			text(b, v);
			first = 0;
		}
		hwk_buf_adds(b, "</td><td>");
		text(b, c[HWK_E_NOTE]);
		hwk_buf_adds(b, "</td></tr>\n");
	}
	hwk_buf_adds(b, "</tbody>\n</table>\n");
}

/* A number of the ladder's table: "-" for none. */
static void suds(hwk_buf *b, double v)
{
	char n[32];
	if (isnan(v) || v < 0) {
		hwk_buf_adds(b, "<td class=\"n\">-</td>");
		return;
	}
	hwk_fmt_decimal(n, v, 0);
	hwk_buf_printf(b, "<td class=\"n\">%s</td>", n);
}

/* An exposure's ladder (hwk(5) LADDER): each step's sessions, first and latest peak
 * SUDS and whether it is done, under a caption naming the next step. */
static void ladder(hwk_buf *b, const hwk_ladder_progress *p)
{
	size_t done = 0;
	for (size_t i = 0; i < p->n; i++)
		done += p->v[i].done != 0;
	hwk_buf_printf(b, "<table class=\"ladder\">\n<caption>ladder: %zu of %zu step%s done; ",
		       done, p->n, p->n == 1 ? "" : "s");
	if (p->next < 0) {
		hwk_buf_adds(b, "every step done");
	} else {
		hwk_buf_printf(b, "next: %ld ", p->next + 1);
		text(b, p->v[p->next].step->name);
	}
	hwk_buf_adds(b, "</caption>\n<thead><tr><th>step</th><th>expected</th><th>target</th>"
			"<th>sessions</th><th>first peak</th><th>latest peak</th><th>done</th>"
			"</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < p->n; i++) {
		const hwk_step_progress *sp = &p->v[i];
		hwk_buf_printf(b, "<tr class=\"step%s\"><td>%zu ", sp->done ? " done" : "", i + 1);
		text(b, sp->step->name);
		hwk_buf_adds(b, "</td>");
		suds(b, sp->step->expected);
		suds(b, sp->step->target == HWK_NO_TARGET ? NAN : sp->step->target);
		suds(b, (double)sp->sessions);
		suds(b, sp->first);
		suds(b, sp->latest);
		hwk_buf_printf(b, "<td>%s</td></tr>\n", sp->done ? "done" : "");
	}
	hwk_buf_adds(b, "</tbody>\n</table>\n");
	if (p->off)
		hwk_buf_printf(b, "<p>%ld session%s on no step of the ladder</p>\n", p->off,
			       p->off == 1 ? "" : "s");
}

/* One assignment: its numbers as report and review count them, then its charts. */
static int article(hwk_buf *b, const hwk_summary *s, const hwk_report_assess *x, int rating,
		   hwk_day to, const hwk_chart_period *cp, int rows)
{
	const hwk_adherence *h = &s->now;
	hwk_buf_adds(b, "<article class=\"assignment\">\n<h3>");
	text(b, s->a->type);
	hwk_buf_adds(b, ", every ");
	text(b, hwk_assignment_every_on(s->a, to));
	hwk_buf_adds(b, " (");
	text(b, s->a->id);
	hwk_buf_printf(b, "%s)</h3>\n", strcmp(s->a->status, "active") ? ", ended" : "");
	hwk_buf_printf(b, "<table class=\"adherence\">\n<thead><tr><th>expected</th><th>done</th>"
			  "<th>partial</th><th>skipped</th><th>missed</th><th>completion</th>"
			  "<th>the period before</th></tr></thead>\n<tbody><tr><td class=\"n\">%ld</td>"
			  "<td class=\"n\">%ld</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
			  "<td class=\"n\">%ld</td><td class=\"n\">",
		       h->expected, h->done, h->partial, h->skipped, h->missed);
	pct(b, h->completion);
	hwk_buf_adds(b, "</td><td class=\"n\">");
	pct(b, s->before.completion);
	hwk_buf_adds(b, "</td></tr></tbody>\n</table>\n");
	if (h->skipped) {
		hwk_buf_adds(b, "<p>skipped:");
		for (int i = 0, first = 1; i < HWK_NREASONS; i++)
			if (h->reasons[i]) {
				hwk_buf_printf(b, "%s %s %ld", first ? "" : ",", hwk_reasons[i],
					       h->reasons[i]);
				first = 0;
			}
		hwk_buf_adds(b, "</p>\n");
	}
	if (x->nnotes) {
		hwk_buf_adds(b, "<ul class=\"notes\">\n");
		for (size_t i = 0; i < x->nnotes; i++) {
			hwk_buf_printf(b, "<li>%s ", x->notes[i].day);
			text(b, x->notes[i].reason);
			hwk_buf_adds(b, ": ");
			text(b, x->notes[i].note);
			hwk_buf_adds(b, "</li>\n");
		}
		hwk_buf_adds(b, "</ul>\n");
	}
	list_p(b, "attention", "attention", &x->flags);
	list_p(b, "improving", "improving", &x->improving);
	if (rating >= 0)
		hwk_buf_printf(b, "<p>rated: %s (%d of %d)</p>\n", hwk_rating_words[rating], rating,
			       HWK_RATING_MAX);
	if (s->metrics.n) {
		hwk_buf_adds(b, "<table class=\"metrics\">\n<tbody>\n");
		for (size_t i = 0; i < s->metrics.n; i++) {
			const hwk_metric *m = &s->metrics.v[i];
			char v[512];
			hwk_metric_str(m, v, sizeof v);
			hwk_buf_adds(b, "<tr><th>");
			text(b, m->label);
			hwk_buf_adds(b, m->text ? "</th><td>" : "</th><td class=\"n\">");
			text(b, v);
			hwk_buf_printf(b, "</td><td class=\"n\">%ld</td></tr>\n", m->n);
		}
		hwk_buf_adds(b, "</tbody>\n</table>\n");
	}
	if (s->metrics.hint) {
		hwk_buf_adds(b, "<p class=\"hint\">");
		text(b, s->metrics.hint);
		hwk_buf_adds(b, "</p>\n");
	}
	if (s->ladder.n)
		ladder(b, &s->ladder);
	if (rows)
		entries(b, s);
	hwk_buf_adds(b, "<div class=\"charts\">\n");
	hwk_chart_period p = *cp;
	p.seen_from = s->prev_from;
	int rc = hwk_charts(b, s->a, &p);
	hwk_buf_adds(b, "</div>\n</article>\n");
	return rc;
}

static void report_head(FILE *f, const hwk_report *r)
{
	char from[16], to[16];
	hwk_day_format(r->from, from);
	hwk_day_format(r->to, to);
	hwk_buf b = {0}, t = {0};
	hwk_buf_printf(&t, "Report for %s to %s", from, to);
	if (r->label)
		hwk_buf_printf(&t, " (%s)", r->label);
	page_open(&b, t.s);
	hwk_buf_adds(&b, "<header>\n<h1>");
	text(&b, t.s);
	hwk_buf_printf(&b, "</h1>\n<p>%zu client%s, those needing attention first.</p>\n</header>\n",
		       r->n, r->n == 1 ? "" : "s");
	if (r->n)
		hwk_buf_adds(&b, "<table class=\"caseload\">\n<thead><tr><th>client</th>"
				 "<th class=\"n\">completion</th><th class=\"n\">days since last "
				 "entry</th><th>attention</th><th>improving</th></tr></thead>\n"
				 "<tbody>\n");
	for (size_t i = 0; i < r->n; i++) {
		const hwk_report_row *c = &r->c[i];
		hwk_buf_adds(&b, "<tr><td>");
		text(&b, c->client);
		hwk_buf_adds(&b, "</td><td class=\"n\">");
		pct(&b, c->completion);
		if (c->since_last < 0)
			hwk_buf_adds(&b, "</td><td class=\"n\">-");
		else
			hwk_buf_printf(&b, "</td><td class=\"n\">%ld", c->since_last);
		hwk_buf_adds(&b, "</td><td class=\"attention\">");
		text(&b, *c->flags ? c->flags : "-");
		hwk_buf_adds(&b, "</td><td class=\"improving\">");
		text(&b, *c->improving ? c->improving : "-");
		hwk_buf_adds(&b, "</td></tr>\n");
		if (b.len >= 65536)
			flush(f, &b);
	}
	if (r->n) /* an empty table is no table */
		hwk_buf_adds(&b, "</tbody>\n</table>\n");
	flush(f, &b);
	hwk_buf_free(&b);
	hwk_buf_free(&t);
}

static int report_client(hwk_buf *b, const hwk_report *r, const hwk_report_client *c)
{
	hwk_chart_period cp = {r->from, r->to, r->today, r->week_start, r->from};
	int rc = 0;
	hwk_buf_adds(b, "<section class=\"client\">\n<h2>");
	who(b, c->client, c->name);
	hwk_buf_adds(b, "</h2>\n");
	list_p(b, "attention", "attention", &c->flags);
	if (!c->n)
		hwk_buf_printf(b, "<p>%s</p>\n",
			       c->incomplete ? "no assignment to show: files not read (see "
					       "the messages)"
					     : "no assignment was active");
	for (size_t k = 0; k < c->n; k++)
		if (article(b, &c->s[k], &c->x[k], -1, r->to, &cp, 0) < 0)
			rc = -1;
	hwk_buf_adds(b, "</section>\n");
	return rc;
}

static void report_foot(FILE *f)
{
	fputs(page_foot, f);
}

const hwk_report_page hwk_html_report_page = {report_head, report_client, report_foot};

int hwk_html_review(FILE *f, const hwk_review *r, int week_start)
{
	char from[16], to[16];
	hwk_day_format(r->from, from);
	hwk_day_format(r->to, to);
	hwk_buf b = {0}, t = {0};
	int rc = 0;
	hwk_buf_adds(&t, "Review of ");
	hwk_buf_adds(&t, r->client);
	if (r->name && *r->name)
		hwk_buf_printf(&t, " (%s)", r->name);
	hwk_buf_printf(&t, ", %s to %s", from, to);
	page_open(&b, t.s);
	hwk_buf_adds(&b, "<header>\n<h1>Review of ");
	who(&b, r->client, r->name);
	hwk_buf_printf(&b, "</h1>\n<p>%s to %s; ", from, to);
	if (r->last) {
		hwk_buf_adds(&b, "the last review was ");
		text(&b, r->last->at);
	} else {
		hwk_buf_adds(&b, "no earlier review");
	}
	hwk_buf_adds(&b, ".</p>\n</header>\n");
	if (!r->n)
		hwk_buf_adds(&b, "<p>No assignment was active.</p>\n");
	hwk_chart_period cp = {r->from, r->to, r->today, week_start, r->from};
	for (size_t k = 0; k < r->n; k++) {
		hwk_report_assess x;
		hwk_report_assess_make(&r->s[k], &x);
		if (article(&b, &r->s[k], &x, r->ratings ? r->ratings[k] : -1, r->to, &cp, 1) < 0)
			rc = -1;
		hwk_report_assess_free(&x);
		flush(f, &b);
	}
	return page_end(f, &b, &t, rc);
}
