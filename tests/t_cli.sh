#!/bin/sh
# t_cli.sh -- the command line and its messages: unknown -V keys are
# named, progress never writes terminal codes into a log, every message
# has the form "respub: [WHERE: ]LEVEL: text" (libxml2's and libxslt's
# own lines included), and every exit status is one respub(1) lists.
. "$(dirname "$0")/lib.sh"

E=$ROOT/examples/S-RES-1377-2001.txt
cp "$E" "$TMP/a.txt"
cp "$E" "$TMP/b.txt"

# -V: a key no writer reads is a warning that lists the keys they read.
$RESPUB -t pdf -V page-size=Letter "$E" -o "$TMP/x.pdf" 2>"$TMP/err"
expect "-V unknown key: exit 0" 0 "$?"
if grep -q "^respub: warning: -V page-size: unknown key; the pdf writer reads: page_size, " "$TMP/err"; then
	ok "-V unknown key: a warning naming the known keys"
else
	notok "-V unknown key: a warning naming the known keys" "$(cat "$TMP/err")"
fi
$RESPUB -t html,md,pdf -V page_size=Letter -V site-name=S -V footnotes=list \
    -d "$TMP/o" "$E" 2>"$TMP/err"
expect "-V known keys: no message" "" "$(cat "$TMP/err")"
$RESPUB -V x=1 -V x=2 "$E" 2>"$TMP/err" >/dev/null
expect "-V unknown key twice: one warning" 1 "$(grep -c 'unknown key' "$TMP/err")"
$RESPUB -q -V x=1 "$E" 2>"$TMP/err" >/dev/null
expect "-V unknown key with -q: quiet" "" "$(cat "$TMP/err")"

# --progress: into a file, plain lines without terminal codes; not asked
# and stderr not a terminal, nothing.
$RESPUB --progress -d "$TMP/p" "$TMP/a.txt" "$TMP/b.txt" 2>"$TMP/err"
expect "--progress: exit 0" 0 "$?"
expect "--progress into a file: no terminal codes" 0 \
    "$(tr -d '\n' < "$TMP/err" | tr '\r\033' '##' | grep -c '#')"
expect "--progress into a file: one line per input" \
    "respub: $TMP/a.txt: note: input 1 of 2
respub: $TMP/b.txt: note: input 2 of 2" "$(cat "$TMP/err")"
$RESPUB -d "$TMP/p" "$TMP/a.txt" "$TMP/b.txt" 2>"$TMP/err"
expect "no --progress, stderr not a terminal: nothing" "" "$(cat "$TMP/err")"

# Messages and exit statuses of failures of every kind.
printf '<x' > "$TMP/bad.xsl"
printf 'x\0y\n' > "$TMP/nul.txt"
printf '<akomaNtoso><b>' > "$TMP/bad.xml"
i=0
while IFS='|' read -r want args; do
	i=$((i + 1))
	eval "$RESPUB $args" < /dev/null > /dev/null 2>"$TMP/err"
	rc=$?
	expect "case $i ($args): exit $want" "$want" "$rc"
	bad=$(grep -v -E '^respub: ([^ ]+: )?(error|warning|note): ' "$TMP/err")
	expect "case $i ($args): every line in the one form" "" "$bad"
	if [ "$want" != 0 ] && ! [ -s "$TMP/err" ]; then
		notok "case $i ($args): a message says why"
	fi
done <<CASES
2|-f nope "$E"
2|-t nope "$E"
2|-t akn, "$E" -t ,
2|-V novalue "$E"
2|-o x -d y "$E"
2|"$E" "$E"
2|-d "$TMP/d" - -
2|-W nope "$E"
2|-W no- "$E"
1|"$TMP/missing.txt"
1|"$TMP/nul.txt"
1|-f akn "$TMP/bad.xml"
3|-t html --stylesheet "$TMP/bad.xsl" "$E"
3|--data-dir "$TMP/nowhere" -t html "$E"
3|-d /proc/nope "$E"
0|-V x=1 "$E"
CASES
# respub site says a reader's warnings as the conversion does, with their
# line, column and level, from its worker processes too.
printf '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><mainBody>\n<p>Row <zz:odd xmlns:zz="urn:x">odd</zz:odd></p></mainBody></doc></akomaNtoso>\n' \
    > "$TMP/w.xml"
for j in 1 2; do
	RESPUB_PAGEFIND= $RESPUB site -j $j -d "$TMP/ws$j" "$TMP/w.xml" "$TMP/a.txt" \
	    2>"$TMP/err"
	expect "site -j $j: a reader's warning keeps its line, column and level" 1 \
	    "$(grep -c "^respub: $TMP/w.xml:2:8: warning: akn: element <odd> is not understood; kept as text \[akn-element\]\$" "$TMP/err")"
	expect "site -j $j: every line in the one form" "" \
	    "$(grep -v -E '^respub: ([^ ]+: )?(error|warning|note): .* \[[a-z0-9-]+\]$' "$TMP/err")"
