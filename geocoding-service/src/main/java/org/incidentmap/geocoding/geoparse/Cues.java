package org.incidentmap.geocoding.geoparse;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.incidentmap.geocoding.match.NameNormalizer;
import org.incidentmap.geocoding.match.RegionWords;

/**
 * The words around a capitalised span that say what it names, in English and (by lemma) in
 * Ukrainian and Russian: a locative frame ("in X", "near X", "у X", "під X", "в районе X", "X
 * city"), a title or a verb of speech (a person), a particle inside a name ("von der"), the head
 * noun of an organisation ("Ministry", "Service", "штаб"), of a physical feature ("river",
 * "bridge", "водосховище") or of a weapon ("drones", "missiles", "ракета"). These are closed
 * grammatical classes of the three languages, not a list of names.
 */
final class Cues {

    /** Prepositions that put the following name in a place ("in Kharkiv", "у Херсоні", "под Курском"). */
    private static final Set<String> LOCATIVE = words("in", "near", "outside", "at", "around", "from", "into",
            "towards", "toward", "across", "outskirts", "suburb", "suburbs", "village", "town", "city", "settlement",
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "у", "в", "під", "біля", "поблизу", "неподалік", "поряд", "коло", "на", "до", "з", "із", "через", "район",
            "село", "селище", "місто", "смт", "м", "с", "во", "под", "около", "возле", "близ", "из", "поселок",
            "посёлок", "город", "пгт", "г", "окрестности", "околиці", "околицях", "районе", "районі");
    /** Words after a name that make it a settlement or region ("Kupiansk city", "Izium district"). */
    private static final Set<String> LOCATIVE_AFTER = words("city", "town", "village", "settlement", "direction",
            "axis", "front", "outskirts");
    /** Titles before a person's name (English as written; Ukrainian and Russian lemmas). */
    private static final Set<String> TITLES = words("president", "mr", "mrs", "ms", "dr", "minister", "general", "gen",
            "governor", "mayor", "commander", "spokesman", "spokeswoman", "spokesperson", "colonel", "col",
            "lieutenant", "lt", "sergeant", "sgt", "major", "envoy", "ambassador", "chancellor", "pope", "king", "queen",
            "prince", "senator", "sen", "adviser", "advisor", "premier", "secretary", "chairman", "chairwoman", "speaker",
            "президент", "губернатор", "мер", "міністр", "министр", "очільник", "начальник", "командувач",
            "командующий", "речник", "спікер", "посол", "генерал", "полковник", "прем'єр", "премьер", "канцлер",
            "секретар", "секретарь", "пресс-секретарь", "прес-секретар", "мэр", "глава", "голова", "депутат");
    /** Verbs of speech after a person's name. */
    private static final Set<String> SPEECH = words("said", "says", "told", "wrote", "added", "stated", "claimed",
            "announced", "noted", "stressed", "warned", "urged", "confirmed", "denied", "insisted", "tweeted",
            "posted", "declared", "asserted", "explained", "replied", "вважає", "сказати", "заявити", "повідомити",
            "написати", "додати", "зазначити", "наголосити", "сказать", "заявить", "сообщить", "написать",
            "добавить", "отметить", "подчеркнуть");
    /** Particles inside a person's name ("Ursula von der Leyen", "Charles de Gaulle"). */
    private static final Set<String> PARTICLES = words("von", "van", "der", "den", "de", "da", "di", "du", "del",
            "della", "al", "el", "bin", "ibn", "le", "la", "ter", "zu");
    /** Head nouns of organisations and outlets. */
    private static final Set<String> ORGANISATION = words("ministry", "service", "services", "forces", "force", "army",
            "guard", "council", "committee", "agency", "office", "administration", "staff", "command", "navy",
            "fleet", "company", "corporation", "university", "institute", "police", "parliament", "commission",
            "union", "bank", "court", "party", "directorate", "bureau", "centre", "center", "department",
            "government", "cabinet", "organisation", "organization", "alliance", "authority", "news", "times",
            "post", "independent", "pravda", "telegraph", "journal", "herald", "tribune", "gazette", "radio",
            "television", "tv", "channel", "brigade", "battalion", "regiment", "corps", "division", "operator",
            "міністерство", "служба", "сила", "армія", "гвардія", "рада", "комітет", "агенція", "агентство",
            "офіс", "адміністрація", "штаб", "командування", "флот", "компанія", "університет", "інститут",
            "поліція", "парламент", "комісія", "союз", "банк", "суд", "партія", "управління", "бюро", "центр",
            "департамент", "уряд", "бригада", "батальйон", "полк", "корпус", "дивізія", "министерство", "армия",
            "гвардия", "совет", "комитет", "офис", "администрация", "командование", "компания", "университет",
            "институт", "полиция", "комиссия", "партия", "управление", "департамент", "правительство",
            "батальон", "дивизия");
    /** Head nouns of physical features named after places: rivers, bridges, reservoirs, dams, power plants. */
    private static final Set<String> FEATURE = words("river", "bridge", "reservoir", "dam", "canal", "lake", "sea",
            "bay", "strait", "spit", "estuary", "lagoon", "npp", "hpp", "tpp", "hydroelectric", "nuclear",
            "річка", "ріка", "міст", "водосховище", "гребля", "дамба", "канал", "озеро", "море", "затока", "коса",
            "лиман", "аес", "гес", "тес", "река", "мост", "водохранилище", "плотина", "залив", "аэс", "гэс", "тэс",
            "р");
    /** Nouns after a weapon's name ("Shahed drones", "Kalibr missiles", "ракети Х-101"). */
    private static final Set<String> WEAPON = words("drone", "drones", "missile", "missiles", "rocket", "rockets",
            "bomb", "bombs", "uav", "uavs", "launcher", "launchers", "system", "systems", "jet", "jets", "howitzer",
            "howitzers", "tank", "tanks", "type", "дрон", "ракета", "безпілотник", "беспилотник", "бпла", "бомба",
            "авіабомба", "авиабомба", "тип", "типу", "типа", "комплекс");
    /** English words that begin sentences and name nothing: a closed class (articles, pronouns, prepositions, conjunctions). */
    private static final Set<String> FUNCTION_WORDS = words("the", "a", "an", "in", "on", "at", "of", "to", "by",
            "for", "from", "with", "and", "but", "or", "as", "after", "before", "during", "overnight", "it", "he",
            "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "here", "his", "her", "their",
            "its", "our", "what", "when", "where", "who", "while", "if", "then", "also", "meanwhile", "however",
            "earlier", "later", "since", "until", "about", "according", "over", "under", "near", "outside", "around",
            "some", "many", "several", "all", "one", "two", "three", "no", "not", "yesterday", "today", "tonight");
    /** Month and weekday names in the three languages, from the JDK's locale data, as lemmas. */
    private static final Set<String> CALENDAR = calendarWords();

