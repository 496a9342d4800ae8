-- Generated incidents for the tile benchmark, written straight into incident.incidents (tiles read
-- nothing else): :n rows, deterministic (setseed), shaped like the war's record rather than
-- uniform: most near front-line and border hotspots, a share in the larger cities, the rest spread
-- over the country. Run with psql -v n=250000.
BEGIN;
SELECT setseed(0.16);
CREATE TEMP TABLE hotspots (lon float8, lat float8, sigma float8, weight float8) ON COMMIT DROP;
INSERT INTO hotspots VALUES
    (37.80, 48.00, 0.15, 9), (38.00, 48.59, 0.10, 8), (37.75, 48.14, 0.06, 7), (37.18, 48.28, 0.12, 7),
    (37.61, 49.71, 0.12, 6), (36.23, 49.99, 0.10, 6), (35.14, 47.84, 0.15, 5), (32.62, 46.64, 0.15, 5),
    (34.80, 50.91, 0.20, 4), (33.50, 51.50, 0.25, 3), (38.40, 49.00, 0.20, 4), (37.55, 47.10, 0.20, 4),
    (35.90, 47.40, 0.20, 4), (37.00, 47.90, 0.25, 4), (36.80, 50.50, 0.30, 3), (33.40, 47.90, 0.15, 2),
    (31.98, 46.97, 0.08, 2), (30.72, 46.48, 0.08, 2), (30.52, 50.45, 0.10, 3), (35.05, 48.46, 0.08, 2),
    (24.03, 49.84, 0.05, 1), (28.47, 49.23, 0.05, 1), (32.06, 49.44, 0.05, 1), (34.55, 49.59, 0.06, 1);

-- The share of each hotspot, as the upper end of its slice of [0, 1).
CREATE TEMP TABLE slices ON COMMIT DROP AS
SELECT lon, lat, sigma, sum(weight) OVER (ORDER BY lon, lat) / sum(weight) OVER () AS upto FROM hotspots;

INSERT INTO incident.incidents (id, event_type, sub_event_type, occurred_on, geom, geo_precision, place_name,
    admin1, country, killed, killed_at_least, injured, injured_at_least, status, created_at, updated_at)
SELECT md5('bench-' || g.n)::uuid,
       (ARRAY['Explosions/Remote violence', 'Explosions/Remote violence', 'Explosions/Remote violence',
              'Battles', 'Battles', 'Violence against civilians', 'Strategic developments'])[1 + floor(g.r1 * 7)::int],
       (ARRAY['Shelling/artillery/missile attack', 'Air/drone strike', 'Armed clash', 'Attack'])[1 + floor(g.r2 * 4)::int],
       date '2022-02-24' + floor(g.r3 * 1400)::int,
       ST_SetSRID(ST_MakePoint(least(40.2, greatest(22.2, g.lon)), least(52.3, greatest(44.4, g.lat))), 4326),
       1 + floor(g.r4 * 2)::int, 'Place ' || (g.n % 5000), 'Oblast ' || (g.n % 25), 'UA',
       CASE WHEN g.r5 < 0.35 THEN NULL ELSE floor(-ln(1 - g.r6) * 2)::int END,
       g.r5 >= 0.35 AND g.r6 > 0.9,
       CASE WHEN g.r5 < 0.45 THEN NULL ELSE floor(-ln(1 - g.r7) * 4)::int END,
       g.r5 >= 0.45 AND g.r7 > 0.92,
       CASE WHEN g.r4 < 0.02 THEN 'retracted' WHEN g.r4 < 0.3 THEN 'verified' ELSE 'reported' END,
       now(), now()
FROM (
    SELECT p.n, p.r1, p.r2, p.r3, p.r4, p.r5, p.r6, p.r7,
           CASE WHEN p.pick < 0.15 THEN 22.2 + p.u1 * 18.0
                ELSE s.lon + s.sigma * sqrt(-2 * ln(1 - p.u1)) * cos(2 * pi() * p.u2) END AS lon,
           CASE WHEN p.pick < 0.15 THEN 44.4 + p.u2 * 7.9
                ELSE s.lat + s.sigma * 0.7 * sqrt(-2 * ln(1 - p.u1)) * sin(2 * pi() * p.u2) END AS lat
    FROM (SELECT n, random() AS pick, random() AS u1, random() AS u2, random() AS r1, random() AS r2,
                 random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7
          FROM generate_series(1, :n) AS n) p
    CROSS JOIN LATERAL (SELECT lon, lat, sigma FROM slices WHERE slices.upto >= (p.pick - 0.15) / 0.85
                        ORDER BY upto LIMIT 1) s
) g;
COMMIT;
ANALYZE incident.incidents;
