# shape_check.py GLYPHS TEXT FONT... -- every Arabic word of TEXT, shaped
# by HarfBuzz's own hb-shape with each FONT, is drawn glyph for glyph in
# the PDF whose glyphs GLYPHS lists (tests/tools/pdf_glyphs.py output).
# respub draws a word's glyphs that carry text first, in hb-shape's
# order (in a cluster, the widest), then the others (marks, a ligature's
# extra parts): the expected
# sequence is the same split of hb-shape's output, found contiguous in
# the glyphs of one of the fonts.  Prints a summary; exit 1 on a miss.
import re, subprocess, sys, tempfile

# --min N: fewer Arabic words than N is a failure (default 100: a whole
# text; a short resolution has fewer).
least = 100
if sys.argv[1] == "--min":
    least = int(sys.argv[2])
    del sys.argv[1:3]

glyphs = {}
for line in open(sys.argv[1]):
    name, _, ids = line.partition(": ")
    glyphs[name.split(",")[0]] = " " + ids.strip() + " "
text = open(sys.argv[2], encoding="utf-8").read()
arabic = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0670-\u06D3]+$")
words = sorted({w.strip("()[]«».,:;،؛؟!\"'”“") for w in text.split()})
words = [w for w in words if arabic.match(w)]

def expected(shaped):
    out = []
    for tok in shaped.strip().strip("[]").split("|"):
        m = re.match(r"(\d+)=(\d+)(?:@(-?\d+),(-?\d+))?\+(-?\d+)", tok)
        out.append((int(m.group(1)), int(m.group(2)),
                    int(m.group(4) or 0), int(m.group(5))))
    carry, apart, i = [], [], 0
    while i < len(out):
        k = i
        while k < len(out) and out[k][1] == out[i][1]:
            k += 1
        best = max(range(i, k), key=lambda j: (out[j][3], -j))
        for j in range(i, k):
            (apart if j != best else carry).append(out[j][0])
        i = k
    return " " + " ".join(map(str, carry)) + " ", " " + " ".join(map(str, apart)) + " "

with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as f:
    f.write("\n".join(words) + "\n")
    f.flush()
    shaped = {}
    for font in sys.argv[3:]:
        r = subprocess.run(["hb-shape", "--no-glyph-names", "--text-file",
                            f.name, font], capture_output=True, text=True,
                           check=True)
        name = subprocess.run(["fc-scan", "--format", "%{postscriptname}",
                               font], capture_output=True,
                              text=True).stdout
        shaped[name] = r.stdout.splitlines()

missing = []
for i, w in enumerate(words):
    found = False
    for name, lines in shaped.items():
        carry, apart = expected(lines[i])
        drawn = glyphs.get(name, "")
        if carry in drawn and (apart == "  " or apart in drawn):
            found = True
    if not found:
        missing.append(w)
print("# %d Arabic words, %d not drawn as hb-shape shapes them %s" %
      (len(words), len(missing), " ".join(missing[:8])))
sys.exit(1 if missing or len(words) < least else 0)
