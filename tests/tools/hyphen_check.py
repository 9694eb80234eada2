#!/usr/bin/env python3
"""hyphen_check.py LANG.conf SOURCE.txt RAW.txt TEXT.txt [--none]

The words the PDF writer hyphenated (a line of RAW.txt, `pdftotext
-raw`, ending in "x-" where the source has the joined word, not a
compound "x-y") are cut at valid points:
  - a plain word of the source (letters between spaces and punctuation:
    no number, symbol or URL), not in capitals, not the last word of a
    paragraph (a word that ends one, its rest alone on the next line);
  - at least "hyphenation min" letters of LANG.conf on each side;
  - a vowel on each side (every syllable has one); in Spanish never
    inside ch, ll, rr; in Russian no piece starts with ь, ъ or й;
  - at most two hyphenated lines in a row.
Every word of the source comes back from TEXT.txt (`pdftotext`, which
joins a word cut at a line end, a compound too) as often as the source
has it.  Prints
the breaks; exits 1 on a fault, or when nothing was hyphenated (with
--none: when anything was).
"""
import collections
import re
import sys

VOWELS = set("aeiouyáéíóúàèìòùâêîôûäëïöüÿæœ"
             "аеёиоуыэюя")


def setting(conf, key):
    for line in open(conf, encoding="utf-8"):
        m = re.match(r"\s*%s\s*=\s*(.*?)\s*$" % re.escape(key), line)
        if m:
            return m.group(1)
    return None


def plain_words(text):
    """Words standing alone between spaces, punctuation around them."""
    out = set()
    for tok in text.split():
        m = re.fullmatch(r"[\W_]*?(?:\w{1,3}['’])?([^\W\d_]+)(?:['’]s)?[\W_]*",
                         tok)
        if m and not re.search(r"[/@]|\w\.\w", tok):
            out.add(m.group(1))
    return out


def last_words(text):
    return {re.findall(r"[^\W\d_]+", p)[-1]
            for p in re.split(r"\n\s*\n", text) if re.search(r"[^\W\d_]", p)}


def faults_of(lang, lmin, rmin, src, lines):
    plain, last = plain_words(src), last_words(src)
    faults, breaks, run = [], [], 0
    for i, line in enumerate(lines[:-1]):
        m = re.search(r"([^\W\d_]+)-$", line)
        n = re.match(r"\s*([^\W\d_]+)", lines[i + 1])
        if not m or not n or "%s-%s" % (m.group(1), n.group(1)) in src:
            run = 0
            continue
        left, right = m.group(1), n.group(1)
        word = left + right
        breaks.append("%s-%s" % (left, right))
        run += 1
        why = []
        if word not in plain:
            why.append("not a plain word of the source")
        if word.isupper():
            why.append("capitals")
        # The word ends a paragraph where its rest is alone on the next
        # line ("мира" ends a paragraph of the UDHR; "такого ми-ра, в
        # котором" is no fault).
        if word in last and re.fullmatch(r"\s*[^\W\d_]+[\W_]*",
                                         lines[i + 1]):
            why.append("last word of a paragraph")
        if len(left) < lmin or len(right) < rmin:
            why.append("fewer than %d/%d letters" % (lmin, rmin))
        if not (VOWELS & set(left.lower()) and VOWELS & set(right.lower())):
            why.append("a side without a vowel")
        if lang == "spa" and (left[-1] + right[0]).lower() in ("ch", "ll",
                                                              "rr"):
            why.append("inside ch, ll or rr")
        if lang == "rus" and right[0].lower() in "ьъй":
            why.append("a piece starting with ь, ъ or й")
        if run > 2:
            why.append("a third hyphenated line in a row")
        if why:
            faults.append("%s-%s: %s" % (left, right, ", ".join(why)))
    return faults, breaks


def main():
    conf, source, raw, text = sys.argv[1:5]
    none = "--none" in sys.argv[5:]
    lang = setting(conf, "code")
    lmin, rmin = (int(x) for x in
                  (setting(conf, "hyphenation min") or "2 3").split())
    src = open(source, encoding="utf-8").read()
    lines = open(raw, encoding="utf-8").read().splitlines()
    faults, breaks = faults_of(lang, lmin, rmin, src, lines)
    have = collections.Counter(re.findall(r"\w+", open(
        text, encoding="utf-8").read()))
    want = collections.Counter(re.findall(r"\w+", src))
    # pdftotext also takes out the hyphen of a compound cut at it.
    for x, y in re.findall(r"(\w+)-(\w+)", src):
        have[x] += have[x + y]
        have[y] += have[x + y]
    lost = [w for w in want if have[w] < want[w]]
    if lost:
        faults.append("words lost: " + " ".join(lost[:10]))
    if none and breaks:
        faults.append("hyphenated although off")
    elif not none and not breaks:
        faults.append("nothing hyphenated")
    print("# %d breaks: %s" % (len(breaks), " ".join(breaks)))
    for f in faults:
        print("# " + f)
    sys.exit(1 if faults else 0)


if __name__ == "__main__":
    main()