    private Cues() {
    }

    private static Set<String> words(String... words) {
        // The lists overlap across languages ("канал", "центр"): duplicates are fine.
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    static boolean locativeBefore(List<Token> tokens, int first) {
        return first > 0 && !tokens.get(first).sentenceStart() && any(tokens.get(first - 1), LOCATIVE);
    }

    static boolean locativeAfter(List<Token> tokens, int last) {
        return last + 1 < tokens.size() && !tokens.get(last + 1).sentenceStart()
                && (any(tokens.get(last + 1), LOCATIVE_AFTER) || regionWord(tokens.get(last + 1)) || districtWord(tokens.get(last + 1)));
    }

    static boolean title(Token token) {
        return any(token, TITLES);
    }

    static boolean speech(Token token) {
        return any(token, SPEECH);
    }

    static boolean particle(Token token) {
        return !token.capitalised() && PARTICLES.contains(token.lower());
    }

    static boolean organisationHead(Token token) {
        return any(token, ORGANISATION);
    }

    static boolean feature(Token token) {
        return any(token, FEATURE);
    }

    static boolean weapon(Token token) {
        return any(token, WEAPON);
    }

    static boolean functionWord(Token token) {
        return FUNCTION_WORDS.contains(token.lower()) || token.functionWordOnly();
    }

    static boolean calendar(Token token) {
        return any(token, CALENDAR);
    }

    /** "oblast", "region", "області", "области", "край". */
    static boolean regionWord(Token token) {
        return token.lemmas().stream().anyMatch(l -> RegionWords.isRegionWord(NameNormalizer.fold(l))
                || l.equals("область") || l.equals("регіон") || l.equals("регион") || l.equals("край"));
    }

    /** "district", "raion", "району", "района", "громада". */
    static boolean districtWord(Token token) {
        return token.lemmas().stream().anyMatch(l -> RegionWords.isDistrictWord(NameNormalizer.fold(l))
                || l.equals("район") || l.equals("громада"));
    }

    private static boolean any(Token token, Set<String> words) {
        if (words.contains(token.lower())) {
            return true;
        }
        for (String lemma : token.lemmas()) {
            if (words.contains(lemma)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> calendarWords() {
        Set<String> words = new HashSet<>();
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("uk"), Locale.forLanguageTag("ru")}) {
            for (Month month : Month.values()) {
                words.add(month.getDisplayName(TextStyle.FULL, locale).toLowerCase(locale));
                words.add(month.getDisplayName(TextStyle.FULL_STANDALONE, locale).toLowerCase(locale));
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                words.add(day.getDisplayName(TextStyle.FULL, locale).toLowerCase(locale));
                words.add(day.getDisplayName(TextStyle.FULL_STANDALONE, locale).toLowerCase(locale));
            }
        }
        return Set.copyOf(words);
    }
}
