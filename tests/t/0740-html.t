#!/bin/bash
# hwk report -f html and hwk review CLIENT -f html: one self-contained HTML5 page (no
# script, no URL, nothing fetched), valid by tidy and html5lib's strict parser; text
# from clients escaped, never markup; in headless Chromium (tests/browser.py, one
# launch) no console error, the charts' bars and points as many as the fixture's data
# implies (worked out here from the entries logged, not from hwk), and the page printed
# on A4 as many pages as it should be (the caseload, then one per client); review -f
# html records nothing; the usage errors.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# the tools, each said in one line when absent (and the test fails)
missing=
command -v tidy >/dev/null || missing="$missing tidy"
command -v chromium >/dev/null || missing="$missing chromium"
PY5=$(sh "$TOP/tests/python-with.sh" html5lib)
[ -n "$PY5" ] || missing="$missing python3-html5lib"
if [ -n "$missing" ]; then
	echo "# 0740-html.t needs$missing (make deps)"
	_result 1 "the tools of the HTML checks:$missing"
	done_testing
	exit 1
fi

# strict FILE: tidy says nothing (no error, no warning) and html5lib's strict parser
# takes it
strict() {
	tidy -q -e --doctype html5 "$1" >"$T/tidy" 2>&1
	is "$2: tidy finds nothing" "$?:$(cat "$T/tidy")" "0:"
	"$PY5" -c 'import sys, html5lib; html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb"))' "$1" >"$T/h5" 2>&1
	is "$2: html5lib's strict parser takes it" "$?:$(tail -1 "$T/h5")" "0:"
}

# The clock: Friday 2026-11-27; the report's week is 2026-W47, Monday 16 to Sunday 22.
hwk init p 2>/dev/null
mood_check_type p
# ana: sleep every day from Monday 9 (2026-W46). Her name and a skip's note hold markup.
asg p ana sleep --start 2026-11-09 --name "Ana <b>&amp;</b> \"O'Neil\"" >/dev/null
for d in 10 11 12; do # W46: three whole nights, 23:00 to 07:00, asleep 06:30
	lg p ana sleep bed=23:00 sol=20 waso=10 wake=06:30 out_of_bed=07:00 --at 2026-11-${d}T07:30
done
lg p ana sleep bed=23:40 sol=15 awakenings=1 waso=10 wake=06:50 out_of_bed=07:05 --at 2026-11-17T07:30
lg p ana sleep bed=23:40 lights_out=00:10 sol=20 waso=30 wake=06:50 out_of_bed=07:20 --at 2026-11-18T07:30
lg p ana sleep bed=00:30 sol=10 waso=0 wake=06:50 out_of_bed=07:00 --at 2026-11-19T07:30
lg p ana sleep bed=23:50 wake=06:20 out_of_bed=06:45 quality=1 --at 2026-11-20T07:30
lg p ana sleep --skip busy -m '<script>alert(1)</script> "<img src=x onerror=alert(2)>"' --at 2026-11-21T07:30
# ben: exposure 3/week from Monday 16, two steps (one named with markup), a session
# without a peak
asg p ben exposure --start 2026-11-16 --every 3/week >/dev/null
lg p ben exposure step='<i>lift</i>' suds_peak=80 --at 2026-11-17T10:00
lg p ben exposure step='<i>lift</i>' suds_peak=60 --at 2026-11-19T10:00
lg p ben exposure step=bus suds_peak=90 --at 2026-11-20T10:00
lg p ben exposure step=bus suds_before=30 --at 2026-11-21T10:00
# cat: thought records, one without a re-rating, a skip
asg p cat thought-record --start 2026-11-16 >/dev/null
lg p cat thought-record situation=work thought='I fail' intensity=80 rerate=40 --at 2026-11-16T20:00
lg p cat thought-record situation=bus thought='they stare' intensity=70 --at 2026-11-18T20:00
lg p cat thought-record situation=home thought='I am lazy' intensity=60 rerate=20 --at 2026-11-20T20:00
lg p cat thought-record --skip forgot --at 2026-11-21T20:00
# full: activity every day from Monday 16 (tests/lib.sh: five entries with mood before
# and after, mastery and pleasure, a partial with the two moods only, a skip)
asg p full activity --start 2026-11-16 >/dev/null
hand_worked p full
# cust: the custom type mood-check from Monday 16 (lib.sh: mood in five entries, hours
# in three, a skip)
asg p cust mood-check --start 2026-11-16 >/dev/null
hand_worked p cust
is "the fixture was made" "$setup_failed:$(cat "$T/setup.err" 2>/dev/null)" "0:"

