# pdf_glyphs.py PDF FONT.ttf[,...] -- the glyphs a respub PDF draws with the
# embedded subsets of the given fonts (matched by name), in content
# stream order: one line per font, "FontName: gid gid ...".  It reads
# the objects one by one, as qpdf writes them out of the object stream:
# fonts, their CIDToGIDMap, pages' font resources and content streams,
# and the Tf / Tj operators.
import re, subprocess, sys, zlib

data = subprocess.run(["qpdf", "--object-streams=disable",
                       "--stream-data=preserve", sys.argv[1], "-"],
                      check=True, capture_output=True).stdout
objs = {}
for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
    body = m.group(2)
    # (qpdf may write "endstream" right after the data)
    s = re.search(rb"stream\r?\n(.*?)\r?\n?endstream", body, re.S)
    stream = None
    if s:
        stream = s.group(1)
        if b"/FlateDecode" in body[:s.start()]:
            stream = zlib.decompressobj().decompress(stream)
    objs[int(m.group(1))] = (body if not s else body[:s.start()], stream)

def ref(d, key):
    m = re.search(rb"/" + key + rb"\s+(\d+) 0 R", d)
    return int(m.group(1)) if m else None

# Type0 fonts: object -> (name, code -> gid)
fonts = {}
for n, (d, _) in objs.items():
    if b"/Subtype /Type0" not in d:
        continue
    name = re.search(rb"/BaseFont /([^\s/>]+)", d).group(1).decode()
    desc = int(re.search(rb"/DescendantFonts \[\s*(\d+) 0 R", d).group(1))
    mapref = ref(objs[desc][0], b"CIDToGIDMap")
    raw = objs[mapref][1] if mapref else b""
    fonts[n] = (name, raw)

wanted = sys.argv[2].split(",")
out = {}
for n, (d, stream) in objs.items():
    if b"/Type /Page" not in d or b"/Type /Pages" in d:
        continue
    res = re.search(rb"/Font\s*<<(.*?)>>", d, re.S)
    if res is None:
        r = ref(d, b"Resources")
        res = re.search(rb"/Font\s*<<(.*?)>>", objs[r][0], re.S)
    names = {m.group(1): int(m.group(2)) for m in
             re.finditer(rb"/(\w+)\s+(\d+) 0 R", res.group(1))}
    content = objs[ref(d, b"Contents")][1]
    cur = None
    for m in re.finditer(rb"/(\w+) [\d.]+ Tf|<([0-9a-fA-F]*)> Tj", content):
        if m.group(1):
            cur = names.get(m.group(1))
            continue
        if cur not in fonts:
            continue
        name, raw = fonts[cur]
        if not any(w in name for w in wanted):
            continue
        hx = m.group(2)
        for i in range(0, len(hx), 4):
            code = int(hx[i:i + 4], 16)
            gid = raw[2 * code] << 8 | raw[2 * code + 1] if 2 * code + 1 < len(raw) else 0
            out.setdefault(name.split("+")[-1], []).append(gid)
for name, gids in sorted(out.items()):
    print("%s: %s" % (name, " ".join(map(str, gids))))
