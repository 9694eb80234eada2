#!/bin/sh
# t_files.sh -- output files: devices, FIFOs, sockets and symbolic links
# are written through, never replaced; regular files are replaced
# atomically (synced, umask and mode kept, no temporary file left by a
# signal); two inputs with one output name both survive.  Device nodes are
# made here in $TMP, never taken from /dev.
. "$(dirname "$0")/lib.sh"

res() {	# res FILE WORD -- a one-paragraph resolution holding WORD
	printf 'Security Council\n\nS/RES/1 (2001)\n\nAdopted by the Security Council at its 4413th meeting, on 12 November 2001\n\nThe Security Council,\n\n1. Decides %s.\n' \
	    "$2" > "$1"
}
res "$TMP/in.txt" INWORD
$RESPUB "$TMP/in.txt" > "$TMP/want"
# same NAME FILE -- FILE holds the expected output.
same() {
	if cmp -s "$TMP/want" "$2"; then ok "$1"; else notok "$1" "$(head -c 200 "$2" 2>&1)"; fi
}
# kind NAME PATH TEST -- PATH is still what `test TEST` says (-c, -p...).
kind() {
	if [ "$3" "$2" ]; then ok "$1"; else notok "$1" "$(ls -l "$2" 2>&1)"; fi
}

# Devices: a full one refuses with exit 3 and one line; a null one takes
# everything; neither is replaced by a file.
if mknod "$TMP/full" c 1 7 2>/dev/null && mknod "$TMP/null" c 1 3 2>/dev/null; then
	$RESPUB "$TMP/in.txt" -o "$TMP/full" 2>"$TMP/err"
	expect "-o full device: exit 3" 3 "$?"
	if grep -q "^respub: $TMP/full: error: .*No space left" "$TMP/err"; then
		ok "-o full device: the error names it and ENOSPC"
	else
		notok "-o full device: the error names it and ENOSPC" "$(cat "$TMP/err")"
	fi
	kind "-o full device: still a device" "$TMP/full" -c
	$RESPUB "$TMP/in.txt" > "$TMP/full" 2>"$TMP/err"
	expect "stdout on a full device: exit 3" 3 "$?"
	$RESPUB "$TMP/in.txt" -o - > "$TMP/full" 2>/dev/null
	expect "-o - on a full device: exit 3" 3 "$?"
	$RESPUB "$TMP/in.txt" -t tree,akn -d "$TMP/dd" 2>/dev/null &&
	    ln -sf "$TMP/full" "$TMP/dd/in.xml" &&
	    $RESPUB "$TMP/in.txt" -t tree,akn -d "$TMP/dd" 2>/dev/null
	expect "-d with a link to a full device: exit 3" 3 "$?"
	kind "-d: the link stays a link" "$TMP/dd/in.xml" -L
	$RESPUB "$TMP/in.txt" -o "$TMP/null"
	expect "-o null device: exit 0" 0 "$?"
	kind "-o null device: still a device" "$TMP/null" -c
	ln -s "$TMP/null" "$TMP/tonull"
	$RESPUB "$TMP/in.txt" -o "$TMP/tonull"
	expect "-o link to a null device: exit 0" 0 "$?"
	kind "-o link to a null device: still a link" "$TMP/tonull" -L
	kind "-o link to a null device: the device stays" "$TMP/null" -c
else
	ok "device outputs # SKIP mknod is not permitted here"
fi

# A FIFO: the reader at the other end gets the whole output.
if mkfifo "$TMP/fifo" 2>/dev/null; then
	timeout 30 cat "$TMP/fifo" > "$TMP/fromfifo" &
	timeout 30 $RESPUB "$TMP/in.txt" -o "$TMP/fifo"
	expect "-o FIFO: exit 0" 0 "$?"
	wait
	same "-o FIFO: the reader gets the output" "$TMP/fromfifo"
	kind "-o FIFO: still a FIFO" "$TMP/fifo" -p
else
	ok "FIFO output # SKIP mkfifo is not permitted here"
fi

# A Unix socket: respub connects and writes.
timeout 30 python3 -c '
import os, socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1]); s.listen(1)
open(sys.argv[2] + ".ready", "w").close()
c, _ = s.accept()
with open(sys.argv[2], "wb") as f:
    while True:
        d = c.recv(65536)
        if not d: break
        f.write(d)
