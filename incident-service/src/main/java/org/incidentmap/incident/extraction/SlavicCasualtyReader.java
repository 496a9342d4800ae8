package org.incidentmap.incident.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Killed and injured figures in Ukrainian and Russian, read through lemmas so every inflected form
 * counts: "загинули", "загиблих", "погиб", "погибших"; "поранені", "поранено", "зазнали поранень",
 * "травмовано", "ранены", "получили ранения", "пострадали". Word order is free in both languages, so
 * a casualty word takes the nearest free count on either side ("загинули троє людей", "27 людей
 * поранено", "тіла двох загиблих"); a singular person noun next to it counts one ("ранен мужчина",
 * "загинула жінка"); "постраждалих немає", "никто не пострадал", "без жертв" state zero killed and
 * injured. Counts after "серед них", "з них", "в том числе" are parts of the figure before them.
 */
final class SlavicCasualtyReader {

    private static final Set<String> KILLED = Set.of("загинути", "загиблий", "загибель", "вбити", "убити",
            "вбитий", "убитий", "померти", "смерть", "жертва", "погибнуть", "погибший", "гибель", "убить",
            "убитый", "умереть", "скончаться", "тіло", "тело");
    private static final Set<String> INJURED = Set.of("поранити", "поранений", "поранення", "постраждати",
            "постраждалий", "травмувати", "травмований", "травма", "госпіталізувати", "ранити", "раненый",
            "ранение", "пострадать", "пострадавший", "травмировать", "травмированный", "госпитализировать",
            "ранить");
    /** "тіла" and "жертви" count the dead only next to a number: "тіла двох людей". */
    private static final Set<String> ONLY_WITH_NUMBER = Set.of("тіло", "тело", "жертва", "смерть", "травма");
    private static final Set<String> SINGLE_PERSON = Set.of("чоловік", "жінка", "дитина", "хлопець", "дівчина",
            "дівчинка", "хлопчик", "підліток", "пенсіонер", "пенсіонерка", "водій", "мешканець", "мешканка",
            "літній", "літня", "немовля", "мужчина", "женщина", "ребенок", "подросток", "пенсионер",
            "пенсионерка", "водитель", "житель", "жительница", "девочка", "мальчик", "девушка", "парень",
            "младенец", "людина", "человек", "волонтер", "рятувальник", "спасатель", "медик", "працівник",
            "работник", "цивільний", "мирный", "фермер", "тракторист");
    private static final Set<String> MILITARY = Set.of("військовий", "військовослужбовець", "солдат",
            "окупант", "военный", "военнослужащий", "боевик", "оккупант", "противник", "ворог", "бойовик",
            "найманець", "наемник", "особовий", "личный", "ліквідувати", "ликвидировать", "знищити",
            "уничтожить");
    private static final Set<String> NEGATION = Set.of("немає", "нема", "нет", "ніхто", "никто", "без",
            "обійшлося", "обошлось", "не");
    /** "серед них двоє дітей", "в том числе 12-летний подросток". */
    private static final Set<String> SUBCOUNT_ONE = Set.of("зокрема", "включно", "включая", "включаючи");
    private static final Set<String> SUBCOUNT_TWO = Set.of("серед них", "з них", "із них", "тому числі",
            "том числе", "среди них", "из них", "серед загиблих", "серед поранених", "среди погибших",
            "среди раненых", "серед яких", "среди которых");
    /** "за 24 години", "30 км", "5-й поверх", "12-річний": a span, a measure or an age, never a count of people. */
    private static final Set<String> UNITS = Set.of("година", "хвилина", "доба", "день", "тиждень", "місяць",
            "рік", "кілометр", "метр", "км", "м", "поверх", "відсоток", "час", "минута", "сутки", "неделя",
            "месяц", "год", "километр", "этаж", "процент", "гектар", "тонна", "одиниця", "единица", "раз",
            "квадратний", "квадратный", "кв", "вибух", "взрыв", "боеприпас", "снаряд", "дрон", "безпілотник",
            "беспилотник", "ракета", "атака", "удар", "обстріл", "обстрел", "будинок", "дом", "рятувальник",
            "спасатель", "бпла", "шахед");
    private static final int WINDOW = 4;

