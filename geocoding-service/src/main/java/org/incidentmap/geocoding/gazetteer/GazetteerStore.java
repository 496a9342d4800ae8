package org.incidentmap.geocoding.gazetteer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the gazetteer through the reactive client; every lookup is served by an index in the database. */
@ApplicationScoped
public class GazetteerStore {

    private static final String PLACE_COLUMNS = """
            p.geonameid, p.name AS place_name, p.latitude, p.longitude, p.feature_class, p.feature_code, p.country,
            p.admin1, p.admin1_name, p.admin2_name, p.population, p.importance""";

    /**
     * Per key, the most important places only: a short skeleton can be shared by hundreds of
     * names. Exact names come by their own keys rather than by ranking a skeleton's names
     * against the query's forms: that comparison ran once per name and form, the dominant cost
     * of a batch.
     */
    static final String LOOKUP = """
            WITH hits AS (
              SELECT k.key, 'EXACT' AS kind, n.* FROM unnest($1::text[]) AS k(key) CROSS JOIN LATERAL (
                SELECT geonameid, name, norm, preferred FROM gazetteer.place_name
                WHERE norm = k.key ORDER BY importance DESC LIMIT $3) n
              UNION ALL
              SELECT k.key, 'SKELETON', n.* FROM unnest($2::text[]) AS k(key) CROSS JOIN LATERAL (
                SELECT geonameid, name, norm, preferred FROM gazetteer.place_name
                WHERE skel = k.key ORDER BY importance DESC LIMIT $3) n)
            SELECT h.key, h.kind, h.name AS matched, h.norm, h.preferred, %s
            FROM hits h JOIN gazetteer.place p ON p.geonameid = h.geonameid""".formatted(PLACE_COLUMNS);

    static final String FUZZY = """
            WITH hits AS (
              SELECT k.key, 'FUZZY' AS kind, n.* FROM unnest($1::text[]) AS k(key) CROSS JOIN LATERAL (
                SELECT geonameid, name, norm, preferred FROM gazetteer.place_name
                WHERE norm %% k.key ORDER BY similarity(norm, k.key) DESC, importance DESC LIMIT $2) n)
            SELECT h.key, h.kind, h.name AS matched, h.norm, h.preferred, %s
            FROM hits h JOIN gazetteer.place p ON p.geonameid = h.geonameid""".formatted(PLACE_COLUMNS);

    /**
     * A prefix as a range of the B-tree on norm ({@code text_pattern_ops} compares bytes): the
     * statements run with generic plans, and a generic plan cannot turn {@code LIKE $1} into an
     * index range.
     */
    static final String AUTOCOMPLETE = """
            WITH hits AS (
              SELECT DISTINCT ON (geonameid) geonameid, name, norm, preferred, importance FROM (
                SELECT geonameid, name, norm, preferred, importance FROM gazetteer.place_name
                WHERE norm ~>=~ $1 AND norm ~<~ ($1 || chr(1114111)) ORDER BY importance DESC LIMIT 200) c
              ORDER BY geonameid, preferred DESC, length(norm))
            SELECT $2 AS key, 'EXACT' AS kind, h.name AS matched, h.norm, h.preferred, %s
            FROM hits h JOIN gazetteer.place p ON p.geonameid = h.geonameid
            ORDER BY p.importance DESC, p.population DESC LIMIT $3""".formatted(PLACE_COLUMNS);

    /** Nearest settlement by the GiST index's distance ordering. */
    private static final String REVERSE = """
            SELECT '' AS key, 'EXACT' AS kind, p.name AS matched, '' AS norm, true AS preferred, %s,
                   ST_Distance(p.geom::geography, ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography) AS meters
            FROM gazetteer.place p
            WHERE p.feature_class = 'P'
            ORDER BY p.geom <-> ST_SetSRID(ST_MakePoint($2, $1), 4326) LIMIT 1""".formatted(PLACE_COLUMNS);

    private final Pool pool;

    GazetteerStore(Pool pool) {
        this.pool = pool;
    }

    /** Places whose normalised name equals one of {@code norms} (kind EXACT) or whose skeleton equals one of {@code skeletons} (kind SKELETON). */
    public Uni<List<NameHit>> lookup(List<String> norms, List<String> skeletons, int perKey) {
        if (norms.isEmpty() && skeletons.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(LOOKUP)
                .execute(Tuple.of(norms.toArray(String[]::new), skeletons.toArray(String[]::new), perKey))
                .map(rows -> {
                    List<NameHit> hits = new ArrayList<>();
                    rows.forEach(row -> hits.add(hit(row)));
                    return hits;
                });
    }

    /** Places with a name similar in trigrams to one of {@code norms}. */
    public Uni<List<NameHit>> fuzzy(List<String> norms, int perKey) {
        if (norms.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(FUZZY).execute(Tuple.of(norms.toArray(String[]::new), perKey)).map(rows -> {
            List<NameHit> hits = new ArrayList<>();
            rows.forEach(row -> hits.add(hit(row)));
            return hits;
        });
    }

    /** Places with a name starting with the normalised prefix, most important first. */
    public Uni<List<NameHit>> prefix(String normalisedPrefix, int limit) {
        return pool.preparedQuery(AUTOCOMPLETE).execute(Tuple.of(normalisedPrefix, normalisedPrefix, limit)).map(rows -> {
            List<NameHit> hits = new ArrayList<>();
            rows.forEach(row -> hits.add(hit(row)));
            return hits;
        });
    }

    /** The settlement nearest to a point and its distance in metres; null when the gazetteer is empty. */
    public Uni<Nearest> nearest(double lat, double lon) {
        return pool.preparedQuery(REVERSE).execute(Tuple.of(lat, lon)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            return new Nearest(hit(row).place(), row.getDouble("meters"));
        });
    }

    /** Whether any place is loaded. */
    public Uni<Boolean> hasPlaces() {
        return pool.query("SELECT EXISTS (SELECT 1 FROM gazetteer.place)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** A settlement and how far it lies from the point asked about. */
    public record Nearest(Place place, double meters) {
    }

    private static NameHit hit(Row r) {
        Place place = new Place(r.getLong("geonameid"), r.getString("place_name"), r.getDouble("latitude"),
                r.getDouble("longitude"), r.getString("feature_class"), r.getString("feature_code"),
                r.getString("country"), r.getString("admin1"), r.getString("admin1_name"), r.getString("admin2_name"),
                r.getLong("population"), r.getFloat("importance"));
        return new NameHit(r.getString("key"), NameHit.Kind.valueOf(r.getString("kind")), r.getString("matched"),
                r.getString("norm"), r.getBoolean("preferred"), place);
    }
}
