/* interleave: time commands side by side, one run of each in turn, for make bench.
 *
 *   cc -O2 -o build/interleave bench/interleave.c
 *   interleave [-r RUNS] [-w WARMUP] [-o FILE] [-p NAME=CMD]... NAME=CMD... [-- A/B...]
 *
 * Each round runs every command once (and a command's -p preparation, untimed, just
 * before it), in an order that turns by one each round, so that no command always runs
 * first or after the same one; a slow spell of the machine falls on every command
 * alike. A ratio A/B is taken round by round, from the two runs of the same round,
 * and its median and spread (the 10th and 90th percentiles) are printed: unlike the
 * ratio of two medians measured in separate blocks (as hyperfine runs its commands),
 * it does not move when the machine's load changes between the blocks.
 *
 * CMD is split into words at spaces; '...' quotes a word (no other quoting). The
 * command's output goes to /dev/null; a command that exits non-zero stops the run.
 * Prints, for each command, the median, 10th and 90th percentile times in ms and the
 * highest peak RSS in KiB seen (wait4), then each ratio. With -o FILE the same lines,
 * tab-separated, for scripts: "time NAME MEDIAN P10 P90 MAXRSS" and
 * "ratio A B MEDIAN P10 P90".
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CMDS 16

struct cmd {
	char *name;
	char **argv;
	char **prep; /* or NULL */
	double *t;   /* seconds, one per round */
	long maxrss; /* KiB */
};

static struct cmd cmds[MAX_CMDS];
static int ncmds;

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "interleave: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

static char **split(const char *s)
{
	size_t cap = 8, n = 0;
	char **v = malloc(cap * sizeof *v);
	char *buf = malloc(strlen(s) + 1);
	if (!v || !buf)
		die("%s", "out of memory");
	const char *p = s;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *w = buf;
		int quoted = 0;
		while (*p && (quoted || *p != ' ')) {
			if (*p == '\'')
				quoted = !quoted;
			else
				*w++ = *p;
			p++;
		}
		if (quoted)
			die("unmatched quote in: %s", s);
		*w = 0;
		if (n + 2 > cap && !(v = realloc(v, (cap *= 2) * sizeof *v)))
			die("%s", "out of memory");
		if (!(v[n++] = strdup(buf)))
			die("%s", "out of memory");
	}
	free(buf);
	if (!n)
		die("empty command: '%s'", s);
	v[n] = NULL;
	return v;
}

static struct cmd *find(const char *name, size_t len)
{
	for (int i = 0; i < ncmds; i++)
		if (strlen(cmds[i].name) == len && !strncmp(cmds[i].name, name, len))
			return &cmds[i];
	return NULL;
}

/* Runs argv with output to /dev/null; returns the wall time in seconds. */
static double run(char **argv, long *maxrss)
{
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	pid_t pid = fork();
	if (pid < 0)
		die("%s", "fork failed");
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0) {
			dup2(fd, 1);
			close(fd);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "interleave: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0)
		if (errno != EINTR)
			die("%s", "wait failed");
	clock_gettime(CLOCK_MONOTONIC, &b);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		die("a command failed: %s", argv[0]);
	if (maxrss && ru.ru_maxrss > *maxrss)
		*maxrss = ru.ru_maxrss;
	return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

static int cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* the q-quantile of v[0..n) (sorted in place), by linear interpolation */
static double quantile(double *v, int n, double q)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	double pos = q * (n - 1);
	int i = (int)pos;
	return i + 1 < n ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[n - 1];
}

