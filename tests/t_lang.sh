#!/bin/sh
# t_lang.sh -- the drafting rules are data: the tables of lang/ are built
# into the binary (they work with no data directory), a table of the data
# directory replaces the built-in one of its name, a new name adds a
# language, and a mistake in a table is reported with its file and line.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

text() {
	printf 'The Security Council,\n\nRecalling its resolutions,\n\n'
	printf '1. Decides to remain seized of the matter.\n\n'
	printf 'Adopted at the 12th meeting on 3 %s 2001.\n' "$1"
}
date_of() {
	"$RESPUB" -t tree --data-dir "$1" - 2>"$TMP/err" |
		sed -n '1s/.* date="\([0-9-]*\)".*/\1/p'
}

mkdir -p "$TMP/none" "$TMP/data/lang"
expect "lang: built-in tables, no data directory" 2001-11-03 \
	"$(text November | date_of "$TMP/none")"
expect "lang: a month unknown to the tables gives no date" "" \
	"$(text Brumaire | date_of "$TMP/none")"
if grep -q 'adoption date not found' "$TMP/err"; then
	ok "lang: an unknown date is said, not made up"
else
	notok "lang: an unknown date is said, not made up" "$(cat "$TMP/err")"
fi

# A table of the data directory replaces the built-in one.
sed 's/^November = 11$/&\nBrumaire = 11/' lang/en.conf > "$TMP/data/lang/en.conf"
expect "lang: the data directory's en.conf replaces the built-in one" \
	2001-11-03 "$(text Brumaire | date_of "$TMP/data")"

# A new file adds a language; a mistake is reported, the rest read.
printf '[language]\ncode = xxx\n[nonsense]\nfoo\n[months]\nNivôse = 12\n' \
	> "$TMP/data/lang/xx.conf"
expect "lang: a new table adds its phrases" 2001-12-03 \
	"$(text Nivôse | date_of "$TMP/data")"
if grep -q 'xx.conf:3:1: warning: unknown section \[nonsense\]' "$TMP/err"; then
	ok "lang: a mistake in a table names its file and line"
else
	notok "lang: a mistake in a table names its file and line" \
		"$(cat "$TMP/err")"
fi

# A count written as a word ([number words]): "with one abstention",
# "con una abstención" (S/RES/323 (1972) in French: tests/dev/fr).
vote_of() {
	"$RESPUB" -q -t tree - | sed -n '1s/.* vote=\([-0-9]*\).*/\1/p'
}
expect "lang: a vote count in words (en)" 14-0-1 \
	"$(printf 'The Security Council,\n\n1. Decides to remain seized of the matter.\n\nAdopted at the 1682nd meeting by fourteen votes to none, with one abstention.\n' | vote_of)"
expect "lang: a vote count in words (es)" 10-0-1 \
	"$(printf 'El Consejo de Seguridad,\n\n1. Decide seguir ocupándose de la cuestión.\n\nAprobada en la 263a. sesión por 10 votos contra ninguno, con una abstención.\n' | vote_of)"

# An old General Assembly citation in Arabic words ([old citations]):
# "217 ألف (د-3)" is A/RES/217 A (III).
expect "lang: 217 ألف (د-3) cites A/RES/217 A (III)" 1 \
	"$("$RESPUB" -q -t tree tests/scripts/udhr-ar.txt |
	grep -c 'docref symbol="A/RES/217 A (III)"')"
