#!/bin/sh
# t_shapes.sh -- the structure does not depend on the shape a text is
# pasted in.  Each exact development text of ar, es, fr, ru, zh (and a
# few English ones) whose lines are its paragraphs is made, at test time,
# into the other shapes users paste (tests/tools/shapes.py: no blank
# lines, flattened to one line, hard-wrapped at 70 columns, Markdown with
# list items), and each must give the counts of its expected.tsv line.
# The derived texts are test inputs, not development texts: their words
# are those of the real text, only the breaks differ.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

# Left out as sources: texts already flat (one line: their paragraphs are
# not known from the text) and texts hard-wrapped at the source (their
# lines are not paragraphs).
wrapped_at_source="S_RES_0042_1948_fr_web"
english="A_RES_49_12 A_RES_96_I_1946 S_RES_0069_1949 S_RES_1839_2008
S_RES_2208_2015 S_RES_0608_1988_jvl"

sources() {
	for lang in ar es fr ru zh; do
		grep -v '^#' "tests/dev/$lang/expected.tsv"
	done
	for name in $english; do
		grep "^tests/dev/en/$name.txt	" tests/dev/en/expected.tsv
	done
}

# The sanitized pass reads every third text (Makefile, "check").
step=1
[ -n "$RP_SANITIZED" ] && step=3
sources | awk -v s="$step" '(NR - 1) % s == 0' |
while IFS='	' read -r file want; do
	base=$(basename "$file" .txt)
	case " $wrapped_at_source " in *" $base "*) continue ;; esac
	[ "$(grep -c . "$file")" -gt 1 ] || continue
	lang=$(echo "$file" | cut -d/ -f3)
	for shape in noblank flat wrapped md; do
		format=txt
		[ "$shape" = md ] && format=md
		python3 tests/tools/shapes.py "$shape" "$file" > "$TMP/in"
		if ! "$RESPUB" -q -f "$format" -t tree "$TMP/in" > "$TMP/t.tree"
		then
			notok "shape $shape: $lang/$base" "respub failed"
			continue
		fi
		expect "shape $shape: $lang/$base" "$want" \
			"$(python3 tests/tools/counts.py "$TMP/t.tree")"
	done
done
