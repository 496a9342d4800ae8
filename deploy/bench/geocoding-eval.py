"""Evaluation and benchmark of geocoding-service against the simplest baseline; see geocoding-bench."""
import gzip
import http.client
import json
import math
import os
import statistics
import sys
import time
import unicodedata
import urllib.parse

host, port, eval_path, gazetteer_dir, load_ms = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
WITHIN_KM = 15


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


cases = []
for line in open(eval_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    cat, q, ctx, lat, lon, prec = line.rstrip("\n").split("\t")
    cases.append(dict(cat=cat, q=q, context=ctx, lat=float(lat), lon=float(lon), precision=prec))

conn = http.client.HTTPConnection(host, port)


def get(path):
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise RuntimeError(f"{path}: {r.status} {body[:200]}")
    return json.loads(body)


def judge(answer, case):
    """(correct, confident_wrong) for one top answer (None = no answer)."""
    if answer is None:
        return False, False
    lat, lon, prec, ambiguous = answer
    ok = km(lat, lon, case["lat"], case["lon"]) <= WITHIN_KM and prec == case["precision"]
    return ok, (not ok and not ambiguous)


# The service's top answer for one evaluation case.
def service_answer(case):
    params = {"q": case["q"], "limit": 1}
    if case["context"]:
        params["context"] = case["context"]
    d = get("/geocode?" + urllib.parse.urlencode(params))
    if not d["features"]:
        return None
    f = d["features"][0]
    lon, lat = f["geometry"]["coordinates"]
    return lat, lon, f["properties"]["precision"], f["properties"]["ambiguous"]


# Warm-up until the JIT has compiled the request path (one pass of a few hundred requests is not
# enough), then timed passes, one request at a time, for the median.
WARM_UP_S, TIMED_PASSES = 8, 3
started = time.perf_counter()
while time.perf_counter() - started < WARM_UP_S:
    for case in cases:
        service_answer(case)
        get("/q/health/live")
# The HTTP stack's own floor on this machine, measured in the same run, for scale.
floor = []
for _ in range(len(cases)):
    t = time.perf_counter()
    get("/q/health/live")
    floor.append((time.perf_counter() - t) * 1000)
latencies, results, misses = [], [], []
for timed_pass in range(TIMED_PASSES):
    for case in cases:
        t = time.perf_counter()
        answer = service_answer(case)
        latencies.append((time.perf_counter() - t) * 1000)
        if timed_pass == 0:
            ok, cw = judge(answer, case)
            results.append((ok, cw))
            if not ok:
                misses.append((case, answer, cw))

# Batch throughput: all cases in batches of 500, repeated.
body_cases = [{"q": c["q"], **({"context": c["context"]} if c["context"] else {})} for c in cases]
batch = [body_cases[i % len(body_cases)] for i in range(500)]
payload = json.dumps({"queries": batch})


def post_batches(seconds):
    names, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        conn.request("POST", "/geocode/batch", payload, {"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        assert r.status == 200, r.status
        names += len(batch)
    return names / (time.perf_counter() - started)


post_batches(3)
batch_rate = post_batches(5)


# Baseline: exact (case-insensitive) name among names, ASCII names and alternate names; highest population wins.
def fold(s):
    return unicodedata.normalize("NFC", s).strip().lower()


index = {}


def add_rows(f):
    for line in f:
        c = line.rstrip("\n").split("\t")
        pop = int(c[14] or 0)
        entry = (pop, float(c[4]), float(c[5]), "region" if c[6] == "A" else "settlement")
        for name in {c[1], c[2], *c[3].split(",")}:
            if name and (fold(name) not in index or index[fold(name)][0] < pop):
                index[fold(name)] = entry


with gzip.open(f"{gazetteer_dir}/cities500-extract.txt.gz", "rt", encoding="utf-8") as f:
    add_rows(f)
with open(f"{gazetteer_dir}/supplement.txt", encoding="utf-8") as f:
    add_rows(f)
base_results, base_latencies = [], []
for case in cases:
    t = time.perf_counter()
    hit = index.get(fold(case["q"]))
    base_latencies.append((time.perf_counter() - t) * 1000)
    answer = None if hit is None else (hit[1], hit[2], hit[3], False)
    base_results.append(judge(answer, case))

n = len(cases)


def pct(rs, i):
    return 100.0 * sum(1 for r in rs if r[i]) / n


print(f"evaluation set: {n} mentions ({eval_path}); load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
print(f"{'':28}{'service':>12}{'baseline':>12}")
print(f"{'top-1 accuracy (<=15 km, precision)':28} {pct(results, 0):10.1f}% {pct(base_results, 0):10.1f}%")
print(f"{'confident wrong answers':28}{pct(results, 1):10.1f}% {pct(base_results, 1):10.1f}%")
print(f"{'median latency /geocode':28}{statistics.median(latencies):9.2f} ms {statistics.median(base_latencies):8.4f} ms (in-process dict)")
print(f"{'p95 latency /geocode':28}{sorted(latencies)[int(0.95 * len(latencies))]:9.2f} ms ({TIMED_PASSES} passes, after {WARM_UP_S} s of warm-up)")
print(f"{'median latency /q/health/live':28}{statistics.median(floor):9.2f} ms (HTTP floor on this machine now)")
print(f"batch throughput: {batch_rate:,.0f} names/s (POST /geocode/batch, 500 names per request)")
print(f"gazetteer load time: {int(load_ms) / 1000:.1f} s (bundled extract, COPY + indexes + swap)")
print(f"accuracy ratio service/baseline: {pct(results, 0) / max(pct(base_results, 0), 0.1):.2f}")
by_cat = {}
for case, (ok, _) in zip(cases, results):
    by_cat.setdefault(case["cat"], []).append(ok)
print("per category: " + ", ".join(f"{k} {100 * sum(v) / len(v):.0f}% of {len(v)}" for k, v in sorted(by_cat.items())))
if "--misses" in sys.argv:
    for case, answer, cw in misses:
        print("MISS", "CONFIDENT" if cw else "", case["cat"], case["q"], "|", case["context"], "->", answer)
