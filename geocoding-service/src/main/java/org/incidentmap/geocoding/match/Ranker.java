package org.incidentmap.geocoding.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentmap.geocoding.gazetteer.NameHit;
import org.incidentmap.geocoding.gazetteer.Place;
import org.incidentmap.geocoding.match.ParsedQuery.ContextTerm;
import org.incidentmap.geocoding.match.ParsedQuery.Precision;

/**
 * Scores candidates by match quality, importance and fit with the context; keeps those above
 * the threshold, flags a close rival as ambiguity. A pure function of its inputs.
 */
public final class Ranker {

    /** Share of the score from how well the name matched. */
    static final double MATCH_WEIGHT = 0.55;
    /** Share of the score from importance (capital, oblast centre, population). */
    static final double IMPORTANCE_WEIGHT = 0.20;
    /** Share of the score from fit with the context. */
    static final double CONTEXT_WEIGHT = 0.25;

    /** Match quality of the place's own name, an alternate name, and the floor of a skeleton match. */
    static final double EXACT_PREFERRED = 1.0;
    static final double EXACT_ALTERNATE = 0.97;
    static final double SKELETON_BASE = 0.62;
    static final double SKELETON_SIMILARITY = 0.33;
    static final double FUZZY_FACTOR = 0.85;

    /** Context fit: none given, candidate fits (near a context place, in the named region or country), same oblast as a context place, does not fit. */
    static final double CONTEXT_NEUTRAL = 0.5;
    static final double CONTEXT_FITS = 1.0;
    static final double CONTEXT_SAME_OBLAST = 0.8;
    static final double CONTEXT_CONTRADICTS = 0.0;
    /** A context place this close makes a candidate fit ("Yampil near Lyman"). */
    static final double NEAR_KM = 60;

    /** A settlement when a region was asked for, and a region when not, keep this share of their quality. */
    static final double WRONG_KIND_FACTOR = 0.8;
    /**
     * A city with the status of a region (Kyiv City, Sevastopol City) keeps this share when an
     * oblast was asked for: "Kyiv oblast", "Київська область" mean the oblast around it.
     */
    static final double CITY_REGION_FACTOR = 0.95;

    /** Below this there is no confident answer. */
    static final double MIN_SCORE = 0.62;
    /** A distinct place scoring within this margin of the best makes the answer ambiguous. */
    static final double AMBIGUITY_MARGIN = 0.025;
    /** Places closer than this are the same answer for ambiguity (a city and its oblast share a point). */
    static final double SAME_PLACE_KM = 15;

    private Ranker() {
    }

    /**
     * @param hits candidates found for the query's forms and skeletons (keys are forms or skeletons)
     * @param contextHits places found for the context terms' forms (keys are forms)
     */
    public static List<Candidate> rank(ParsedQuery query, List<NameHit> hits, List<NameHit> contextHits, int limit) {
        Evidence evidence = Evidence.of(query, contextHits);
        Map<Long, Candidate> best = new HashMap<>();
        for (NameHit hit : hits) {
            Place place = hit.place();
            if (query.country() != null && !query.country().equals(place.country())) {
                continue;
            }
            double quality = quality(query, hit);
            boolean region = place.isRegion();
            if ((query.wanted() == Precision.REGION) != region) {
                quality *= WRONG_KIND_FACTOR;
            } else if (region && query.wanted() == Precision.REGION && place.name().endsWith(" City")) {
                quality *= CITY_REGION_FACTOR;
            }
            // Context tells apart settlements of one name; a region asked for as a region is its own in a
            // country, and a text naming one oblast often names its neighbour: there the context only confirms.
            double fit = region && query.wanted() == Precision.REGION
                    ? Math.max(CONTEXT_NEUTRAL, evidence.fit(place)) : evidence.fit(place);
            double score = MATCH_WEIGHT * quality + IMPORTANCE_WEIGHT * place.importance() + CONTEXT_WEIGHT * fit;
            String precision = region || query.wanted() == Precision.DISTRICT ? "region" : "settlement";
            Candidate candidate = new Candidate(place, hit.matchedName(), Math.min(1.0, score), precision, false);
            best.merge(place.geonameid(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Candidate> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> -c.place().population()));
        if (ranked.isEmpty() || ranked.get(0).score() < MIN_SCORE) {
            return List.of();
        }
        Candidate top = ranked.get(0);
        boolean ambiguous = ranked.stream().skip(1)
                .anyMatch(c -> top.score() - c.score() < AMBIGUITY_MARGIN
                        && top.place().distanceKm(c.place().latitude(), c.place().longitude()) > SAME_PLACE_KM);
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : ranked) {
            if (out.size() == limit || c.score() < MIN_SCORE) {
                break;
            }
            out.add(new Candidate(c.place(), c.matchedName(), c.score(), c.precision(), ambiguous));
        }
        return out;
    }