done
$RESPUB -t html --stylesheet "$TMP/bad.xsl" "$E" 2>"$TMP/err" >/dev/null
expect "bad stylesheet: one line" 1 "$(wc -l < "$TMP/err")"
grep -q 'cannot parse the HTML stylesheet: .*bad.xsl:[0-9]' "$TMP/err" &&
    ok "bad stylesheet: the line names the file and line" ||
    notok "bad stylesheet: the line names the file and line" "$(cat "$TMP/err")"

# The man page lists every exit status, and -o -.
man=$ROOT/man/respub.1
for st in 0 1 2 3; do
	sed -n '/^\.Sh EXIT STATUS/,/^\.Sh/p' "$man" | grep -q "^\.It $st\$" &&
	    ok "respub(1) lists exit status $st" ||
	    notok "respub(1) lists exit status $st"
done
grep -q '^\.Fl o Cm -$' "$man" && ok "respub(1) documents -o -" ||
    notok "respub(1) documents -o -"

# --timeout: an input that stalls (a FIFO no one writes) is stopped; the
# others are converted.
if mkfifo "$TMP/stall" 2>/dev/null; then
	start=$(date +%s)
	timeout 60 $RESPUB --timeout 2 -d "$TMP/tm" "$TMP/stall" "$TMP/a.txt" 2>"$TMP/err"
	rc=$?
	took=$(($(date +%s) - start))
	expect "--timeout: exit 1" 1 "$rc"
	[ "$took" -lt 20 ] && ok "--timeout: stopped in time (${took} s)" ||
	    notok "--timeout: stopped in time" "${took} s"
	expect "--timeout: one line naming the input" \
	    "respub: $TMP/stall: error: stopped after 2 s (--timeout) [timeout]" "$(cat "$TMP/err")"
	expect "--timeout: the other input is written" "a.xml" "$(ls "$TMP/tm")"
else
	ok "--timeout # SKIP mkfifo is not permitted here"
fi
$RESPUB --timeout 30 -t akn,md -d "$TMP/tm2" "$TMP/a.txt" "$TMP/missing.txt" 2>/dev/null
expect "--timeout: a failing input still gives exit 1" 1 "$?"
expect "--timeout: outputs of a quick input" "a.md a.xml" "$(ls "$TMP/tm2" | tr '\n' ' ' | sed 's/ $//')"

