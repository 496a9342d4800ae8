package org.incidentmap.geocoding.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentmap.geocoding.match.ParsedQuery.ContextTerm;
import org.incidentmap.geocoding.match.ParsedQuery.Precision;

/** Parses a query and its context into the keys the gazetteer is searched by. */
public final class QueryParser {

    /** "Yampil near Lyman", "Yampil in Donetsk oblast": the name is what precedes. */
    private static final Pattern RELATION = Pattern.compile("\\s+(?:near|outside|close to|in|of|bei|под|возле|біля|в|у)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LEADING = Pattern.compile("^(?:the|city of|town of|village of|settlement of|м\\.|г\\.|с\\.|смт)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A run of capitalised words (Latin or Cyrillic), hyphens and apostrophes inside. */
    private static final Pattern NAME_RUN = Pattern.compile(
            "\\p{Lu}[\\p{L}'’ʼ-]*(?:[ ]+\\p{Lu}[\\p{L}'’ʼ-]*){0,2}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}'’ʼ-]+");

    private QueryParser() {
    }

    public static ParsedQuery parse(String q, String context, String country) {
        return parse(q, context, country, new HashMap<>());
    }

    /**
     * As {@link #parse(String, String, String)}, with the context terms of each distinct context
     * read once into {@code contexts}: a geoparsed text is the context of every one of its spans,
     * and reading it again for each would make a long text cost the square of its length.
     */
    public static ParsedQuery parse(String q, String context, String country, Map<String, List<ContextTerm>> contexts) {
        String name = q.strip();
        StringBuilder extra = new StringBuilder();
        int comma = name.indexOf(',');
        if (comma > 0) {
            extra.append(name.substring(comma + 1)).append(' ');
            name = name.substring(0, comma).strip();
        }
        Matcher relation = RELATION.matcher(name);
        if (relation.find() && relation.start() > 0) {
            extra.append(name.substring(relation.end())).append(' ');
            name = name.substring(0, relation.start()).strip();
        }
        name = LEADING.matcher(name).replaceFirst("");
        if (context != null) {
            extra.append(context);
        }

        Set<String> forms = new LinkedHashSet<>(NameNormalizer.normalise(name));
        Precision wanted = precisionOf(forms);
        if (wanted != Precision.ANY) {
            for (String form : List.copyOf(forms)) {
                forms.addAll(RegionWords.stems(form));
            }
        }
        return new ParsedQuery(name, forms, NameNormalizer.skeletons(forms), wanted,
                country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT),
                contexts.computeIfAbsent(extra.toString(), QueryParser::contextTerms));
    }

    private static Precision precisionOf(Set<String> forms) {
        for (String form : forms) {
            String[] words = form.split(" ");
            String last = words[words.length - 1];
            if (words.length > 1 && RegionWords.REGION.contains(last) || words.length == 1 && RegionWords.isOblastDerivative(last)) {
                return Precision.REGION;
            }
            if (words.length > 1 && RegionWords.DISTRICT.contains(last)) {
                return Precision.DISTRICT;
            }
        }
        return Precision.ANY;
    }

    /**
     * Context terms: every capitalised run of up to three words (and each of its words), typed as
     * a region when a region word follows it, as a country when it names one.
     */
    static List<ContextTerm> contextTerms(String text) {
        // A name said again adds nothing, and repeated names must not multiply the ranking's work.
        Set<ContextTerm> terms = new LinkedHashSet<>();
        if (text.isBlank()) {
            return List.of();
        }
        Matcher run = NAME_RUN.matcher(text);
        while (run.find()) {
            String after = nextWord(text, run.end());
            boolean region = after != null && RegionWords.REGION.contains(NameNormalizer.fold(after));
            List<String> parts = new ArrayList<>();
            parts.add(run.group());
            String[] words = run.group().split(" +");
            if (words.length > 1) {
                parts.addAll(List.of(words));
            }
            for (String part : parts) {
                Set<String> forms = new LinkedHashSet<>(NameNormalizer.normalise(part));
                if (forms.isEmpty() || forms.stream().allMatch(f -> RegionWords.REGION.contains(f))) {
                    continue;
                }
                String code = forms.stream().map(Countries::code).filter(c -> c != null).findFirst().orElse(null);
                if (code != null) {
                    terms.add(new ContextTerm(Set.of(code), ContextTerm.Kind.COUNTRY));
                } else if (region) {
                    for (String form : List.copyOf(forms)) {
                        forms.addAll(RegionWords.stems(form + " oblast"));
                    }
                    terms.add(new ContextTerm(forms, ContextTerm.Kind.REGION));
                } else {
                    terms.add(new ContextTerm(forms, ContextTerm.Kind.PLACE));
                }
            }
        }
        return List.copyOf(terms);
    }

    private static String nextWord(String text, int from) {
        Matcher word = WORD.matcher(text);
        return word.find(from) ? word.group() : null;
    }
}
