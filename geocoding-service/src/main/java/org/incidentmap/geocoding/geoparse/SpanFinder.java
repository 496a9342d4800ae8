package org.incidentmap.geocoding.geoparse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.incidentmap.geocoding.geoparse.Mention.Evidence;
import org.incidentmap.geocoding.geoparse.Mention.Kind;
import org.incidentmap.geocoding.match.Countries;

/**
 * Splits a text into runs of capitalised words and decides, before any gazetteer lookup, what
 * the words around a run say it names: a country (the JDK's country names in three languages), a
 * person (a title before, a verb of speech after, a particle inside, the dictionary's name tags),
 * an organisation (its head noun), a physical feature (river, bridge, reservoir). What is left
 * becomes proposals: every sub-span of up to three words, with the query texts it may be found
 * by (the words as written and, for Ukrainian and Russian, their lemmas) and whether it stands in
 * a locative frame.
 */
final class SpanFinder {

    /** Longest sub-span tried as one name ("Velyka Novosilka", "Нова Каховка", "Kharkiv Oblast"). */
    static final int MAX_WORDS = 3;
    /** Lemma combinations tried per sub-span. */
    private static final int MAX_VARIANTS = 4;
    /** A weapon's model name: letters, a hyphen, digits (Kh-101, S-300, Х-59, Shahed-136). */
    private static final Pattern MODEL = Pattern.compile("\\p{L}{1,8}-\\d+\\p{L}*");

    private SpanFinder() {
    }

    /** A span decided without the gazetteer. */
    record Named(int start, int end, Kind kind, String reason, Evidence evidence, String countryCode) {
    }

    /** One way to look a sub-span up: the text sent to the gazetteer, and whether it is a lemma rather than the words as written. */
    record Variant(String query, boolean inflected) {
    }

    /**
     * A sub-span of a run that may name a place.
     *
     * @param framed  in a locative frame: a similar spelling is acceptable
     * @param region  followed by a region or district word that the query includes
     */
    record Proposal(int run, int first, int last, int start, int end, List<Variant> variants, boolean framed, boolean region) {
    }

    /**
     * What a text holds: the spans decided already, the proposals, and the people's surnames seen
     * (a later bare "Gladkov" is the same person).
     */
    record Found(List<Named> named, List<Proposal> proposals, List<int[]> runs, Set<String> surnames) {
    }

