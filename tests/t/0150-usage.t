#!/bin/bash
# Each command's options are declared once (its hwk_opt table in cmd/NAME.c): the usage
# text names every declared option, and declares every option it names.
. "$(dirname "$0")/../lib.sh"

for src in "$TOP"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	# (hwk.c and complete.c are no command)
	grep -q "^int cmd_$cmd(" "$src" || continue
	# the table's rows: {"name", 'x', &hwk_v_text} or {"name", O_NAME, 0}
	# (one or more a line)
	decl=$(sed -n '/static const hwk_opt opts\[\] = {/,/^	*};/p' "$src" |
		grep -oE '\{"[a-z-]+", *[^,]+,' | sed 's/^{"\([a-z-]*\)", *\([^,]*\),$/\1 \2/')
	# (a table of none, {{0}}, is a command that takes only -h)
	check "$cmd declares its options" eval '[ -n "$decl" ] || grep -q "opts\[\] = {{0}};" "$src"'
	usage=$(hwk "$cmd" -h)
	# every declared option is in the usage text, by its letter or its long name
	missing=
	while read -r name key; do
		[ -n "$name" ] || continue
		letter=
		case $key in "'"?"'") letter=${key:1:1} ;; esac
		if ! grep -qE -- "(^|[^a-z-])--$name([^a-z-]|$)" <<<"$usage" &&
			{ [ -z "$letter" ] || ! grep -qE -- "(^|[^a-z-])-$letter([^a-z-]|$)" <<<"$usage"; }; then
			missing="$missing $name"
		fi
	done <<<"$decl"
	is "$cmd: the usage shows every declared option" "$missing" ""
	# every option the usage text shows is declared
	undeclared=
	for opt in $(grep -oE -- "(^|[[ |])--?[a-z][a-z-]*" <<<"$usage" | sed 's/^[[ |]//'); do
		case $opt in
		--*) grep -q "^${opt#--} " <<<"$decl" || undeclared="$undeclared $opt" ;;
		*) grep -q " '${opt#-}'$" <<<"$decl" || undeclared="$undeclared $opt" ;;
		esac
	done
	is "$cmd: the usage shows only declared options" "$undeclared" ""
	# and hwk takes each declared long option (none is "unknown")
	while read -r name key; do
		[ -n "$name" ] || continue
		run "$cmd" "--$name" x y z
		check "$cmd takes --$name" eval '! grep -q "unknown option" "$T/err"'
	done <<<"$decl"
done

done_testing
