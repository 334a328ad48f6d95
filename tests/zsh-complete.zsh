# tests/zsh-complete.zsh SCRIPT LINE: what zsh's completion offers for LINE typed and a
# TAB, one a line ("WORD" or "WORD -- WHAT"), in an interactive zsh -f on a pty with
# compinit and SCRIPT (hwk completion zsh) sourced; SCRIPT "-" loads nothing: _hwk is
# then found through $fpath, taken from ZSH_FPATH. compadd is wrapped to print what it
# adds. (After the zsh-capture-completion script.) Run it under timeout.
zmodload zsh/zpty
zpty z zsh -f -i
local line init=$(mktemp)
setopt rcquotes
cat >$init <<'INIT'
PROMPT=
fpath=(${(s.:.)ZSH_FPATH} $fpath)
autoload -U compinit
compinit -u -D
bindkey '^M' undefined
bindkey '^J' undefined
bindkey '^I' complete-word
null-line () { echo -E - $'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
zstyle ':completion:*' list-separator ''
zmodload zsh/zutil
compadd () {
	if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
	typeset -a __hits __dscr __tmp
	if (( $@[(I)-d] )); then
		__tmp=${@[$[${@[(i)-d]}+1]]}
		if [[ $__tmp == \(* ]]; then eval "__dscr=$__tmp"; else __dscr=( "${(@P)__tmp}" ); fi
	fi
	builtin compadd -A __hits -D __dscr "$@"
	setopt localoptions norcexpandparam extendedglob
	typeset -A apre hpre hsuf asuf
	zparseopts -E P:=apre p:=hpre S:=asuf s:=hsuf
	[[ -n $__hits ]] || return
	local dscr
	for i in {1..$#__hits}; do
		dscr=
		(( $#__dscr >= $i )) && dscr=${${__dscr[$i]}##$__hits[$i] #}
		[[ -n $dscr ]] && dscr=" -- $dscr"
		echo -E - $IPREFIX$apre$hpre$__hits[$i]$hsuf$asuf$dscr
	done
}
INIT
[[ $1 == - ]] || echo "source ${(q)1}" >>$init
echo 'echo ok' >>$init
zpty -w z "source $init"
repeat 6; do
	zpty -r z line
	[[ $line == ok* ]] && break
done
rm -f $init
zpty -w z "$2"$'\t'
integer tog=0
while zpty -r z; do :; done | while IFS= read -r line; do
	if [[ $line == *$'\0\r' ]]; then
		(( tog++ )) && exit 0 || continue
	fi
	(( tog )) && echo -E - ${line%$'\r'}
done
exit 2