# What the data implies, per chart:
#   completion per week, a bar per week of each course with something expected: ana W46
#     and W47, the others W47 alone: 6 bars
#   ana's nights of W47 (done): 4 bars; asleep (those with sol: not the 20th): 3;
#     awake in the night (with waso too): 3; sleep efficiency per week: W46 and
#     W47 have nights with an SE: 2 points. W46's is (06:30 - 23:00 - 20 - 10) / 480 =
#     87.5%
#   ben: peak SUDS, three sessions with a peak: 3 points on 2 lines (<i>lift</i> 2, bus 1)
#   cat: intensity 3 and re-rated 2: 5 points
#   full: 5 entries x 4 values + the partial's 2: 22 points
#   cust: mood 5 and hours 3: 8 points
#   points in all: 2 + 3 + 5 + 22 + 8 = 40
run -C p report -f html
is "report -f html: exit 0, nothing on stderr" "$rc:$(cat "$T/err")" "0:"
cp "$T/out" "$T/report.html"
strict "$T/report.html" "report -f html"
html=$(cat "$T/report.html")
like "a page for A4" "$html" '@page \{ size: A4;'
like "each client from a new page" "$html" 'section\.client \{ break-before: page; page-break-before: always; \}'
like "a chart is not split" "$html" 'figure\.chart \{[^}]*break-inside: avoid;'
is "no script, no image, no URL, nothing to fetch" \
	"$(grep -Eic '<script|<img|<link|<iframe|<object|https?:|<[^>]*[[:space:]](src|href)=|url\(' "$T/report.html")" 0
