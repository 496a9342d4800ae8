package org.incidentmap.geocoding.geoparse;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.incidentmap.geocoding.geoparse.Mention.Evidence;
import org.incidentmap.geocoding.geoparse.Mention.Kind;
import org.incidentmap.geocoding.geoparse.SpanFinder.Proposal;
import org.incidentmap.geocoding.geoparse.SpanFinder.Variant;
import org.incidentmap.geocoding.match.Candidate;
import org.incidentmap.geocoding.match.GeocodeQuery;
import org.incidentmap.geocoding.match.GeocodeQuery.Matching;
import org.incidentmap.geocoding.match.Geocoder;
import org.incidentmap.geocoding.match.NameNormalizer;
import org.incidentmap.geocoding.match.QueryParser;

/**
 * Text in, mentions out, precise first: a capitalised span becomes a place only on evidence — an
 * exact or alternate gazetteer name, another transliteration of one, or the dictionary lemma of
 * an inflected Ukrainian or Russian form; a merely similar spelling counts only inside a
 * locative frame ("in X", "у X", "під X", "X city"). Countries, people, organisations and
 * physical features are told apart first (see {@link SpanFinder}). All proposals of a text are
 * resolved in one batch with the whole text as context, so that the other mentions
 * disambiguate each; each run of words then takes its longest resolved sub-spans, and each place
 * is judged as an incident location or not.
 */
@ApplicationScoped
public class Geoparser {

    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    private final Geocoder geocoder;

    Geoparser(Geocoder geocoder) {
        this.geocoder = geocoder;
    }

    public Uni<List<Mention>> parse(String text) {
        List<Token> tokens = Token.of(text, Language.of(text));
        SpanFinder.Found found = SpanFinder.find(tokens);
        List<GeocodeQuery> queries = new ArrayList<>();
        for (Proposal p : found.proposals()) {
            for (Variant v : p.variants()) {
                queries.add(new GeocodeQuery(v.query(), text, null, p.framed() ? Matching.LOOSE : Matching.PRECISE));
            }
        }
        if (queries.isEmpty()) {
            return Uni.createFrom().item(assemble(text, tokens, found, List.of()));
        }
        return geocoder.geocodeAll(queries, 1, true).map(results -> assemble(text, tokens, found, results));
    }

    /** A proposal's best answer over its variants. */
    private record Resolved(Proposal proposal, Variant variant, Candidate place) {
    }

