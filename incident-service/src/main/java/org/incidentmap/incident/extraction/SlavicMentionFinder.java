package org.incidentmap.incident.extraction;

import java.util.List;
import java.util.Set;

/**
 * Proposes capitalised Ukrainian and Russian words as place mentions, with the region hint of "Сумська
 * область", "Запорізької ОВА", "Белгородской области", "на Харківщині". Inflected names ("в Сумах",
 * "Одесу") are resolved by geocoding-service's {@code /geoparse}, which reads the same text; names the
 * dictionary knows as first names or surnames are not proposed.
 */
final class SlavicMentionFinder {

    private static final Set<String> REGION_WORDS = Set.of("область", "обл", "ова", "ода", "округ", "район",
            "край", "громада", "oblast");

    private SlavicMentionFinder() {
    }

    static void find(String text, List<Token> tokens, Morphology morphology, List<PlaceMention> kept) {
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.isWord() || !t.isCapitalised() || isPersonName(t, morphology) || isAcronym(t)) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < tokens.size() && tokens.get(last + 1).isWord() && tokens.get(last + 1).isCapitalised()
                    && tokens.get(last + 1).start() - tokens.get(last).end() <= 1 && !isAcronym(tokens.get(last + 1))) {
                last++;
            }
            boolean regionHint = t.lower().matches(".*щин(?:а|и|і|у|ою|е|ой)")
                    || last + 1 < tokens.size() && regionWord(tokens.get(last + 1), morphology);
            String name = text.substring(t.start(), tokens.get(last).end());
            kept.add(new PlaceMention(name, t.start(), tokens.get(last).end(), regionHint, null));
            i = last + 1;
        }
    }

    private static boolean regionWord(Token t, Morphology morphology) {
        if (REGION_WORDS.contains(Morphology.normalised(t.text()))) {
            return true;
        }
        return morphology.readings(t.text()).stream().anyMatch(r -> REGION_WORDS.contains(r.lemma()));
    }

    private static boolean isPersonName(Token t, Morphology morphology) {
        return morphology.readings(t.text()).stream().anyMatch(r -> r.tag().contains("fname")
                || r.tag().contains("lname") || r.tag().contains("patr"));
    }

    /** "ДСНС", "ОВА", "ЗСУ": bodies, not places. */
    private static boolean isAcronym(Token t) {
        return t.text().length() > 1 && t.text().chars().allMatch(Character::isUpperCase);
    }
}
