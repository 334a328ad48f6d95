/* hwk completion SHELL: print the completion script for bash, zsh or fish. Each asks hwk
 * for the candidates (hwk __complete, cmd/complete.c) and knows nothing of hwk itself. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "err.h"

static const char usage[] = "usage: hwk completion bash|zsh|fish\n";

static const char bash[] =
	"# bash completion for hwk (made by 'hwk completion bash')\n"
	"_hwk() {\n"
	"\tlocal line=${COMP_LINE:0:COMP_POINT} w i sp cur out pre v l\n"
	"\tlocal -a words=()\n"
	"\t# the words as hwk takes them: bash splits FIELD=VALUE and 09:00 at '=' and ':'\n"
	"\tfor ((i = 0; i <= COMP_CWORD; i++)); do\n"
	"\t\tw=${COMP_WORDS[i]}\n"
	"\t\tsp=0\n"
	"\t\twhile [[ $line == [[:space:]]* ]]; do\n"
	"\t\t\tline=${line:1}\n"
	"\t\t\tsp=1\n"
	"\t\tdone\n"
	"\t\tif ((i > 1 && !sp)); then\n"
	"\t\t\twords[${#words[@]}-1]+=$w\n"
	"\t\telse\n"
	"\t\t\twords+=(\"$w\")\n"
	"\t\tfi\n"
	"\t\tline=${line:${#w}}\n"
	"\tdone\n"
	"\t# the words before as the shell will pass them: unquoted, ~/ expanded\n"
	"\tfor ((i = 0; i < ${#words[@]} - 1; i++)); do\n"
	"\t\tw=${words[i]}\n"
	"\t\tcase $w in\n"
	"\t\t\"'\"*\"'\" | '\"'*'\"') w=${w:1:${#w}-2} ;;\n"
	"\t\t\"~/\"*) w=$HOME/${w:2} ;;\n"
	"\t\tesac\n"
	"\t\twords[i]=$w\n"
	"\tdone\n"
	"\tcur=${words[${#words[@]}-1]}\n"
	"\tCOMPREPLY=()\n"
	"\tout=$(command hwk __complete \"${words[@]:1}\" 2>/dev/null) || return 0\n"
	"\tcase $out in\n"
	"\t:file)\n"
	"\t\tcompopt -o filenames 2>/dev/null\n"
	"\t\tmapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
	"\t\treturn 0 ;;\n"
	"\t:dir)\n"
	"\t\tcompopt -o filenames 2>/dev/null\n"
	"\t\tmapfile -t COMPREPLY < <(compgen -d -- \"$cur\")\n"
	"\t\treturn 0 ;;\n"
	"\tesac\n"
	"\t# bash replaces only what follows the word's last '=' or ':'\n"
	"\tpre=${cur%\"${cur##*[=:]}\"}\n"
	"\twhile IFS= read -r l; do\n"
	"\t\t[[ -n $l ]] || continue\n"
	"\t\tv=${l%%$'\\t'*}\n"
	"\t\t[[ $v == *= ]] && compopt -o nospace 2>/dev/null\n"
	"\t\tCOMPREPLY+=(\"${v#\"$pre\"}\")\n"
	"\tdone <<<\"$out\"\n"
	"\treturn 0\n"
	"}\n"
	"complete -F _hwk hwk\n";

static const char zsh[] =
	"#compdef hwk\n"
	"# zsh completion for hwk (made by 'hwk completion zsh')\n"
	"_hwk() {\n"
	"\tlocal out l v d ret=1\n"
	"\tlocal -a lines vals eqs\n"
	"\tout=$(command hwk __complete \"${(@Q)words[2,CURRENT-1]}\" \"${(Q)PREFIX}\" 2>/dev/null) ||\n"
	"\t\treturn 1\n"
	"\tlines=(\"${(@f)out}\")\n"
	"\tcase $lines[1] in\n"
	"\t:file) _files; return ;;\n"
	"\t:dir) _files -/; return ;;\n"
	"\tesac\n"
	"\tfor l in $lines; do\n"
	"\t\t[[ -n $l ]] || continue\n"
	"\t\tv=${l%%$'\\t'*}\n"
	"\t\td=\n"
	"\t\t[[ $l == *$'\\t'* ]] && d=${l#*$'\\t'}\n"
	"\t\tv=${v//:/\\\\:}${d:+:$d}\n"
	"\t\t# FIELD= and the like take their value with no space between\n"
	"\t\tif [[ $l == *=(|$'\\t'*) ]]; then eqs+=(\"$v\"); else vals+=(\"$v\"); fi\n"
	"\tdone\n"
	"\t(( $#vals )) && _describe -t hwk hwk vals && ret=0\n"
	"\t(( $#eqs )) && _describe -t hwk hwk eqs -S '' && ret=0\n"
	"\treturn ret\n"
	"}\n"
	"if [[ $funcstack[1] == _hwk ]]; then\n"
	"\t_hwk \"$@\"\n"
	"else\n"
	"\tcompdef _hwk hwk\n"
	"fi\n";

static const char fish[] =
	"# fish completion for hwk (made by 'hwk completion fish')\n"
	"function __hwk_complete\n"
	"\tset -l words (commandline -opc)\n"
	"\tset -l cur (commandline -ct)\n"
	"\tset -e words[1]\n"
	"\tset -l out (command hwk __complete $words \"$cur\" 2>/dev/null)\n"
	"\tor return\n"
	"\tswitch \"$out[1]\"\n"
	"\t\tcase :file\n"
	"\t\t\t__fish_complete_path \"$cur\"\n"
	"\t\tcase :dir\n"
	"\t\t\t__fish_complete_directories \"$cur\"\n"
	"\t\tcase '*'\n"
	"\t\t\tprintf '%s\\n' $out\n"
	"\tend\n"
	"end\n"
	"complete -c hwk -f -a '(__hwk_complete)'\n";

static const char *const shells[] = {"bash", "zsh", "fish", NULL};
static const char *const scripts[] = {bash, zsh, fish};
static const hwk_opt opts[] = {{0}};
static const hwk_value operands[] = {{HWK_V_WORD, shells}, {0}};
const hwk_cmd_args cmd_completion_args = {opts, operands};

int cmd_completion(int argc, char **argv, hwk_ctx *ctx)
{
	(void)ctx;
	int c, st;
	while ((c = hwk_getopt(argc, argv, opts, usage, &st)) > 0)
		;
	if (c == 0)
		return st;
	if (argc - optind != 1)
		return hwk_usage(usage, 0);
	for (size_t i = 0; shells[i]; i++)
		if (!strcmp(shells[i], argv[optind])) {
			fputs(scripts[i], stdout);
			return HWK_OK;
		}
	hwk_err("%s: not a shell hwk completes (bash, zsh, fish)", argv[optind]);
	return HWK_USAGE;
}
