#!/bin/sh
# t_jobs.sh -- a batch on several processes (-j) writes what one process
# writes, byte for byte, with the same messages in the same order and the
# same exit status; --shard K/N splits a list so that the shards' outputs
# together are the single run's, none written twice.
. "$(dirname "$0")/lib.sh"

# A batch with everything a batch meets: texts in four languages, two
# inputs of one name, one that cannot be read, one that cannot be read
# as a resolution.
mkdir "$TMP/in" "$TMP/in/b"
cp "$ROOT"/examples/*.txt "$TMP/in/"
cp "$ROOT/examples/S-RES-1377-2001.txt" "$TMP/in/b/"
printf '\n' > "$TMP/in/empty.txt"
set -- "$TMP"/in/*.txt "$TMP/in/b/S-RES-1377-2001.txt" "$TMP/missing.txt"
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
if [ -d "$CORPUS" ]; then
	# Some dozens more, spread over the corpus (a few under the
	# sanitizers).
	every=40
	[ -n "$RP_SANITIZED" ] && every=160
	set -- "$@" $(find "$CORPUS" -name '*.txt' | sort |
	    awk -v e=$every 'NR % e == 1')
fi
FMT=akn,html,md,pdf

# The same -d in both runs (it is in a message): each in a folder.
mkdir "$TMP/r1" "$TMP/r3"
(cd "$TMP/r1" && $RESPUB -j 1 -t $FMT -d out "$@" 2>"$TMP/one.err")
st1=$?
(cd "$TMP/r3" && $RESPUB -j 3 -t $FMT -d out "$@" 2>"$TMP/three.err")
st3=$?
mv "$TMP/r1/out" "$TMP/one"
mv "$TMP/r3/out" "$TMP/three"
expect "-j 3: the exit status of -j 1" "$st1" "$st3"
[ "$st1" -eq 1 ] && ok "-j 1: a batch with a bad input exits 1" ||
    notok "-j 1: a batch with a bad input exits 1" "status $st1"
if diff -r "$TMP/one" "$TMP/three" > "$TMP/diff" 2>&1; then
	ok "-j 3: every output byte-identical to -j 1 ($(ls "$TMP/one" | wc -l) files)"
else
	notok "-j 3: every output byte-identical to -j 1" "$(head -5 "$TMP/diff")"
fi
if cmp -s "$TMP/one.err" "$TMP/three.err"; then
	ok "-j 3: the messages of -j 1, in input order ($(wc -l < "$TMP/one.err") lines)"
else
	notok "-j 3: the messages of -j 1, in input order" \
	    "$(diff "$TMP/one.err" "$TMP/three.err" | head -5)"
fi
grep -q 'missing.txt: error' "$TMP/three.err" &&
    grep -q 'is taken by another input' "$TMP/three.err" &&
    ok "-j 3: the unreadable input and the name taken are reported" ||
    notok "-j 3: the unreadable input and the name taken are reported"

# Default: one process per core, same outputs.
$RESPUB -q -t pdf -d "$TMP/def" "$@" 2>/dev/null
n=0
for f in "$TMP"/one/*.pdf; do
	cmp -s "$f" "$TMP/def/$(basename "$f")" || n=$((n + 1))
done
expect "default -j: PDFs byte-identical to -j 1" 0 "$n"

# --shard K/N: three shards into one folder are the single run.
for k in 1 2 3; do
	$RESPUB -j 2 --shard $k/3 -t $FMT -d "$TMP/shards" "$@" \
	    2>>"$TMP/shards.err"
	ls "$TMP/shards" > "$TMP/after$k"
done
if diff -r "$TMP/one" "$TMP/shards" > "$TMP/diff" 2>&1; then
	ok "--shard 1/3, 2/3, 3/3: together the single run's outputs, byte for byte"
else
	notok "--shard: together the single run's outputs" "$(head -5 "$TMP/diff")"
fi
for k in 1 2 3; do
	$RESPUB -j 1 --shard $k/3 -t $FMT -d "$TMP/s$k" "$@" 2>/dev/null
done
dup=$(ls "$TMP/s1" "$TMP/s2" "$TMP/s3" | grep -v ':$' | grep -v '^$' |
    sort | uniq -d | wc -l)
expect "--shard: no output written by two shards" 0 "$dup"
expect "--shard: every output written by one shard" \
    "$(ls "$TMP/one" | wc -l | tr -d ' ')" \
    "$(ls "$TMP/s1" "$TMP/s2" "$TMP/s3" | grep -v ':$' | grep -vc '^$')"
expect "--shard: the name warning once, by the shard of the input" 1 \
    "$(grep -c 'is taken by another input' "$TMP/shards.err")"

# Bad values are usage errors.
$RESPUB -j 0 "$ROOT/examples/S-RES-1377-2001.txt" >/dev/null 2>"$TMP/err"
expect "-j 0: usage error" 2 "$?"
for bad in 0/3 4/3 3 a/b 1/0 2/1; do
	$RESPUB --shard $bad "$ROOT/examples/S-RES-1377-2001.txt" \
	    >/dev/null 2>"$TMP/err"
	expect "--shard $bad: usage error" 2 "$?"
done

# A worker that dies fails only its own input: an input that stalls (a
# FIFO no one writes) has its worker killed; the others are written.
# kill_stalled PID: kill the worker of PID that waits to open the FIFO.
kill_stalled() {
	i=0
	while [ $i -lt 600 ]; do
		for w in $(ps -o pid= --ppid "$1"); do
			case $(cat "/proc/$w/wchan" 2>/dev/null) in
			wait_for_partner|fifo_open) kill -KILL "$w"; return;;
			esac
		done
		sleep 0.1; i=$((i + 1))
	done
}
# killed_worker WHAT ERR DIR EXT: the checks once $pid ends.
killed_worker() {
	wait $pid
	expect "$1: a worker killed: exit 1" 1 "$?"
	grep -q 'stall.txt: error: its process stopped (signal 9)' "$2" &&
	    ok "$1: a worker killed: its input named with the signal" ||
	    notok "$1: a worker killed: its input named" "$(cat "$2")"
	expect "$1: a worker killed: the other inputs written" \
	    "$(ls "$ROOT"/examples/*.txt | wc -l | tr -d ' ')" \
	    "$(ls "$3"/*."$4" | wc -l | tr -d ' ')"
}
if mkfifo "$TMP/stall.txt" 2>/dev/null; then
	$RESPUB -j 2 -t akn -d "$TMP/kill" "$TMP/stall.txt" \
	    "$ROOT"/examples/*.txt 2>"$TMP/kill.err" &
	pid=$!
	kill_stalled $pid
	killed_worker batch "$TMP/kill.err" "$TMP/kill" xml
else
	ok "a worker killed # SKIP mkfifo is not permitted here"
fi

# respub site -j: the site of -j 1, byte for byte (pages, formats,
# catalog, messages, status), built and then rebuilt after one change.
# The inputs of the batch above, an unreadable one and a missing one
# among them; and texts of other bodies and years when the corpus is here.
set -- "$TMP"/in/*.txt "$TMP/in/b/S-RES-1377-2001.txt" "$TMP/missing.txt" \
    $(find "$CORPUS" -name '*.txt' 2>/dev/null | sort | awk 'NR % 25 == 3')
export RESPUB_PAGEFIND=
mkdir "$TMP/site1" "$TMP/site2"
for j in 1 2; do
	(cd "$TMP/site$j" && $RESPUB site -j $j -d out "$@" 2>err)
	echo $? > "$TMP/site$j/status"
done
expect "site -j 2: the exit status of -j 1" "$(cat "$TMP/site1/status")" \
    "$(cat "$TMP/site2/status")"
if diff -r "$TMP/site1" "$TMP/site2" > "$TMP/diff" 2>&1; then
	ok "site -j 2: every file and message of -j 1 ($(ls "$TMP/site1/out" | wc -l) files)"
else
	notok "site -j 2: every file and message of -j 1" "$(head -5 "$TMP/diff")"
fi
grep -q 'missing.txt' "$TMP/site2/err" && grep -q 'empty.txt' "$TMP/site2/err" &&
    ok "site -j 2: the inputs that cannot be read are reported" ||
    notok "site -j 2: the inputs that cannot be read are reported" \
	"$(cat "$TMP/site2/err")"
printf '\n2. Requests the Secretary-General to report on it.\n' >> "$TMP/in/b/S-RES-1377-2001.txt"
for j in 1 2; do
	(cd "$TMP/site$j" && $RESPUB site -j $j -d out "$@" 2>err)
	echo $? > "$TMP/site$j/status"
done
if diff -r "$TMP/site1" "$TMP/site2" > "$TMP/diff" 2>&1; then
	ok "site -j 2: a rebuild after one change is that of -j 1"
else
	notok "site -j 2: a rebuild after one change is that of -j 1" \
	    "$(head -5 "$TMP/diff")"
fi
$RESPUB site -j x -d "$TMP/sitex" "$ROOT/examples/S-RES-1377-2001.txt" \
    >/dev/null 2>&1
expect "site -j x: usage error" 2 "$?"

# A site worker that dies fails only its input, as the batch's.
if [ -p "$TMP/stall.txt" ]; then
	$RESPUB site -j 2 -d "$TMP/skill" "$TMP/stall.txt" \
	    "$ROOT"/examples/*.txt 2>"$TMP/skill.err" &
	pid=$!
	kill_stalled $pid
	killed_worker site "$TMP/skill.err" "$TMP/skill" pdf
fi