' "$TMP/sock" "$TMP/fromsock" &
i=0
while [ ! -e "$TMP/fromsock.ready" ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
if [ -S "$TMP/sock" ]; then
	timeout 30 $RESPUB "$TMP/in.txt" -o "$TMP/sock"
	expect "-o socket: exit 0" 0 "$?"
	wait
	same "-o socket: the listener gets the output" "$TMP/fromsock"
	kind "-o socket: still a socket" "$TMP/sock" -S
else
	ok "socket output # SKIP no listening socket within 30 s"
fi

# Symbolic links are followed: the link stays, its target is written
# (created when it does not exist yet).
echo old > "$TMP/target.xml"
ln -s target.xml "$TMP/link.xml"
$RESPUB "$TMP/in.txt" -o "$TMP/link.xml"
kind "-o link to a file: still a link" "$TMP/link.xml" -L
same "-o link to a file: the target is written" "$TMP/target.xml"
ln -s new-target.xml "$TMP/dangling.xml"
$RESPUB "$TMP/in.txt" -o "$TMP/dangling.xml"
kind "-o dangling link: still a link" "$TMP/dangling.xml" -L
same "-o dangling link: its target is created" "$TMP/new-target.xml"
mkdir "$TMP/adir"
$RESPUB "$TMP/in.txt" -o "$TMP/adir" 2>/dev/null
expect "-o a directory: exit 3" 3 "$?"

# Modes: a new file gets 0666 less the umask; a rewritten one keeps its own.
mode() { stat -c %a "$1"; }
(umask 077 && $RESPUB "$TMP/in.txt" -o "$TMP/m077.xml")
expect "umask 077: a new file is 600" 600 "$(mode "$TMP/m077.xml")"
(umask 027 && $RESPUB "$TMP/in.txt" -t akn,md -d "$TMP/m027")
expect "umask 027: new files in -d are 640" "640 640" \
    "$(mode "$TMP/m027/in.xml") $(mode "$TMP/m027/in.md")"
(umask 022 && $RESPUB "$TMP/in.txt" -o "$TMP/m022.xml")
expect "umask 022: a new file is 644" 644 "$(mode "$TMP/m022.xml")"
chmod 600 "$TMP/m022.xml"
(umask 022 && $RESPUB "$TMP/in.txt" -o "$TMP/m022.xml")
expect "a 600 file stays 600 when rewritten" 600 "$(mode "$TMP/m022.xml")"
chmod 664 "$TMP/m022.xml"
(umask 077 && $RESPUB "$TMP/in.txt" -o "$TMP/m022.xml")
expect "a 664 file stays 664 under umask 077" 664 "$(mode "$TMP/m022.xml")"

# Durability and signals, seen through an LD_PRELOAD shim
# (tests/tools/io_shim.c): the temporary file is synced before the
# rename, the directory after it; SIGTERM or SIGINT during the write
# leaves the old file whole and no temporary file.
if cc -shared -fPIC -o "$TMP/shim.so" "$TESTS_DIR/tools/io_shim.c" -ldl \
    2>"$TMP/err"; then
	shim() {
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		    LD_PRELOAD="$TMP/shim.so" "$@"
	}
	mkdir "$TMP/sync"
	RP_SHIM_LOG="$TMP/log" shim $RESPUB "$TMP/in.txt" -o "$TMP/sync/out.xml"
	log=$(sed "s|$TMP/sync|D|g; s|out\.xml\.tmp\.[A-Za-z0-9]*|TMPFILE|g" "$TMP/log")
	expect "durability: sync the file, rename, sync the directory" \
	    "fsync D/TMPFILE
rename D/TMPFILE D/out.xml
fsync D" "$log"
	for sig in TERM:15 INT:2; do
		echo old > "$TMP/sync/out.xml"
		RP_SHIM_SIGNAL=${sig#*:} shim $RESPUB "$TMP/in.txt" \
		    -o "$TMP/sync/out.xml" 2>/dev/null
		expect "SIG${sig%:*} during the write: killed by it" \
		    $((128 + ${sig#*:})) "$?"
		expect "SIG${sig%:*} during the write: the old file stays" \
		    old "$(head -c 20 "$TMP/sync/out.xml")"
		expect "SIG${sig%:*} during the write: no temporary file left" \
		    "out.xml" "$(ls "$TMP/sync")"
	done
else
	ok "durability and signals # SKIP cannot build the shim: $(head -1 "$TMP/err")"
fi

# One output name for two inputs: both are written, with a warning.
mkdir -p "$TMP/a" "$TMP/b"
res "$TMP/a/x.txt" AWORD
res "$TMP/b/x.txt" BWORD
res "$TMP/a/x.md" MDWORD
$RESPUB -t akn,md -d "$TMP/same" "$TMP/a/x.txt" "$TMP/b/x.txt" "$TMP/a/x.md" \
    2>"$TMP/err"
expect "same name: exit 0" 0 "$?"
for w in AWORD BWORD MDWORD; do
	expect "same name: $w is in one .xml and one .md" "1 1" \
	    "$(grep -l $w "$TMP"/same/*.xml | wc -l) $(grep -l $w "$TMP"/same/*.md | wc -l)"
done
expect "same name: one warning per renamed input" 2 \
    "$(grep -c "warning: .* is taken by another input; writing $TMP/same/x-[23]\.\*" "$TMP/err")"
grep -q AWORD "$TMP/same/x.xml" && ok "same name: the first input keeps its name" ||
    notok "same name: the first input keeps its name"
res "$TMP/a/x-2.txt" DASHWORD
$RESPUB -d "$TMP/same2" "$TMP/a/x.txt" "$TMP/b/x.txt" "$TMP/a/x-2.txt" 2>/dev/null
expect "same name: a made-up name is never another input's own" \
    "AWORD DASHWORD BWORD" "$(for f in x x-2 x-3; do
	grep -o '[A-Z]*WORD' "$TMP/same2/$f.xml" | head -1; done | tr '\n' ' ' | sed 's/ $//')"
$RESPUB -d "$TMP/twice" - - < "$TMP/in.txt" 2>"$TMP/err"
expect "- twice: exit 2" 2 "$?"
expect "- twice: one line" 1 "$(wc -l < "$TMP/err")"
expect "- twice: nothing written" "" "$(ls "$TMP/twice" 2>/dev/null)"
