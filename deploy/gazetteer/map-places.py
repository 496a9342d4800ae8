"""Writes the map page's place labels from the gazetteer geocoding-service ships: Ukraine's oblast
centres and its towns of 30,000 people or more, as a small GeoJSON file (GeoNames, CC BY 4.0).

    python3 deploy/gazetteer/map-places.py   # rewrites map-gateway/.../places/ukraine-places.json
"""
import gzip
import json
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
extract = root / "geocoding-service/src/main/resources/gazetteer/cities500-extract.txt.gz"
out = root / "map-gateway/src/main/resources/META-INF/resources/places/ukraine-places.json"

features = []
with gzip.open(extract, "rt", encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        if c[8] != "UA" or c[6] != "P":
            continue
        population = int(c[14] or 0)
        centre = c[7] in ("PPLC", "PPLA")
        if not centre and population < 30000:
            continue
        rank = "centre" if centre else ("city" if population >= 100000 else "town")
        features.append({"type": "Feature",
                         "geometry": {"type": "Point", "coordinates": [round(float(c[5]), 4), round(float(c[4]), 4)]},
                         "properties": {"name": c[1], "rank": rank, "population": population}})
features.sort(key=lambda f: -f["properties"]["population"])
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps({"type": "FeatureCollection",
                           "attribution": "GeoNames (https://www.geonames.org/), CC BY 4.0",
                           "features": features}, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
print(len(features), "places written to", out.relative_to(root))
