package org.incidentmap.incident.extraction;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A count in a Ukrainian or Russian clause: digits, or a numeral in any gender and case, read by its
 * lemma ("двох", "двоє", "двух", "двое" are all 2), with a lower-bound qualifier before it
 * ("щонайменше", "не менше", "не менее", "по меньшей мере", "понад", "более", "свыше").
 *
 * @param first index of the first token of the number (after any qualifier)
 * @param last  index of its last token
 * @param qualifier index of the first qualifier token, or {@code first}
 */
record SlavicNumber(long value, boolean atLeast, int qualifier, int first, int last) {

    private static final Map<String, Integer> NUMERALS = Map.ofEntries(
            Map.entry("один", 1), Map.entry("два", 2), Map.entry("двоє", 2), Map.entry("двое", 2),
            Map.entry("три", 3), Map.entry("троє", 3), Map.entry("трое", 3), Map.entry("чотири", 4),
            Map.entry("четверо", 4), Map.entry("четыре", 4), Map.entry("п'ять", 5), Map.entry("п'ятеро", 5),
            Map.entry("пять", 5), Map.entry("пятеро", 5), Map.entry("шість", 6), Map.entry("шестеро", 6),
            Map.entry("шесть", 6), Map.entry("сім", 7), Map.entry("семеро", 7), Map.entry("семь", 7),
            Map.entry("вісім", 8), Map.entry("восьмеро", 8), Map.entry("восемь", 8), Map.entry("дев'ять", 9),
            Map.entry("дев'ятеро", 9), Map.entry("девять", 9), Map.entry("девятеро", 9), Map.entry("десять", 10),
            Map.entry("десятеро", 10), Map.entry("одинадцять", 11), Map.entry("одиннадцать", 11),
            Map.entry("дванадцять", 12), Map.entry("двенадцать", 12), Map.entry("тринадцять", 13),
            Map.entry("тринадцать", 13), Map.entry("чотирнадцять", 14), Map.entry("четырнадцать", 14),
            Map.entry("п'ятнадцять", 15), Map.entry("пятнадцать", 15), Map.entry("шістнадцять", 16),
            Map.entry("шестнадцать", 16), Map.entry("сімнадцять", 17), Map.entry("семнадцать", 17),
            Map.entry("вісімнадцять", 18), Map.entry("восемнадцать", 18), Map.entry("дев'ятнадцять", 19),
            Map.entry("девятнадцать", 19), Map.entry("двадцять", 20), Map.entry("двадцать", 20),
            Map.entry("тридцять", 30), Map.entry("тридцать", 30), Map.entry("сорок", 40),
            Map.entry("п'ятдесят", 50), Map.entry("пятьдесят", 50), Map.entry("шістдесят", 60),
            Map.entry("шестьдесят", 60), Map.entry("сімдесят", 70), Map.entry("семьдесят", 70),
            Map.entry("вісімдесят", 80), Map.entry("восемьдесят", 80), Map.entry("дев'яносто", 90),
            Map.entry("девяносто", 90), Map.entry("сто", 100));
    /** "десятки поранених", "десятки раненых": ACLED's "dozens", at least 12. */
    private static final Set<String> DOZENS = Set.of("десяток", "десятки", "десятков", "десятків");
    private static final Set<String> LOWER_BOUND_ONE_WORD = Set.of("щонайменше", "принаймні", "понад", "більше",
            "більш", "свыше", "более", "больше", "минимум", "мінімум");
    private static final Set<String> LOWER_BOUND_TWO_WORDS = Set.of("не менше", "не менш", "не менее",
            "меньшей мере", "крайней мере", "як мінімум", "как минимум", "не меньше");

    /** Reads a number starting exactly at token {@code i}, or returns null. */
    static SlavicNumber at(List<Token> tokens, int i, Morphology morphology) {
        Token t = tokens.get(i);
        long value;
        int last = i;
        boolean atLeast = false;
        if (t.isDigits()) {
            if (t.text().contains(".")) {
                return null;
            }
            value = Long.parseLong(t.text().replace(",", ""));
        } else if (!t.isWord()) {
            return null;
        } else if (DOZENS.contains(Morphology.normalised(t.text()))) {
            value = 12;
            atLeast = true;
        } else {
            Integer n = numeral(t, morphology);
            if (n == null) {
                return null;
            }
            value = n;
            // "двадцять двоє", "тридцать пять"
            if (n >= 20 && n % 10 == 0 && n < 100 && i + 1 < tokens.size()) {
                Integer unit = numeral(tokens.get(i + 1), morphology);
                if (unit != null && unit < 10) {
                    value += unit;
                    last = i + 1;
                }
            }
        }
        return qualified(tokens, value, atLeast, i, last);
    }

    private static Integer numeral(Token t, Morphology morphology) {
        if (!t.isWord()) {
            return null;
        }
        String w = Morphology.normalised(t.text());
        Integer direct = NUMERALS.get(w);
        if (direct != null) {
            return direct;
        }
        for (Morphology.Reading r : morphology.readings(t.text())) {
            boolean numeral = r.tag().startsWith("numr") || r.tag().startsWith("Num");
            if (numeral && NUMERALS.containsKey(r.lemma())) {
                return NUMERALS.get(r.lemma());
            }
        }
        return null;
    }

    private static SlavicNumber qualified(List<Token> tokens, long value, boolean atLeast, int first, int last) {
        String one = first >= 1 ? Morphology.normalised(tokens.get(first - 1).text()) : "";
        String two = first >= 2 ? Morphology.normalised(tokens.get(first - 2).text()) + " " + one : "";
        if (LOWER_BOUND_TWO_WORDS.contains(two)) {
            int q = two.startsWith("меньшей") || two.startsWith("крайней") ? first - 3 : first - 2;
            return new SlavicNumber(value, true, Math.max(q, 0), first, last);
        }
        if (LOWER_BOUND_ONE_WORD.contains(one)) {
            return new SlavicNumber(value, true, first - 1, first, last);
        }
        return new SlavicNumber(value, atLeast, first, first, last);
    }
}