# Codes: every message kind the sources give has a code that -W takes
# and respub(1) explains; -W no-CODE silences that kind only, never an
# error.
codes=$(cat "$ROOT"/src/*.c | tr '\n' ' ' |
    grep -o -E '(rp_msg\([^,]+|cli_say\([^,]+), RP_[A-Z]+, "[a-z0-9-]+"' |
    sed 's/.*"\(.*\)"/\1/' | sort -u)
[ -n "$codes" ] || notok "message codes found in the sources"
for c in $codes; do
	$RESPUB -W "no-$c" -W "$c" "$E" >/dev/null 2>"$TMP/err" ||
	    notok "-W no-$c: accepted" "$(cat "$TMP/err")"
	sed -n '/^\.Sh DIAGNOSTICS/,/^\.Sh EXIT/p' "$man" |
	    grep -q -E "^\.It Cm $c( |\$)|Cm $c ,|Cm $c\$" ||
	    notok "respub(1) DIAGNOSTICS explains $c"
done
ok "every message code is accepted by -W and explained in respub(1)"
printf 'The Security Council,\n\n1. Decides to remain seized.\n' > "$TMP/nodate.txt"
$RESPUB "$TMP/nodate.txt" -o "$TMP/nd.xml" 2>"$TMP/err"
grep -q 'warning: adoption date not found \[missing-date\]$' "$TMP/err" &&
    ok "a warning ends with its code" ||
    notok "a warning ends with its code" "$(cat "$TMP/err")"
$RESPUB -W no-missing-date "$TMP/nodate.txt" -o "$TMP/nd.xml" 2>"$TMP/err"
expect "-W no-missing-date: that warning silenced" 0 \
    "$(grep -c 'adoption date not found' "$TMP/err")"
$RESPUB -W no-missing-date -W missing-date "$TMP/nodate.txt" -o "$TMP/nd.xml" 2>"$TMP/err"
expect "-W missing-date after -W no-missing-date: printed again" 1 \
    "$(grep -c '\[missing-date\]' "$TMP/err")"
$RESPUB -W no-xml -f akn "$TMP/bad.xml" -o "$TMP/x.xml" 2>"$TMP/err"
expect "-W no-xml: the error still printed, exit 1" "1 1" \
    "$? $(grep -c 'error: malformed XML' "$TMP/err")"
$RESPUB -W nope "$E" 2>"$TMP/err" >/dev/null
expect "-W unknown code: one line naming it" \
    "respub: error: -W nope: not a message code (see respub(1), DIAGNOSTICS)" \
    "$(cat "$TMP/err")"

# Malformed XML: one line in respub's words, never libxml2's own (its
# function names, its options, its English).
i=0
for x in '<akomaNtoso><p>x</b></akomaNtoso>' '<akomaNtoso>&foo;</akomaNtoso>' \
    '<akomaNtoso><p a="1" a="2"/></akomaNtoso>' \
    '<akomaNtoso>&#0;</akomaNtoso>' '<akomaNtoso><p>x' '<akomaNtoso>a & b' \
    '<akomaNtoso><p a=1/></akomaNtoso>' '<akomaNtoso/><x/>' \
    '<akomaNtoso><!-- x' '<akomaNtoso><p a="<"/></akomaNtoso>' ' ' \
    '<akomaNtoso><?xml version="1.0"?></akomaNtoso>' '<akomaNtoso><p</akomaNtoso>'; do
	i=$((i + 1))
	printf '%s' "$x" > "$TMP/m$i.xml"
	$RESPUB -f akn "$TMP/m$i.xml" -o "$TMP/m.xml" 2>"$TMP/err"
	rc=$?
	line=$(cat "$TMP/err")
	if [ "$rc" = 1 ] && [ "$(wc -l < "$TMP/err")" = 1 ] &&
	    echo "$line" | grep -q "^respub: $TMP/m$i.xml:[0-9]*:[0-9]*: error: malformed XML: .* \[xml\]\$" &&
	    ! echo "$line" | grep -q -E 'xml[A-Z][a-zA-Z]*:|XML_|xmlChar|Opening and ending|Premature|redefined|StartTag|EntityRef|AttValue|Couldn'"'"'t'; then
		ok "malformed XML $i: one line in respub's words"
	else
		notok "malformed XML $i: one line in respub's words" "rc $rc: $line"
	fi
done

# respub site --timeout: an input that stalls (a FIFO) is stopped and left
# out; the others' pages are made, in the child processes as without it.
if mkfifo "$TMP/sstall" 2>/dev/null; then
	start=$(date +%s)
	RESPUB_PAGEFIND= timeout 60 $RESPUB site -q --timeout 2 -d "$TMP/st" \
	    "$TMP/sstall" "$TMP/a.txt" 2>"$TMP/err"
	rc=$?
	took=$(($(date +%s) - start))
	expect "site --timeout: exit 1, in time" "1 1" \
	    "$rc $([ "$took" -lt 30 ] && echo 1)"
	expect "site --timeout: one line naming the input" \
	    "respub: $TMP/sstall: error: stopped after 2 s (--timeout) [timeout]" \
	    "$(cat "$TMP/err")"
	# On one process, the inputs after a stopped one are still timed
	# (a new worker takes them), in the site and in a batch.
	mkfifo "$TMP/sstall2"
	for cmd in "site -q" "-q -t akn"; do
		start=$(date +%s)
		RESPUB_PAGEFIND= timeout 60 $RESPUB $cmd -j 1 --timeout 2 \
		    -d "$TMP/st3" "$TMP/sstall" "$TMP/sstall2" "$TMP/a.txt" \
		    2>"$TMP/err"
		rc=$?
		took=$(($(date +%s) - start))
		expect "$cmd -j 1 --timeout: each stalled input stopped, in time" \
		    "1 1 2" "$rc $([ "$took" -lt 30 ] && echo 1) $(grep -c \
		    'stopped after 2 s' "$TMP/err")"
		rm -rf "$TMP/st3"
	done
else
	ok "site --timeout # SKIP mkfifo is not permitted here"
fi
RESPUB_PAGEFIND= $RESPUB site -q --timeout 60 -d "$TMP/st1" "$TMP/a.txt" 2>/dev/null
rc=$?
RESPUB_PAGEFIND= $RESPUB site -q -d "$TMP/st2" "$TMP/a.txt" 2>/dev/null
expect "site --timeout: exit 0 and the same files as without it" "0 same" \
    "$rc $(diff -r -q "$TMP/st1" "$TMP/st2" > /dev/null && echo same)"
[ -s "$TMP/st1/S-RES-1377-2001.html" ] && [ -s "$TMP/st1/S-RES-1377-2001.pdf" ] &&
    ok "site --timeout: the page and formats of a quick input" ||
    notok "site --timeout: the page and formats of a quick input" "$(ls "$TMP/st1")"