    static Found find(List<Token> tokens) {
        List<Named> named = new ArrayList<>();
        List<Proposal> proposals = new ArrayList<>();
        List<int[]> runs = new ArrayList<>();
        Set<String> surnames = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).capitalised()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size() && tokens.get(j + 1).capitalised() && tokens.get(j + 1).joinedToPrevious()
                    && !tokens.get(j + 1).sentenceStart()) {
                j++;
            }
            // "Ursula von der Leyen": particles join the run into one person's name.
            int k = j + 1;
            while (k < tokens.size() && Cues.particle(tokens.get(k)) && tokens.get(k).joinedToPrevious()) {
                k++;
            }
            if (k > j + 1 && k < tokens.size() && tokens.get(k).capitalised() && tokens.get(k).joinedToPrevious()) {
                // The name starts after the last title: "Commission President Ursula von der Leyen".
                int from = i;
                for (int t = i; t <= j; t++) {
                    if (Cues.title(tokens.get(t))) {
                        from = t + 1;
                    }
                }
                if (from > i + 1) {
                    run(tokens, i, from - 2, named, proposals, runs, surnames);
                }
                if (from <= j) {
                    named.add(person(tokens, from, k, surnames));
                }
                i = k + 1;
                continue;
            }
            run(tokens, i, j, named, proposals, runs, surnames);
            i = j + 1;
        }
        return new Found(named, proposals, runs, surnames);
    }

    private static void run(List<Token> tokens, int first, int last, List<Named> named, List<Proposal> proposals,
            List<int[]> runs, Set<String> surnames) {
        // Words that only start a sentence or date it: "On Monday Kharkiv" is Kharkiv.
        while (first <= last && (Cues.functionWord(tokens.get(first)) || Cues.calendar(tokens.get(first)))) {
            first++;
        }
        if (first > last) {
            return;
        }
        for (int t = first; t <= last; t++) {
            if (MODEL.matcher(tokens.get(t).text()).matches()) {
                named.add(new Named(tokens.get(t).start(), tokens.get(t).end(), Kind.OTHER, "weapon", null, null));
                split(tokens, first, t - 1, t + 1, last, named, proposals, runs, surnames);
                return;
            }
        }
        // A title makes the words after it a person's name: "Kharkiv Governor Oleh Syniehubov".
        if (first > 0 && !tokens.get(first).sentenceStart() && Cues.title(tokens.get(first - 1))
                && !Cues.title(tokens.get(first))) {
            named.add(person(tokens, first, last, surnames));
            return;
        }
        for (int t = first; t <= last; t++) {
            if (Cues.title(tokens.get(t))) {
                if (t < last) {
                    named.add(person(tokens, t + 1, last, surnames));
                }
                run(tokens, first, t - 1, named, proposals, runs, surnames);
                return;
            }
        }
        String whole = text(tokens, first, last);
        String country = country(tokens, first, last);
        if (country != null) {
            boolean inflected = Countries.codeOfName(whole) == null;
            named.add(new Named(tokens.get(first).start(), tokens.get(last).end(), Kind.COUNTRY, "country",
                    inflected ? Evidence.INFLECTED : Evidence.EXACT, country));
            return;
        }
        if (organisation(tokens, first, last)) {
            int end = last;
            // "Ministry of Defence", "Security Service of Ukraine": the name runs on over "of (the)".
            while (end + 2 < tokens.size() && tokens.get(end + 1).lower().equals("of")) {
                int next = end + 2;
                if (tokens.get(next).lower().equals("the") && next + 1 < tokens.size()) {
                    next++;
                }
                if (!tokens.get(next).capitalised()) {
                    break;
                }
                end = next;
                while (end + 1 < tokens.size() && tokens.get(end + 1).capitalised() && tokens.get(end + 1).joinedToPrevious()) {
                    end++;
                }
            }
            named.add(new Named(tokens.get(first).start(), tokens.get(end).end(), Kind.ORGANISATION, "organisation", null, null));
            return;
        }
        if (feature(tokens, first, last)) {
            named.add(new Named(tokens.get(first).start(), tokens.get(last).end(), Kind.FEATURE,
                    "river, bridge, reservoir or plant named after a place", null, null));
            return;
        }
        // English: several capitalised words followed by a verb of speech are a person's name.
        if (last > first && last + 1 < tokens.size() && Cues.speech(tokens.get(last + 1)) && !tokens.get(first).cyrillic()) {
            named.add(person(tokens, first, last, surnames));
            return;
        }
        // Ukrainian and Russian: the dictionary's first-name, surname and patronymic tags, unless
        // a region word follows ("Белгородской области": the adjective is also a surname).
        boolean regionAfter = last + 1 < tokens.size() && !tokens.get(last + 1).sentenceStart()
                && (Cues.regionWord(tokens.get(last + 1)) || Cues.districtWord(tokens.get(last + 1)));
        for (int t = first; t <= last && !regionAfter; t++) {
            if (tokens.get(t).personOnly()) {
                int from = t;
                int to = t;
                while (from > first && tokens.get(from - 1).hasReading(Morphology.Class.PERSON) && !tokens.get(from - 1).acronym()) {
                    from--;
                }
                while (to < last && tokens.get(to + 1).hasReading(Morphology.Class.PERSON)) {
                    to++;
                }
                named.add(person(tokens, from, to, surnames));
                split(tokens, first, from - 1, to + 1, last, named, proposals, runs, surnames);
                return;
            }
        }
        propose(tokens, first, last, proposals, runs);
    }

    private static void split(List<Token> tokens, int first, int leftEnd, int rightStart, int last, List<Named> named,
            List<Proposal> proposals, List<int[]> runs, Set<String> surnames) {
        if (leftEnd >= first) {
            run(tokens, first, leftEnd, named, proposals, runs, surnames);
        }
        if (rightStart <= last) {
            run(tokens, rightStart, last, named, proposals, runs, surnames);
        }
    }

    private static void propose(List<Token> tokens, int first, int last, List<Proposal> proposals, List<int[]> runs) {
        int run = runs.size();
        runs.add(new int[] {first, last});
        boolean regionAfter = last + 1 < tokens.size() && !tokens.get(last + 1).sentenceStart()
                && (Cues.regionWord(tokens.get(last + 1)) || Cues.districtWord(tokens.get(last + 1)));
        for (int from = first; from <= last; from++) {
            for (int to = from; to <= Math.min(last, from + MAX_WORDS - 1); to++) {
                if (Cues.regionWord(tokens.get(from)) || Cues.districtWord(tokens.get(from))) {
                    continue;
                }
                boolean framed = Cues.locativeBefore(tokens, from) || Cues.locativeAfter(tokens, to);
                boolean region = to == last && regionAfter;
                int end = region ? last + 1 : to;
                proposals.add(new Proposal(run, from, to, tokens.get(from).start(), tokens.get(end).end(),
                        variants(tokens, from, end), framed, region || Cues.regionWord(tokens.get(to))));
                if (region) {
                    // The name alone too, so that "Pokrovsk direction" or a town named like its raion still resolves.
                    proposals.add(new Proposal(run, from, to, tokens.get(from).start(), tokens.get(to).end(),
                            variants(tokens, from, to), framed, false));
                }
            }
        }
    }

    /** The words as written, and for Cyrillic words the combinations of their lemmas ("Кривого Рогу" → Кривий Ріг). */
    static List<Variant> variants(List<Token> tokens, int first, int last) {
        List<Variant> out = new ArrayList<>();
        String written = text(tokens, first, last);
        out.add(new Variant(written, false));
        if (!tokens.get(first).cyrillic()) {
            return out;
        }
        List<String> combos = List.of("");
        for (int t = first; t <= last; t++) {
            List<String> next = new ArrayList<>();
            for (String lemma : lemmaChoices(tokens.get(t))) {
                for (String combo : combos) {
                    if (next.size() < MAX_VARIANTS) {
                        next.add(combo.isEmpty() ? lemma : combo + " " + lemma);
                    }
                }
            }
            combos = next;
        }
        for (String combo : combos) {
            if (!combo.equalsIgnoreCase(written)) {
                out.add(new Variant(combo, true));
            }
        }
        return out;
    }

    /** A word's lemmas, geographic ones first; the word itself when the dictionary does not know it. */
    private static List<String> lemmaChoices(Token token) {
        Set<String> out = new LinkedHashSet<>();
        for (Morphology.Reading r : token.readings()) {
            if (r.kind() == Morphology.Class.GEO) {
                out.add(r.lemma());
            }
        }
        for (Morphology.Reading r : token.readings()) {
            if (r.kind() != Morphology.Class.PERSON && r.kind() != Morphology.Class.OTHER) {
                out.add(r.lemma());
            }
        }
        if (out.isEmpty()) {
            out.add(token.bare());
        }
        return List.copyOf(out).subList(0, Math.min(2, out.size()));
    }

    private static Named person(List<Token> tokens, int first, int last, Set<String> surnames) {
        surnames.add(tokens.get(last).lower());
        return new Named(tokens.get(first).start(), tokens.get(last).end(), Kind.PERSON, "person's name", null, null);
    }

    /** The country the whole run names, as written or (Ukrainian, Russian) by its lemma: "Туреччини" is Туреччина. */
    private static String country(List<Token> tokens, int first, int last) {
        String code = Countries.codeOfName(text(tokens, first, last));
        if (code != null || first != last) {
            return code;
        }
        for (Morphology.Reading r : tokens.get(first).readings()) {
            if (r.kind() == Morphology.Class.GEO || r.kind() == Morphology.Class.NOUN) {
                code = Countries.codeOfName(r.lemma());
                if (code != null) {
                    return code;
                }
            }
        }
        return null;
    }

    private static boolean organisation(List<Token> tokens, int first, int last) {
        for (int t = first; t <= last; t++) {
            if (Cues.organisationHead(tokens.get(t))) {
                return true;
            }
        }
        return first == last && tokens.get(first).acronym();
    }

    /** A feature word in the run ("Crimean Bridge"), right after it ("Kakhovka reservoir") or right before it ("river Dnipro"). */
    private static boolean feature(List<Token> tokens, int first, int last) {
        for (int t = first; t <= last; t++) {
            if (Cues.feature(tokens.get(t))) {
                return true;
            }
        }
        boolean after = last + 1 < tokens.size() && !tokens.get(last + 1).sentenceStart() && Cues.feature(tokens.get(last + 1));
        boolean before = first > 0 && !tokens.get(first).sentenceStart() && Cues.feature(tokens.get(first - 1));
        return after || before;
    }

    static String text(List<Token> tokens, int first, int last) {
        StringBuilder b = new StringBuilder(tokens.get(first).bare());
        for (int t = first + 1; t <= last; t++) {
            b.append(tokens.get(t).gapBefore()).append(t == last ? tokens.get(t).bare() : tokens.get(t).text());
        }
        return b.toString();
    }
}