    static List<Mention> assemble(String text, List<Token> tokens, SpanFinder.Found found, List<List<Candidate>> results) {
        List<Mention> mentions = new ArrayList<>();
        for (SpanFinder.Named n : found.named()) {
            mentions.add(new Mention(text.substring(n.start(), n.end()), n.start(), n.end(), false, n.reason(), null,
                    n.kind(), n.evidence(), n.countryCode()));
        }
        List<List<Resolved>> byRun = new ArrayList<>();
        found.runs().forEach(r -> byRun.add(new ArrayList<>()));
        int q = 0;
        for (Proposal p : found.proposals()) {
            Resolved best = null;
            for (Variant v : p.variants()) {
                List<Candidate> answer = results.isEmpty() ? List.of() : results.get(q);
                q++;
                if (!answer.isEmpty()) {
                    Resolved r = new Resolved(p, v, answer.get(0));
                    if (best == null || stronger(r, best)) {
                        best = r;
                    }
                }
            }
            if (best != null) {
                byRun.get(p.run()).add(best);
            }
        }
        for (int run = 0; run < found.runs().size(); run++) {
            List<Resolved> chosen = choose(byRun.get(run));
            int[] span = found.runs().get(run);
            boolean[] covered = new boolean[span[1] - span[0] + 1];
            for (Resolved r : chosen) {
                for (int t = r.proposal().first(); t <= r.proposal().last(); t++) {
                    covered[t - span[0]] = true;
                }
                mentions.add(place(text, tokens, found.surnames(), r));
            }
            unresolved(text, tokens, span, covered, mentions);
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    /** Evidence first (a lemma's exact name beats a similar spelling of the inflected form), then score. */
    private static boolean stronger(Resolved a, Resolved b) {
        boolean aFuzzy = evidence(a.variant(), a.place()) == Evidence.FUZZY_IN_FRAME;
        boolean bFuzzy = evidence(b.variant(), b.place()) == Evidence.FUZZY_IN_FRAME;
        if (aFuzzy != bFuzzy) {
            return bFuzzy;
        }
        return a.place().score() > b.place().score();
    }

    /** Longest sub-spans first (a region over the bare name), none overlapping. */
    private static List<Resolved> choose(List<Resolved> resolved) {
        if (resolved.isEmpty()) {
            return List.of();
        }
        List<Resolved> ordered = new ArrayList<>(resolved);
        ordered.sort(Comparator.<Resolved>comparingInt(r -> r.proposal().last() - r.proposal().first()).reversed()
                .thenComparing(r -> !r.proposal().region())
                .thenComparingInt(r -> r.proposal().first()));
        List<Resolved> chosen = new ArrayList<>();
        for (Resolved r : ordered) {
            boolean overlaps = chosen.stream().anyMatch(c -> c.proposal().first() <= r.proposal().last()
                    && r.proposal().first() <= c.proposal().last());
            if (!overlaps) {
                chosen.add(r);
            }
        }
        return chosen;
    }

    private static Mention place(String text, List<Token> tokens, Set<String> surnames, Resolved r) {
        Proposal p = r.proposal();
        String span = text.substring(p.start(), p.end());
        if (p.first() == p.last() && surnames.contains(tokens.get(p.first()).lower())) {
            return new Mention(span, p.start(), p.end(), false, "person's name", null, Kind.PERSON, null, null);
        }
        Candidate place = r.place();
        var verdict = IncidentLocationRules.judge(text, p.start(), p.end(), NameNormalizer.fold(span), place.place().country());
        Evidence evidence = evidence(r.variant(), place);
        if (verdict.reason().equals(IncidentLocationRules.PERSON)) {
            return new Mention(span, p.start(), p.end(), false, verdict.reason(), null, Kind.PERSON, null, null);
        }
        if (verdict.reason().equals(IncidentLocationRules.GROUPING)) {
            return new Mention(span, p.start(), p.end(), false, verdict.reason(), null, Kind.ORGANISATION, null, null);
        }
        Kind kind = place.place().isRegion() || "region".equals(place.precision()) ? Kind.REGION : Kind.PLACE;
        return new Mention(span, p.start(), p.end(), verdict.incidentLocation(), verdict.reason(), place, kind, evidence, null);
    }

    /**
     * The words of a run that no place took: a person's name by its dictionary tags or a verb of
     * speech after it, a weapon by the noun after it, and an unknown name in a locative frame or
     * a known venue still reported (without a place) as before.
     */
    private static void unresolved(String text, List<Token> tokens, int[] span, boolean[] covered, List<Mention> mentions) {
        boolean any = false;
        for (boolean c : covered) {
            any |= c;
        }
        int t = span[0];
        while (t <= span[1]) {
            if (covered[t - span[0]]) {
                t++;
                continue;
            }
            int end = t;
            while (end + 1 <= span[1] && !covered[end + 1 - span[0]]) {
                end++;
            }
            int start = tokens.get(t).start();
            int stop = tokens.get(end).end();
            String words = text.substring(start, stop);
            Token next = end + 1 < tokens.size() ? tokens.get(end + 1) : null;
            boolean person = false;
            for (int w = t; w <= end; w++) {
                person |= tokens.get(w).hasReading(Morphology.Class.PERSON);
            }
            if (person || next != null && Cues.speech(next)) {
                mentions.add(new Mention(words, start, stop, false, IncidentLocationRules.PERSON, null, Kind.PERSON, null, null));
            } else if (next != null && Cues.weapon(next)) {
                mentions.add(new Mention(words, start, stop, false, "weapon", null, Kind.OTHER, null, null));
            } else if (!any && IncidentLocationRules.looksLikePlace(text, start, NameNormalizer.fold(words))) {
                var verdict = IncidentLocationRules.judge(text, start, stop, NameNormalizer.fold(words), null);
                mentions.add(new Mention(words, start, stop, false, verdict.reason(), null, Kind.PLACE, null, null));
            }
            t = end + 1;
        }
    }

    /**
     * Why the variant met the place: a lemma is an inflected form; the same normalised name is
     * exact (the place's own name, or a name listed in the text's script), a listed variant, or
     * a transliteration across scripts; the same transliteration key is a transliteration; anything
     * else was a similar spelling, which only a framed proposal may have asked for.
     */
    static Evidence evidence(Variant variant, Candidate candidate) {
        if (variant.inflected()) {
            return Evidence.INFLECTED;
        }
        Set<String> forms = QueryParser.parse(variant.query(), null, null).forms();
        Set<String> matched = NameNormalizer.normalise(candidate.matchedName());
        boolean cyrillicQuery = CYRILLIC.matcher(variant.query()).find();
        boolean cyrillicName = CYRILLIC.matcher(candidate.matchedName()).find();
        if (!Collections.disjoint(forms, matched)) {
            if (cyrillicQuery != cyrillicName) {
                return Evidence.TRANSLITERATION;
            }
            boolean ownName = NameNormalizer.fold(candidate.matchedName()).equals(NameNormalizer.fold(candidate.place().name()));
            return cyrillicQuery || ownName ? Evidence.EXACT : Evidence.VARIANT;
        }
        for (String form : forms) {
            for (String name : matched) {
                if (NameNormalizer.transliterationKey(form).equals(NameNormalizer.transliterationKey(name))) {
                    return Evidence.TRANSLITERATION;
                }
            }
        }
        return Evidence.FUZZY_IN_FRAME;
    }
}
