package org.incidentmap.geocoding.match;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentmap.geocoding.gazetteer.GazetteerStore;
import org.incidentmap.geocoding.gazetteer.NameHit;

/**
 * The geocoding pipeline: parse every query, fetch candidates for all of them in one round
 * trip (exact names of the query's forms and of its context, skeleton keys), a second one for
 * trigram candidates only for the names nothing matched, then rank each query on its own.
 */
@ApplicationScoped
public class Geocoder {

    /** Candidates fetched per key; a short skeleton may be shared by many names. */
    static final int CANDIDATES_PER_KEY = 25;
    /** Trigram candidates fetched per unmatched form. */
    static final int FUZZY_PER_KEY = 10;
    /** Queries per database round trip in a batch. */
    static final int CHUNK = 100;

    private final GazetteerStore store;

    Geocoder(GazetteerStore store) {
        this.store = store;
    }

    public Uni<List<Candidate>> geocode(GeocodeQuery query, int limit) {
        return geocodeAll(List.of(query), limit).map(results -> results.get(0));
    }

    public Uni<List<List<Candidate>>> geocodeAll(List<GeocodeQuery> queries, int limit) {
        return geocodeAll(queries, limit, true);
    }

    /**
     * Large batches go as chunks over several connections at once, so that parsing and ranking
     * in the service overlap with lookups in the database.
     *
     * @param fuzzy whether names nothing matched exactly or by skeleton get trigram candidates
     */
    public Uni<List<List<Candidate>>> geocodeAll(List<GeocodeQuery> queries, int limit, boolean fuzzy) {
        if (queries.size() <= CHUNK) {
            return geocodeChunk(queries, limit, fuzzy);
        }
        List<Uni<List<List<Candidate>>>> chunks = new ArrayList<>();
        for (int from = 0; from < queries.size(); from += CHUNK) {
            chunks.add(geocodeChunk(queries.subList(from, Math.min(queries.size(), from + CHUNK)), limit, fuzzy));
        }
        return Uni.join().all(chunks).andFailFast().map(parts -> {
            List<List<Candidate>> all = new ArrayList<>(queries.size());
            parts.forEach(all::addAll);
            return all;
        });
    }

    private Uni<List<List<Candidate>>> geocodeChunk(List<GeocodeQuery> queries, int limit, boolean fuzzy) {
        java.util.Map<String, List<ParsedQuery.ContextTerm>> contexts = new java.util.HashMap<>();
        List<ParsedQuery> parsed = queries.stream().map(q -> QueryParser.parse(q.q(), q.context(), q.country(), contexts)).toList();
        Set<String> norms = new LinkedHashSet<>();
        Set<String> skeletons = new LinkedHashSet<>();
        for (ParsedQuery p : parsed) {
            norms.addAll(p.forms());
            skeletons.addAll(p.skeletons());
            p.context().stream().filter(t -> t.kind() != ParsedQuery.ContextTerm.Kind.COUNTRY)
                    .forEach(t -> norms.addAll(t.forms()));
        }
        return store.lookup(List.copyOf(norms), List.copyOf(skeletons), CANDIDATES_PER_KEY)
                .flatMap(hits -> {
            Index index = new Index(hits);
            List<String> unmatched = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                ParsedQuery p = parsed.get(i);
                if (fuzzy && queries.get(i).matching() == GeocodeQuery.Matching.LOOSE && index.forQuery(p).isEmpty()) {
                    unmatched.addAll(p.forms());
                }
            }
            return store.fuzzy(unmatched, FUZZY_PER_KEY).map(similar -> {
                index.add(similar);
                List<List<Candidate>> results = new ArrayList<>(parsed.size());
                for (int i = 0; i < parsed.size(); i++) {
                    ParsedQuery p = parsed.get(i);
                    List<NameHit> found = index.forQuery(p);
                    if (queries.get(i).matching() == GeocodeQuery.Matching.PRECISE) {
                        found = precise(p, found);
                    }
                    results.add(Ranker.rank(p, found, index.forContext(p), limit));
                }
                return results;
            });
        });
    }

    /** The hits that are the query's own name or another transliteration of it; a shared skeleton alone is not enough. */
    private static List<NameHit> precise(ParsedQuery query, List<NameHit> hits) {
        Set<String> keys = new java.util.HashSet<>();
        query.forms().forEach(form -> keys.add(NameNormalizer.transliterationKey(form)));
        return hits.stream().filter(hit -> hit.kind() == NameHit.Kind.EXACT
                || keys.contains(NameNormalizer.transliterationKey(hit.matchedNorm()))).toList();
    }

    /** Hits by key, so each query takes its own share of a batch's round trip. */
    private static final class Index {
        private final java.util.Map<String, List<NameHit>> byKey = new java.util.HashMap<>();

        Index(List<NameHit> hits) {
            add(hits);
        }

        void add(List<NameHit> hits) {
            for (NameHit hit : hits) {
                byKey.computeIfAbsent(hit.kind() + ":" + hit.key(), k -> new ArrayList<>()).add(hit);
            }
        }

        List<NameHit> forQuery(ParsedQuery p) {
            List<NameHit> out = new ArrayList<>();
            for (String form : p.forms()) {
                out.addAll(byKey.getOrDefault("EXACT:" + form, List.of()));
                out.addAll(byKey.getOrDefault("FUZZY:" + form, List.of()));
            }
            for (String skeleton : p.skeletons()) {
                out.addAll(byKey.getOrDefault("SKELETON:" + skeleton, List.of()));
            }
            return out;
        }

        /** Context hits by context (the queries of one text share one list): each text's are gathered once. */
        private final java.util.Map<List<ParsedQuery.ContextTerm>, List<NameHit>> contextHits = new java.util.IdentityHashMap<>();

        List<NameHit> forContext(ParsedQuery p) {
            return contextHits.computeIfAbsent(p.context(), context -> gatherContext(p));
        }

        private List<NameHit> gatherContext(ParsedQuery p) {
            List<NameHit> out = new ArrayList<>();
            for (ParsedQuery.ContextTerm term : p.context()) {
                for (String form : term.forms()) {
                    out.addAll(byKey.getOrDefault("EXACT:" + form, List.of()));
                }
            }
            return out;
        }
    }
}
