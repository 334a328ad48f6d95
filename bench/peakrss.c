/* peakrss: run a command and print its peak resident set size, for bench/report.sh.
 *
 *   cc -O2 -o build/peakrss bench/peakrss.c
 *   peakrss [-o FILE] COMMAND [ARG...]
 *
 * runs COMMAND (found on PATH) with the same standard input, output and error, waits
 * for it with wait4() and prints the ru_maxrss of its rusage, in KiB (Linux's unit), as
 * one line to FILE, or to standard error after the command's own output.  It exits
 * with the command's status (128 + the signal when it was killed; 127 when it could
 * not be run).  The peak is that of the command's process (exec() keeps it) and of
 * the children it waited for.  No GNU time needed.
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *out = NULL;
	int i = 1;
	if (i + 1 < argc && !strcmp(argv[i], "-o"))
		out = argv[i + 1], i += 2;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc) {
		fprintf(stderr, "usage: peakrss [-o FILE] COMMAND [ARG...]\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("peakrss: fork");
		return 127;
	}
	if (pid == 0) {
		execvp(argv[i], argv + i);
		fprintf(stderr, "peakrss: %s: %s\n", argv[i], strerror(errno));
		_exit(127);
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("peakrss: wait4");
			return 127;
		}
	FILE *f = stderr;
	if (out && !(f = fopen(out, "w"))) {
		fprintf(stderr, "peakrss: %s: %s\n", out, strerror(errno));
		return 127;
	}
	fprintf(f, "%ld\n", ru.ru_maxrss);
	if (f != stderr && fclose(f) != 0) {
		fprintf(stderr, "peakrss: %s: %s\n", out, strerror(errno));
		return 127;
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