like "a note's markup escaped" "$html" '<li>2026-11-21 busy: &lt;script&gt;alert\(1\)&lt;/script&gt; &quot;&lt;img src=x onerror=alert\(2\)&gt;&quot;</li>'
like "a name's markup escaped" "$html" "<h2>ana \(Ana &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;O&#39;Neil&quot;\)</h2>"
like "a step's markup escaped" "$html" 'data-series="&lt;i&gt;lift&lt;/i&gt;"'
like "sleep efficiency of W46 as worked out" "$html" '<desc>The mean sleep efficiency [^<]*sleep efficiency: 87\.5%, '
like "each chart has a title and a text alternative" "$(grep -c '<svg ' "$T/report.html"):$(grep -c '<svg [^>]*role="img" aria-label="[^"]' "$T/report.html"):$(grep -c '<desc>' "$T/report.html"):$(grep -c '<figcaption>' "$T/report.html")" '^([0-9]+):\1:\1:\1$'
is "a chart per kind: completion 5, nights 1, efficiency 1, SUDS 1, intensity 1, activity 1, fields 2" \
	"$(grep -o '<figure class="chart [a-z]*">' "$T/report.html" | sort | uniq -c | awk '{print $4 $1}' | tr -d '">' | tr '\n' ' ')" \
	"activity1 completion5 field2 intensity1 nights1 se1 suds1 "

# review -f html: a view, nothing recorded; ana's whole course (no earlier review) to
# today: nights 10, 11, 12, 17, 18, 19, 20 (7), completion W46, W47, W48 (3), efficiency
# W46, W47 (2)
snap p
run -C p review ana -f html
is "review -f html: exit 0, nothing on stderr" "$rc:$(cat "$T/err")" "0:"
cp "$T/out" "$T/review.html"
unchanged "review -f html records nothing" p
strict "$T/review.html" "review -f html"
run -C p review ben -f html
cp "$T/out" "$T/review-ben.html"
is "review ben -f html: exit 0, nothing on stderr" "$rc:$(cat "$T/err")" "0:"
like "the review's entries, escaped" "$(cat "$T/review.html")" '<td>&lt;script&gt;alert\(1\)&lt;/script&gt; &quot;&lt;img src=x onerror=alert\(2\)&gt;&quot;</td>'

# in a real browser, one launch for both pages
SEL=(--count 'rect.bar.week' --count 'rect.bar.night' --count 'rect.sleep' --count 'rect.waso'
	--count 'circle.point' --count 'figure.se circle.point' --count 'figure.suds polyline.line'
	--count 'figure.suds circle.point[data-series="<i>lift</i>"]' --count 'figure.intensity circle.point'
	--count 'figure.activity circle.point' --count 'figure.field circle.point'
	--count 'script, img, b, i, iframe' --count 'svg > title' --count 'svg > desc')
python3 "$TOP/tests/browser.py" "${SEL[@]}" "$T/report.html" "$T/review.html" "$T/review-ben.html" >"$T/b.out" 2>"$T/b.err"
is "tests/browser.py ran chromium" "$?:$(cat "$T/b.err")" "0:"
got() { sed -n "s|^$T/$1.html $2 ||p" "$T/b.out"; }
is "report: no console error" "$(got report errors)" 0
is "report: nothing requested" "$(got report requests)" 0
is "report: a bar per week of each course" "$(got report count:rect.bar.week)" 6
is "report: a bar per night" "$(got report count:rect.bar.night)" 4
is "report: asleep where sol is known" "$(got report count:rect.sleep)" 3
is "report: awake in the night where waso is too" "$(got report count:rect.waso)" 3
is "report: every point" "$(got report count:circle.point)" 40
is "report: efficiency per week" "$(got report 'count:figure.se circle.point')" 2
is "report: a line per step" "$(got report 'count:figure.suds polyline.line')" 2
is "report: the step's points" "$(got report 'count:figure.suds circle.point\[data-series="<i>lift</i>"\]')" 2
is "report: intensity before and after" "$(got report 'count:figure.intensity circle.point')" 5
is "report: mood, mastery, pleasure" "$(got report 'count:figure.activity circle.point')" 22
is "report: the custom fields" "$(got report 'count:figure.field circle.point')" 8
is "report: no markup from a client became an element" "$(got report 'count:script, img, b, i, iframe')" 0
is "report: every chart titled and described" "$(got report 'count:svg > title'):$(got report 'count:svg > desc')" "12:12"
is "report: printed, the caseload and a page per client" "$(got report pages)" 6
is "review: no console error" "$(got review errors):$(got review requests)" "0:0"
is "review: the course's nights" "$(got review count:rect.bar.night)" 7
is "review: a bar per week to today" "$(got review count:rect.bar.week)" 3
is "review: efficiency per week" "$(got review 'count:figure.se circle.point')" 2
is "review: no markup from a client became an element" "$(got review 'count:script, img, b, i, iframe')" 0
is "review: a short one printed on one page" "$(got review-ben pages)" 1
is "review: no error on the short one" "$(got review-ben errors):$(got review-ben requests)" "0:0"

# A bad row before the period before (read for the charts alone) and one in the period
# (read by the summary too): each named once, the rest of the page written, exit 1
hwk init q 2>/dev/null
ZED=$(asg q zed sleep --start 2026-11-02)
lg q zed sleep bed=23:00 sol=20 waso=10 wake=06:30 out_of_bed=07:00 --at 2026-11-04T07:30
lg q zed sleep bed=23:00 sol=20 waso=10 wake=06:30 out_of_bed=07:00 --at 2026-11-18T07:30
printf '%s\n' '2026-11-03T07:30:00+01:00,2026-11-03T08:00:00+01:00,done,,,25:00,,,,,06:30,07:00,,' \
	'2026-11-17T07:30:00+01:00,2026-11-17T08:00:00+01:00,done,,,23:00,,,,,06:30,07:00,9,' >>"q/clients/zed/$ZED.csv"
run -C q report -f html
is "a bad row: exit 1" "$rc" 1
is "a bad row: each named once" "$(sed -E 's/:[0-9]+: .*//' "$T/err" | sort | uniq -c | sed -E 's/^ *//')" \
	"2 hwk report: clients/zed/$ZED.csv"
is "a bad row: on two lines of the file" "$(sed -E 's/^[^:]*: [^:]*:([0-9]+): .*/\1/' "$T/err" | sort -u | wc -l)" 2
cp "$T/out" "$T/bad.html"
strict "$T/bad.html" "a bad row: the page"
like "a bad row: the good nights drawn" "$(cat "$T/bad.html")" '<desc>1 night, one row each'

# a practice with no client: a page all the same
hwk init e 2>/dev/null
run -C e report -f html
is "no client: exit 0, nothing on stderr" "$rc:$(cat "$T/err")" "0:"
cp "$T/out" "$T/empty.html"
strict "$T/empty.html" "no client: the page"
like "no client: said" "$(cat "$T/empty.html")" '<p>0 clients, '

# review -f html with nothing new since the last review: the note, and no page
hwk -C p review ben -m 'steps agreed' >/dev/null 2>&1
snap p
run -C p review ben -f html
is "nothing new: exit 0, no page" "$rc:$(cat "$T/out")" "0:"
like "nothing new: the note" "$(cat "$T/err")" '^hwk review: nothing new: nothing was logged since the last review'
unchanged "nothing new: nothing recorded" p

# the usage errors: nothing written, nothing changed
fails "report -f htm" 2 "hwk report: htm: not a report format (text, md, csv, tsv, json, html)" -C p report -f htm
fails "review -f pdf" 2 "hwk review: pdf: not a review format (text, html)" -C p review ana -f pdf
fails "review -f html -m" 2 "hwk review: -f html shows the review and records nothing: -m, -e, -r and --amend record one" -C p review ana -f html -m note
fails "review -f html --amend" 2 "hwk review: -f html shows the review and records nothing: -m, -e, -r and --amend record one" -C p review ana -f html --amend -m note
done_testing
