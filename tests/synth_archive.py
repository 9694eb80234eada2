#!/usr/bin/env python3
"""synth_archive.py CORPUS OUTDIR N -- a synthetic archive of N resolutions
for the site benchmark: the Security Council texts of CORPUS/unsc-en and
the General Assembly Markdown of CORPUS/ga80-en, repeated with new
symbols and adoption dates (their citations of each other are kept, so
cited-by lists grow as in a real archive).  Writes OUTDIR/NNN/*.txt|md
(1,000 files a folder) and OUTDIR/list, one input a line, for
respub site --files-from.  Deterministic: the same N gives the same files.
"""
import os
import re
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
# The SC heading: "Resolution 834 (1993)" / "of 1 June 1993", or
# "13 (1946). Resolution of 12 December 1946".
SC_HEAD = re.compile(r"\A(?:Resolution \d+ \(\d{4}\)\s*\n(?:of [^\n]*\n)?"
                     r"|\d+ \(\d{4}\)\. Resolution of [^\n]*\n)")
GA_SYMBOL = re.compile(r"^symbol: .*$", re.M)
GA_DATE = re.compile(r"^date: .*$", re.M)
GA_ADOPTED = re.compile(r"Resolution adopted by the General Assembly on [^\n]*")
GA_NUMBER = re.compile(r"^80/\d+\.", re.M)


def load(corpus):
    sc, ga = [], []
    for name in sorted(os.listdir(os.path.join(corpus, "unsc-en"))):
        with open(os.path.join(corpus, "unsc-en", name), encoding="utf-8") as f:
            text = f.read()
        if SC_HEAD.match(text):
            sc.append(SC_HEAD.sub("", text, count=1))
    for name in sorted(os.listdir(os.path.join(corpus, "ga80-en"))):
        if name.endswith(".md"):
            with open(os.path.join(corpus, "ga80-en", name), encoding="utf-8") as f:
                ga.append(f.read())
    return sc, ga


def date_of(i, year):
    return (i * 7) % 28 + 1, (i * 5) % 12 + 1, year


def sc_text(body, n, i):
    year = 1946 + n // 40
    d, m, y = date_of(i, year)
    return f"Resolution {n} ({year})\nof {d} {MONTHS[m - 1]} {y}\n{body}", year


def ga_text(text, session, n, i):
    year = 1945 + session
    d, m, y = date_of(i, year)
    text = GA_SYMBOL.sub(f"symbol: A/RES/{session}/{n}", text, count=1)
    text = GA_DATE.sub(f'date: "{y}-{m:02d}-{d:02d}"', text, count=1)
    text = GA_ADOPTED.sub("Resolution adopted by the General Assembly on "
                          f"{d} {MONTHS[m - 1]} {y}", text, count=1)
    return GA_NUMBER.sub(f"{session}/{n}.", text, count=1)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: synth_archive.py CORPUS OUTDIR N")
    corpus, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sc, ga = load(corpus)
    if not sc or not ga:
        sys.exit(f"synth_archive.py: no texts in {corpus}/unsc-en or ga80-en")
    os.makedirs(out, exist_ok=True)
    names = []
    ga_session, ga_n = 1, 0
    for i in range(n):
        folder = os.path.join(out, f"{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        # One in five from the General Assembly, 300 a session.
        if i % 5 == 4:
            ga_n += 1
            if ga_n > 300:
                ga_session, ga_n = ga_session + 1, 1
            text = ga_text(ga[i % len(ga)], ga_session, ga_n, i)
            path = os.path.join(folder, f"ga-{i}.md")
        else:
            text, _ = sc_text(sc[i % len(sc)], i + 1, i)
            path = os.path.join(folder, f"sc-{i}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        names.append(path)
    with open(os.path.join(out, "list"), "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main()
