package org.incidentmap.incident.extraction;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who a figure is attributed to: "according to X", "X said", ", X said.", "за даними X",
 * "повідомив X", "по данным X", a post's signature ("Іван Федоров, начальник Запорізької ОВА") and the
 * like. A claimant is always a named body or person: a phrase that names an office ("the defence
 * ministry", "the regional governor", "ДСНС", "Запорізька ОВА") or a proper name; anything else a
 * pattern catches ("Other significant losses were") is a sentence fragment and is dropped. When no
 * attribution wording is found, a named body in the sentence stands as the claimant ("figures from the
 * Ministry of Defence show ...").
 */
final class ClaimantFinder {

    private static final String SAY = "(?:said|says|say|reported|reports|claimed|claims|stated|confirmed|"
            + "announced|put|puts|set|sets|estimated|estimates|boasted|told|added|wrote|insisted|counted|recorded|"
            + "admitted|admits|acknowledged|acknowledges|tallied|documented|verified)";
    private static final Pattern ACCORDING_TO = Pattern.compile(
            "according to ((?:the )?[\\p{L}’'.\\- ]{2,80}?)(?=[,.;:]|$| on | in | as | who | which )");
    private static final Pattern TRAILING = Pattern.compile(",\\s*((?:the |a |an )?[\\p{L}’'.\\- ]{2,60}?)\\s+"
            + SAY + "\\b[^,]{0,40}[.;]?\\s*$");
    private static final Pattern TRAILING_INVERTED = Pattern.compile(",\\s*" + SAY
            + "\\s+((?:the |a |an )?[\\p{L}’'.\\- ]{2,60}?)\\s*[.;]?\\s*$");
    private static final Pattern LEADING = Pattern.compile("^\\s*(?:(?:but|and|while|meanwhile|however),?\\s+)?"
            + "((?:the |a |an )?[\\p{L}’'.\\- ]{2,70}?)\\s+(?:(?:on|late on|early on) \\p{L}+\\s+)?" + SAY + "\\b");
    /** Words that make a phrase the name of an office, a body or its holder. */
    private static final Pattern BODY_WORD = Pattern.compile("(?i)\\b(?:ministry|ministries|minister|staff|governor|"
            + "service|administration|mayor|police|office|mission|military|army|forces|force|command|authorities|"
            + "officials|official|prosecutors?|president|head|chief|spokesperson|spokesman|spokeswoman|council|"
            + "agency|hrmmu|un|ses|emergency|ombudsman|commissioner|commander|government|kremlin|department|"
            + "rescuers|prosecutor's|administrator|legislature|monitors|monitoring|observers|kyiv independent|"
            + "reuters|ap|afp|tass|ria|interfax|ukrinform|suspilne|governor's|mayor's|city|oblast|regional)\\b");
    /** The same offices and bodies in Ukrainian and Russian, by stem. */
    private static final Pattern SLAVIC_BODY = Pattern.compile("(?iu)(?<!\\p{L})(?:дснс|гсчс|мчс|ова|ода|"
            + "військов\\p{L}* адміністрац|военн\\p{L}* администрац|генштаб|генеральн\\p{L}* штаб|міноборони|"
            + "минобороны|мо рф|міністерств|министерств|повітрян\\p{L}* сил|воздушн\\p{L}* сил|поліці|полици|"
            + "прокуратур|губернатор|мер(?!\\p{L})|міськ\\p{L}* голов|глав|начальник|голов|очільник|оон|"
            + "моніторингов\\p{L}* місі|мониторингов\\p{L}* мисси|штаб|мвс|мвд|офіс|управлін|служб|рятувальник|"
            + "спасател|оперативн\\p{L}* штаб|адміністрац|администрац|влад|власт|сил оборони|угрупован|"
            + "командуван|омбудсман|уповноважен|уполномочен)");
    private static final Pattern SLAVIC_ATTRIBUTION = Pattern.compile("(?iu)(?<!\\p{L})(?:за даними|за словами|"
            + "за інформацією|як повідомляє|як повідомили (?:в|у)|повідомили (?:в|у)|повідомив|повідомила|повідомили|"
            + "заявив|заявила|зазначив|зазначила|написав|написала|по данным|по словам|по информации|как сообщает|"
            + "как сообщили (?:в|во)|сообщили (?:в|во)|сообщил|сообщила|заявил|заявила|написал|написала)\\s+"
            + "((?:\\p{L}[\\p{L}'’ʼ.\\-]*\\s*){1,7}?)(?=[,.;:!—–]|$|\\s(?:що|что|про|о|об)\\s)");
    /** "Іван Федоров, начальник Запорізької ОВА": a post signed by its author. */
    private static final Pattern SLAVIC_SIGNATURE = Pattern.compile("(?u)(\\p{Lu}[\\p{L}'’ʼ]+\\s+\\p{Lu}[\\p{L}'’ʼ]+)"
            + ",\\s+(?:начальник|голова|глава|губернатор|мер|міський голова|керівник|очільник|руководитель|"
            + "речник|пресс-секретар|командувач|командующий)");
    /** "Глава Одесской ОВА Олег Кипер сообщил", "губернатор Вячеслав Гладков": the named holder of an office. */
    private static final Pattern SLAVIC_TITLED = Pattern.compile("(?iu)(?<!\\p{L})(?:начальник|голова|глава|"
            + "губернатор|очільник|мер|керівник|руководитель)\\s+(?:\\p{L}+\\s+){0,3}?(?:ова|ода|області|области|"
            + "міста|города|адміністрації|администрации|округу|округа|громади)?\\s*"
            + "((?-i)\\p{Lu}[\\p{L}'’ʼ]+\\s+\\p{Lu}[\\p{L}'’ʼ]+)");
    /** A named body standing alone in English: "figures from the Russian defence ministry", "the SES". */
    private static final Pattern ENGLISH_BODY = Pattern.compile("(?i)\\b((?:(?:russia|ukraine)['’]s |the (?:russian|"
            + "ukrainian) )?(?:defen[cs]e ministry|ministry of defen[cs]e|general staff|state emergency service|"
            + "emergency service|ses|hrmmu|un human rights monitoring mission|un human rights office|"
            + "oblast military administration|regional military administration|military administration|"
            + "regional governor|governor|prosecutor(?:'s|’s)? office|national police|interior ministry|"
            + "health ministry|air force))\\b");
    private static final Set<String> ADVERBS = Set.of("finally", "also", "now", "later", "earlier", "separately",
            "meanwhile", "previously", "already", "then");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final int MAX_WORDS = 10;

    private ClaimantFinder() {
    }

    static String find(String clause, Language language) {
        return language.slavic() ? findSlavic(clause) : find(clause);
    }

    static String find(String clause) {
        for (Pattern p : new Pattern[] {ACCORDING_TO, TRAILING, TRAILING_INVERTED, LEADING}) {
            Matcher m = p.matcher(clause);
            if (m.find()) {
                String who = tidy(m.group(1));
                if (who != null && named(who)) {
                    return who;
                }
            }
        }
        Matcher body = ENGLISH_BODY.matcher(clause);
        return body.find() ? body.group(1) : null;
    }

    private static String findSlavic(String clause) {
        Matcher m = SLAVIC_SIGNATURE.matcher(clause);
        if (m.find()) {
            return m.group(1);
        }
        m = SLAVIC_TITLED.matcher(clause);
        if (m.find()) {
            return m.group(1);
        }
        m = SLAVIC_ATTRIBUTION.matcher(clause);
        while (m.find()) {
            String who = m.group(1).strip();
            if (SLAVIC_BODY.matcher(who).find() || properName(who)) {
                return who;
            }
        }
        m = Pattern.compile("(?u)#(дснс|гсчс|мчс)(?!\\p{L})", Pattern.CASE_INSENSITIVE).matcher(clause);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    /** An office, a body or its holder ("the regional governor"), or a proper name ("Oleh Syniehubov"). */
    private static boolean named(String who) {
        return BODY_WORD.matcher(who).find() || properName(who);
    }

    private static boolean properName(String who) {
        String[] words = who.strip().split("\\s+");
        int names = 0;
        for (String w : words) {
            if (ARTICLES.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!Character.isUpperCase(w.charAt(0))) {
                return false;
            }
            names++;
        }
        return names > 0 && names <= 4;
    }

    private static String tidy(String raw) {
        String[] words = raw.trim().split("\\s+");
        int end = words.length;
        while (end > 0 && ADVERBS.contains(words[end - 1].toLowerCase(Locale.ROOT))) {
            end--;
        }
        if (end == 0 || end > MAX_WORDS) {
            return null;
        }
        String who = String.join(" ", Arrays.copyOf(words, end));
        String lower = who.toLowerCase(Locale.ROOT);
        if (lower.matches("(?:it|this|that|there|he|she|they|we)") || Character.isDigit(who.charAt(0))) {
            return null;
        }
        return who;
    }
}