int main(int argc, char **argv)
{
	int runs = 30, warmup = 3, c;
	const char *out = NULL;
	char *preps[MAX_CMDS];
	int npreps = 0;
	while ((c = getopt(argc, argv, "+r:w:o:p:")) != -1) {
		switch (c) {
		case 'r': runs = atoi(optarg); break;
		case 'w': warmup = atoi(optarg); break;
		case 'o': out = optarg; break;
		case 'p':
			if (npreps == MAX_CMDS)
				die("%s", "too many -p");
			preps[npreps++] = optarg;
			break;
		default:
			fputs("usage: interleave [-r RUNS] [-w WARMUP] [-o FILE] [-p NAME=CMD]... NAME=CMD... [-- A/B...]\n", stderr);
			return 2;
		}
	}
	if (runs < 1 || warmup < 0)
		die("%s", "-r must be 1 or more, -w 0 or more");
	int i = optind;
	for (; i < argc && strcmp(argv[i], "--"); i++) {
		char *eq = strchr(argv[i], '=');
		if (!eq || eq == argv[i])
			die("not NAME=CMD: %s", argv[i]);
		if (ncmds == MAX_CMDS)
			die("%s", "too many commands");
		if (find(argv[i], (size_t)(eq - argv[i])))
			die("two commands named alike: %s", argv[i]);
		struct cmd *k = &cmds[ncmds++];
		k->name = strndup(argv[i], (size_t)(eq - argv[i]));
		k->argv = split(eq + 1);
		k->t = calloc((size_t)runs, sizeof *k->t);
		if (!k->name || !k->t)
			die("%s", "out of memory");
	}
	if (ncmds < 1)
		die("%s", "no command given");
	for (int p = 0; p < npreps; p++) {
		char *eq = strchr(preps[p], '=');
		struct cmd *k = eq ? find(preps[p], (size_t)(eq - preps[p])) : NULL;
		if (!k)
			die("-p names no command: %s", preps[p]);
		k->prep = split(eq + 1);
	}
	int first_ratio = i < argc ? i + 1 : i;
	for (int j = first_ratio; j < argc; j++) {
		char *slash = strchr(argv[j], '/');
		if (!slash || !find(argv[j], (size_t)(slash - argv[j])) || !find(slash + 1, strlen(slash + 1)))
			die("not a ratio of two commands given: %s", argv[j]);
	}
	for (int r = -warmup; r < runs; r++) {
		for (int j = 0; j < ncmds; j++) {
			struct cmd *k = &cmds[((r + warmup) + j) % ncmds];
			if (k->prep)
				run(k->prep, NULL);
			double t = run(k->argv, &k->maxrss);
			if (r >= 0)
				k->t[r] = t;
		}
	}
	FILE *o = out ? fopen(out, "w") : NULL;
	if (out && !o)
		die("cannot write %s", out);
	double *v = malloc((size_t)runs * sizeof *v);
	if (!v)
		die("%s", "out of memory");
	printf("%-12s %10s %10s %10s %10s   (%d rounds, interleaved)\n", "command", "median ms", "p10", "p90",
	       "max RSS KiB", runs);
	for (int j = 0; j < ncmds; j++) {
		struct cmd *k = &cmds[j];
		memcpy(v, k->t, (size_t)runs * sizeof *v);
		double m = quantile(v, runs, 0.5) * 1e3, lo = quantile(v, runs, 0.1) * 1e3,
		       hi = quantile(v, runs, 0.9) * 1e3;
		printf("%-12s %10.2f %10.2f %10.2f %10ld\n", k->name, m, lo, hi, k->maxrss);
		if (o)
			fprintf(o, "time\t%s\t%.4f\t%.4f\t%.4f\t%ld\n", k->name, m, lo, hi, k->maxrss);
	}
	for (i = first_ratio; i < argc; i++) {
		char *slash = strchr(argv[i], '/');
		struct cmd *a = find(argv[i], (size_t)(slash - argv[i]));
		struct cmd *b = find(slash + 1, strlen(slash + 1));
		for (int r = 0; r < runs; r++)
			v[r] = a->t[r] / b->t[r];
		double m = quantile(v, runs, 0.5), lo = quantile(v, runs, 0.1), hi = quantile(v, runs, 0.9);
		printf("ratio %s / %s: median %.3f (p10 %.3f, p90 %.3f)\n", a->name, b->name, m, lo, hi);
		if (o)
			fprintf(o, "ratio\t%s\t%s\t%.4f\t%.4f\t%.4f\n", a->name, b->name, m, lo, hi);
	}
	free(v);
	if (o && fclose(o) != 0)
		die("cannot write %s", out);
	return 0;
}
