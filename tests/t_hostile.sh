#!/bin/sh
# t_hostile.sh -- hostile inputs: a 1 MB line, 10,000 nested Markdown
# lists and quotes, entity expansion and external entities in AKN, NUL
# bytes and invalid UTF-8, and output names that try to leave -d.
. "$(dirname "$0")/lib.sh"

# conv NAME FILE [OPTS] -- tree, akn and md of FILE into $TMP/o within
# 60 s; status 0 or 1, no signal, no sanitizer report.
conv() {
	n=$1 f=$2
	shift 2
	rm -rf "$TMP/o"
	timeout 60 $RESPUB -q -t tree,akn,md -d "$TMP/o" "$@" "$f" 2>"$TMP/err"
	rc=$?
	if [ "$rc" -gt 1 ] || grep -q -E 'Sanitizer|runtime error' "$TMP/err"; then
		notok "$n: converts or fails cleanly" "exit $rc: $(head -c 300 "$TMP/err")"
		return 1
	fi
	ok "$n: converts or fails cleanly (exit $rc)"
}
# has NAME WORD -- every output holds WORD (nothing lost).
has() {
	miss=
	for o in "$TMP"/o/*.tree "$TMP"/o/*.xml "$TMP"/o/*.md; do
		grep -q "$2" "$o" 2>/dev/null || miss="$miss $(basename "$o")"
	done
	expect "$1: '$2' in every output" "" "$miss"
}

python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
w = lambda n, s: open(d + "/" + n, "w").write(s)
w("long.txt", "Security Council\n\nThe Security Council,\n\n1. Decides "
  + "word " * 210000 + "LASTWORD\n")
w("long.md", "# Resolution 1\n\n1. Decides " + "*word* " * 150000 + "LASTWORD\n")
w("lists.md", "# Resolution 1\n\n1. Decides\n\n" + "- " * 10000 + "DEEPWORD\n")
w("quotes.md", "# Resolution 1\n\n" + ">" * 10000 + " DEEPWORD\n")
w("mixed.md", "# Resolution 1\n\n" + "> - " * 5000 + "DEEPWORD\n")
akn = ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
       '<resolution name="resolution"><mainBody><paragraph><num>1.</num>'
       '<content><p>Decides %s x</p></content></paragraph></mainBody>'
       '</resolution></akomaNtoso>\n')
lol = '<!ENTITY l0 "lol">' + "".join(
    '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
w("lol.xml", '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [%s]>\n' % lol
  + akn % "&l9;")
w("secret.txt", "SECRETWORD\n")
w("ent.dtd", '<!ENTITY e "DTDWORD">\n')
w("xxe.xml", '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM '
  '"file://%s/secret.txt">]>\n' % d + akn % "&x;")
w("dtd.xml", '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM '
  '"file://%s/ent.dtd" [<!ENTITY %% p SYSTEM "file://%s/ent.dtd"> %%p;]>\n'
  % (d, d) + akn % "&e;")
w("deep.xml", akn % ("<b>" * 10000 + "x" + "</b>" * 10000))
open(d + "/nul.txt", "wb").write(b"Security Council\n\nThe Security Council,\n\n1. De\0cides\n")
open(d + "/utf8.txt", "wb").write(b"Security Council\n\nThe Council,\n1. D\xc3\x28cides\n")
PY

conv "1 MB line of text" "$TMP/long.txt" && has "1 MB line of text" LASTWORD
conv "1 MB line of Markdown" "$TMP/long.md" && has "1 MB line of Markdown" LASTWORD
for k in lists quotes mixed; do
	conv "10,000 nested Markdown $k" "$TMP/$k.md" &&
	    has "10,000 nested Markdown $k" DEEPWORD
done

# AKN: no entity is expanded, no external file is read.
conv "billion laughs" "$TMP/lol.xml"
n=$(cat "$TMP"/o/* 2>/dev/null | grep -o lol | wc -l)
[ "$n" -lt 100 ] && ok "billion laughs: not expanded" ||
    notok "billion laughs: not expanded" "$n lol"
conv "external entity" "$TMP/xxe.xml"
! grep -q -r SECRETWORD "$TMP/o" "$TMP/err" && ok "external entity: file not read" ||
    notok "external entity: file not read"
conv "external DTD" "$TMP/dtd.xml"
! grep -q -r DTDWORD "$TMP/o" "$TMP/err" && ok "external DTD: not loaded" ||
    notok "external DTD: not loaded"
conv "10,000 nested AKN elements" "$TMP/deep.xml"

# NUL and invalid UTF-8: one line naming file:line:col, exit 1, no output.
for f in nul:5 utf8:4; do
	n=${f%:*} line=${f#*:}
	rm -rf "$TMP/o"
	$RESPUB -t tree,akn,md -d "$TMP/o" "$TMP/$n.txt" 2>"$TMP/err"
	rc=$?
	expect "$n: exit 1" 1 "$rc"
	expect "$n: one line on stderr" 1 "$(wc -l < "$TMP/err")"
	if grep -q "^respub: $TMP/$n.txt:$line:[0-9]*: error: " "$TMP/err"; then
		ok "$n: the error names file:line:col"
	else
		notok "$n: the error names file:line:col" "$(cat "$TMP/err")"
	fi
	expect "$n: no output written" "" "$(ls "$TMP/o" 2>/dev/null)"
done

# Output names stay inside -d: inputs named ../x.txt, .., and a symbol
# with slashes and dots through the site command.
mkdir -p "$TMP/w/sub" "$TMP/w/out"
cp "$ROOT/examples/S-RES-1377-2001.txt" "$TMP/w/x.txt"
printf 'Security Council\n\nS/RES/../../../../escape (2001)\n\nThe Security Council,\n\n1. Decides to stay.\n' \
    > "$TMP/w/sub/sym.txt"
before=$(cd "$TMP/w" && find . -path ./out -prune -o -print | sort)
(cd "$TMP/w/sub" && $RESPUB -q -t tree,akn -d ../out ../x.txt sym.txt &&
    $RESPUB -q -t akn -d ../out - < ../x.txt &&
    $RESPUB site -q -d ../out/site ../x.txt sym.txt) 2>"$TMP/err"
expect "hostile names: exit 0" 0 "$?"
after=$(cd "$TMP/w" && find . -path ./out -prune -o -print | sort)
expect "hostile names: nothing written outside -d" "$before" "$after"
[ -f "$TMP/w/out/x.xml" ] && [ -f "$TMP/w/out/stdin.xml" ] &&
    ok "hostile names: ../x.txt and stdin written in -d" ||
    notok "hostile names: ../x.txt and stdin written in -d" "$(ls "$TMP/w/out")"
bad=$(find "$TMP/w/out" -name '*..*' -o -name '*/*' | head -3)
expect "hostile names: no '..' in a name" "" "$bad"