    private SlavicCasualtyReader() {
    }

    private record Word(int index, Casualty.Kind kind, boolean onlyWithNumber) {
    }

    static List<Casualty> read(List<Token> tokens, Morphology morphology) {
        List<List<Morphology.Reading>> readings = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            readings.add(t.isWord() ? morphology.readings(t.text()) : List.of());
        }
        List<Casualty> found = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Casualty.Kind kind = kind(readings.get(i));
            if (kind != null) {
                words.add(new Word(i, kind, hasLemma(readings.get(i), ONLY_WITH_NUMBER)));
            }
        }
        if (words.isEmpty()) {
            return found;
        }
        if (statesNobodyHurt(tokens, words)) {
            int at = words.get(0).index();
            found.add(new Casualty(Casualty.Kind.KILLED, 0, false, Casualty.Subject.CIVILIAN_OR_UNSPECIFIED,
                    tokens.get(at).start(), tokens.get(at).end()));
            found.add(new Casualty(Casualty.Kind.INJURED, 0, false, Casualty.Subject.CIVILIAN_OR_UNSPECIFIED,
                    tokens.get(at).start(), tokens.get(at).end()));
            return found;
        }
        List<SlavicNumber> numbers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SlavicNumber n = SlavicNumber.at(tokens, i, morphology);
            if (n != null && !notACount(tokens, readings, n)) {
                numbers.add(n);
                i = n.last();
            }
        }
        boolean[] used = new boolean[numbers.size()];
        for (Word w : words) {
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int k = 0; k < numbers.size(); k++) {
                SlavicNumber n = numbers.get(k);
                int distance = n.last() < w.index() ? w.index() - n.last() : n.first() - w.index();
                if (!used[k] && distance > 0 && distance <= WINDOW && distance < bestDistance
                        && !crossesAnotherWord(words, w, n) && !acrossComma(tokens, w.index(), n)) {
                    best = k;
                    bestDistance = distance;
                }
            }
            if (best >= 0) {
                used[best] = true;
                SlavicNumber n = numbers.get(best);
                if (isSubcount(tokens, n)) {
                    continue;
                }
                found.add(casualty(w.kind(), n.value(), n.atLeast(), military(readings, w.index(), n), tokens,
                        Math.min(n.qualifier(), w.index()), Math.max(n.last(), w.index())));
            } else if (!w.onlyWithNumber()) {
                int person = singlePersonNear(tokens, readings, w.index(), words);
                if (person >= 0) {
                    found.add(casualty(w.kind(), 1, false, Casualty.Subject.CIVILIAN_OR_UNSPECIFIED, tokens,
                            Math.min(person, w.index()), Math.max(person, w.index())));
                }
            }
        }
        return found;
    }

    private static Casualty.Kind kind(List<Morphology.Reading> readings) {
        if (hasLemma(readings, KILLED)) {
            return Casualty.Kind.KILLED;
        }
        if (hasLemma(readings, INJURED)) {
            return Casualty.Kind.INJURED;
        }
        return null;
    }

    private static boolean hasLemma(List<Morphology.Reading> readings, Set<String> lemmas) {
        for (Morphology.Reading r : readings) {
            if (lemmas.contains(r.lemma())) {
                return true;
            }
        }
        return false;
    }

    /** "Постраждалих немає", "обошлось без пострадавших", "никто не пострадал", "жертв немає". */
    private static boolean statesNobodyHurt(List<Token> tokens, List<Word> words) {
        for (Word w : words) {
            for (int k = Math.max(0, w.index() - 2); k <= Math.min(tokens.size() - 1, w.index() + 1); k++) {
                String t = Morphology.normalised(tokens.get(k).text());
                if (k != w.index() && NEGATION.contains(t)) {
                    // "не" counts only right before the verb: "не постраждав", not "не менше"
                    if (!t.equals("не") || k == w.index() - 1) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean notACount(List<Token> tokens, List<List<Morphology.Reading>> readings, SlavicNumber n) {
        int after = n.last() + 1;
        if (after < tokens.size()) {
            String next = tokens.get(after).text();
            // "12-річний", "5-й", "13:10", "31%"
            if (next.equals("-") || next.equals(":") || next.equals("%") || next.startsWith("-")) {
                return true;
            }
            if (hasLemma(readings.get(after), UNITS) || UNITS.contains(Morphology.normalised(next))) {
                return true;
            }
        }
        Token first = tokens.get(n.first());
        if (first.isDigits() && first.text().length() == 4 && n.value() >= 1900 && n.value() <= 2100) {
            return true;
        }
        // "8 лютого", "о 13 годині": a date or a time
        return after < tokens.size() && DateResolver.isSlavicMonth(tokens.get(after).text());
    }

    private static boolean isSubcount(List<Token> tokens, SlavicNumber n) {
        int q = n.qualifier();
        String one = q >= 1 ? Morphology.normalised(tokens.get(q - 1).text()) : "";
        String two = q >= 2 ? Morphology.normalised(tokens.get(q - 2).text()) + " " + one : "";
        return SUBCOUNT_ONE.contains(one) || SUBCOUNT_TWO.contains(two);
    }

    private static boolean crossesAnotherWord(List<Word> words, Word w, SlavicNumber n) {
        int from = Math.min(w.index(), n.first());
        int to = Math.max(w.index(), n.last());
        for (Word other : words) {
            if (other != w && other.index() > from && other.index() < to) {
                return true;
            }
        }
        return false;
    }

    /** "загинули троє, 17 травмовано": a comma between a word and a number parts them. */
    private static boolean acrossComma(List<Token> tokens, int word, SlavicNumber n) {
        int from = Math.min(word, n.first());
        int to = Math.max(word, n.last());
        for (int k = from + 1; k < to; k++) {
            String t = tokens.get(k).text();
            if (t.equals(",") || t.equals(";") || t.equals("—") || t.equals("–")) {
                return true;
            }
        }
        return false;
    }

    private static int singlePersonNear(List<Token> tokens, List<List<Morphology.Reading>> readings, int word,
            List<Word> words) {
        for (int d = 1; d <= 2; d++) {
            for (int k : new int[] {word + d, word - d}) {
                if (k < 0 || k >= tokens.size() || !tokens.get(k).isWord()) {
                    continue;
                }
                final int at = k;
                if (words.stream().anyMatch(w -> w.index() == at)) {
                    continue;
                }
                for (Morphology.Reading r : readings.get(k)) {
                    if (SINGLE_PERSON.contains(r.lemma()) && singularNominative(r.tag())) {
                        return k;
                    }
                }
            }
        }
        return -1;
    }

    /** Ukrainian tags "noun:anim:f:v_naz", Russian "NN:Anim:Fem:Sin:Nom". */
    private static boolean singularNominative(String tag) {
        boolean uk = tag.contains(":v_naz") && (tag.contains(":m:") || tag.contains(":f:") || tag.contains(":n:"));
        boolean ru = tag.contains(":Sin:") && tag.endsWith(":Nom") || tag.contains(":Sin:Nom");
        return uk || ru;
    }

    private static Casualty.Subject military(List<List<Morphology.Reading>> readings, int word, SlavicNumber n) {
        int from = Math.max(0, Math.min(word, n.first()) - 2);
        int to = Math.min(readings.size() - 1, Math.max(word, n.last()) + 2);
        for (int k = from; k <= to; k++) {
            if (hasLemma(readings.get(k), MILITARY)) {
                return Casualty.Subject.MILITARY;
            }
        }
        return Casualty.Subject.CIVILIAN_OR_UNSPECIFIED;
    }

    private static Casualty casualty(Casualty.Kind kind, long count, boolean atLeast, Casualty.Subject subject,
            List<Token> tokens, int from, int to) {
        return new Casualty(kind, count, atLeast, subject, tokens.get(from).start(), tokens.get(to).end());
    }
}
