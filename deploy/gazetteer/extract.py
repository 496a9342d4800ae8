"""Writes the default gazetteer extract; called by deploy/gazetteer/extract (see there)."""
import gzip
import json
import re
import sys

countries = set(sys.argv[1].split(","))
dump_path, admin1_path, admin2_path, out = sys.argv[2:6]

# Synthesised ADM1 rows get ids far above any GeoNames id so that they never collide.
ADM1_ID_BASE = 2_100_000_000
REGION_WORDS = re.compile(r"\s+(Oblast|Oblast'|Region|Krai|Kray|City|Republic|Autonomous Okrug|Voivodeship|County|District|Municipality)$", re.I)
SCRIPT_OK = re.compile(r"^[\u0000-\u024F\u0400-\u04FF\u1E00-\u1EFF\u2019\u02BC' .,()-]+$")

rows = []
with open(dump_path, encoding="utf-8") as f:
    for line in f:
        cols = line.rstrip("\n").split("\t")
        if cols[8] in countries:
            rows.append(cols)

admin1 = {a["code"]: a["name"] for a in json.load(open(admin1_path, encoding="utf-8")) if a["code"][:2] in countries}
admin2 = {a["code"]: a["name"] for a in json.load(open(admin2_path, encoding="utf-8")) if a["code"][:2] in countries}


def pop(r):
    return int(r[14] or 0)


def stripped(name):
    return REGION_WORDS.sub("", name).strip()


def latin_or_cyrillic(names):
    return [n for n in names if n and SCRIPT_OK.match(n)]


adm1_rows = []
for i, code in enumerate(sorted(admin1)):
    cc, a1 = code.split(".", 1)
    name = admin1[code]
    base = stripped(name)
    inside = [r for r in rows if r[8] == cc and r[10] == a1 and r[6] == "P"]
    capitals = [r for r in inside if r[7] in ("PPLC", "PPLA")]
    if not capitals:
        capitals = [r for r in rows if r[8] == cc and r[7] in ("PPLC", "PPLA") and r[2].lower() == base.lower()]
    if not capitals:
        capitals = inside
    if not capitals:
        continue
    capital = max(capitals, key=pop)
    alternates = {name, base}
    if capital[2].lower().startswith(base.lower()[:5]):
        # A region named after its capital is called by the capital's names too (Kharkov region).
        alternates.update(latin_or_cyrillic(capital[3].split(",")))
    ascii_name = base.encode("ascii", "ignore").decode() or base
    adm1_rows.append([
        str(ADM1_ID_BASE + i), name, ascii_name, ",".join(sorted(alternates - {""})),
        capital[4], capital[5], "A", "ADM1", cc, "", a1, "", "", "",
        str(sum(pop(r) for r in inside)), "", capital[16], capital[17], capital[18],
    ])

# mtime 0 and no file name in the gzip header: regenerating the same data gives the same bytes.
with open(f"{out}/cities500-extract.txt.gz", "wb") as raw, \
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
    for r in rows + adm1_rows:
        r = list(r)
        r[3] = ",".join(latin_or_cyrillic(r[3].split(",")))
        gz.write(("\t".join(r) + "\n").encode("utf-8"))

for name, codes in (("admin1CodesASCII.txt", admin1), ("admin2Codes.txt", admin2)):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        for code in sorted(codes):
            ascii_name = codes[code].encode("ascii", "ignore").decode()
            f.write(f"{code}\t{codes[code]}\t{ascii_name}\t\n")

print(f"{len(rows)} places, {len(adm1_rows)} ADM1 rows, {len(admin1)} admin1 codes, {len(admin2)} admin2 codes")