    private static double quality(ParsedQuery query, NameHit hit) {
        if (query.forms().contains(hit.matchedNorm())) {
            return hit.preferred() ? EXACT_PREFERRED : EXACT_ALTERNATE;
        }
        return switch (hit.kind()) {
            case EXACT -> hit.preferred() ? EXACT_PREFERRED : EXACT_ALTERNATE;
            case SKELETON -> SKELETON_BASE + SKELETON_SIMILARITY * bestSimilarity(query.forms(), hit.matchedNorm());
            case FUZZY -> FUZZY_FACTOR * bestEditSimilarity(query.forms(), hit.matchedNorm());
        };
    }

    private static double bestSimilarity(Set<String> forms, String norm) {
        double best = 0;
        for (String form : forms) {
            best = Math.max(best, Trigrams.similarity(form, norm));
        }
        return best;
    }

    private static double bestEditSimilarity(Set<String> forms, String norm) {
        double best = 0;
        for (String form : forms) {
            best = Math.max(best, EditSimilarity.of(form, norm));
        }
        return best;
    }

    /** What the context says about where the place is. */
    private record Evidence(List<Place> nearby, Set<String> regions, Set<String> countries, boolean any) {

        static Evidence of(ParsedQuery query, List<NameHit> contextHits) {
            Map<String, List<Place>> byForm = new HashMap<>();
            for (NameHit hit : contextHits) {
                byForm.computeIfAbsent(hit.key(), k -> new ArrayList<>()).add(hit.place());
            }
            List<Place> nearby = new ArrayList<>();
            Set<String> regions = new java.util.HashSet<>();
            Set<String> countries = new java.util.HashSet<>();
            for (ContextTerm term : query.context()) {
                if (term.forms().stream().anyMatch(query.forms()::contains)) {
                    continue;
                }
                if (term.kind() == ContextTerm.Kind.COUNTRY) {
                    countries.addAll(term.forms());
                    continue;
                }
                for (String form : term.forms()) {
                    for (Place place : byForm.getOrDefault(form, List.of())) {
                        if (term.kind() == ContextTerm.Kind.REGION || place.isRegion()) {
                            if (place.isRegion()) {
                                regions.add(place.country() + "." + place.admin1Code());
                            }
                        } else {
                            nearby.add(place);
                        }
                    }
                }
            }
            return new Evidence(nearby, regions, countries, !nearby.isEmpty() || !regions.isEmpty() || !countries.isEmpty());
        }

        double fit(Place place) {
            if (!any) {
                return CONTEXT_NEUTRAL;
            }
            if (regions.contains(place.country() + "." + place.admin1Code()) || countries.contains(place.country())) {
                return CONTEXT_FITS;
            }
            boolean sameOblast = false;
            for (Place other : nearby) {
                if (other.geonameid() != place.geonameid()
                        && place.distanceKm(other.latitude(), other.longitude()) <= NEAR_KM) {
                    return CONTEXT_FITS;
                }
                sameOblast |= other.country().equals(place.country()) && other.admin1Code().equals(place.admin1Code());
            }
            return sameOblast ? CONTEXT_SAME_OBLAST : CONTEXT_CONTRADICTS;
        }
    }
}
