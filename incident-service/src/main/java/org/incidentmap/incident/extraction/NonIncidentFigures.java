package org.incidentmap.incident.extraction;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wording that marks figures as something other than one incident at one place: totals over a war, a
 * year or a week, and counts of drones or missiles a side says it downed.
 */
final class NonIncidentFigures {

    private static final String COUNT = "\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            + "twelve|[a-z]+ty(?:-[a-z]+)?|dozens|hundreds|all";
    private static final Pattern AGGREGATE = Pattern.compile("\\b(?:since (?:the )?(?:start|beginning|outbreak|"
            + "onset) of|since (?:february |feb\\.? )?(?:2014|2022)|since (?:the |russia’s |russia's )?"
            + "(?:full-scale )?invasion|since the war (?:began|started)|war-long|in total|overall|"
            + "so far this (?:year|month|week)|this year|last year|since january|over the past (?:week|month|"
            + "year|\\w+ (?:weeks|months|years))|in the past (?:week|month|year|\\w+ (?:weeks|months|years))|"
            + "(?:civilian )?death toll (?:in ukraine|of the war|across)|civilian casualties|across the country|"
            + "across ukraine|nationwide|cumulative|a total of|throughout the war|during the war|"
            + "since (?:the start of )?(?:the )?(?:month|year)|since (?:the |its )?(?:liberation|de-occupation|"
            + "occupation|annexation|counteroffensive)|since (?:january|february|march|april|may|june|july|august|"
            + "september|october|november|december)? ?(?:19|20)\\d\\d)\\b");
    private static final Pattern INTERCEPTION = Pattern.compile("\\b(?:shot down|downed|intercepted|"
            + "intercepting|neutrali[sz]ed|neutrali[sz]ing|destroyed|destroying|repelled|shooting down|"
            + "eliminated|eliminating)\\b[^.;]{0,40}?((?:" + COUNT + ") (?:of (?:the )?\\d[\\d,]* )?"
            + "(?:[a-z]+ ){0,2}(?:drones?|missiles?|uavs?|shaheds?|tanks?|aircraft|helicopters?|"
            + "armou?red vehicles?|artillery systems?|boats?|vessels?|bombs?|rockets?))");
    private static final Pattern COUNTED_MACHINES = Pattern.compile("\\b(" + COUNT + ") (?:[a-z]+ ){0,2}"
            + "(?:drones?|missiles?|uavs?|shaheds?) (?:were|was|had been|have been) (?:shot down|downed|"
            + "intercepted|neutrali[sz]ed|destroyed)\\b");

    /** Ukrainian and Russian: "з початку повномасштабного вторгнення", "с начала года", "по всій Україні". */
    private static final Pattern SLAVIC_AGGREGATE = Pattern.compile("(?<!\\p{L})(?:з початку|від початку|"
            + "с начала|с момента|за весь час|за весь период|за час війни|за время войны|від 24 лютого|"
            + "с 24 февраля|з 2014|с 2014|з 2022|с 2022|по всій україні|по всей украине|по всій країні|"
            + "по стране|за минулий тиждень|за тиждень|за прошлую неделю|за неделю|за місяць|за месяц|"
            + "за рік|за год|з початку року|с начала года|у всіх регіонах|всего с|загалом з|"
            + "загальн\\p{L}* кількість|общее число|втрати (?:ворога|противника|окупантів)|"
            + "потери (?:противника|врага|всу))");
    /** "збили 40 з 48 дронів", "сбиты 61 беспилотник", "знешкоджено 84 ударних БпЛА". */
    private static final Pattern SLAVIC_INTERCEPTION = Pattern.compile("(?<!\\p{L})(?:збил|збито|збиті|збит|"
            + "знешкодж|знешкодил|подавлен|приземлен|сбил|сбит|уничтож|знищен|знищил|перехвач|перехоплен|"
            + "нейтрализ|локаційно втрачен|локационно потерян)\\p{L}*[^.;]{0,60}?(\\d[\\d,]*(?:\\s+(?:з|із|из)\\s+"
            + "\\d[\\d,]*)?\\s+(?:\\p{L}+\\s+){0,2}?(?:дрон|безпілотн|беспилотн|бпла|шахед|ракет|крилат|крылат|"
            + "каб|бомб|бпла|uav|снаряд)\\p{L}*)");
    private static final Pattern SLAVIC_COUNTED_MACHINES = Pattern.compile("(?<!\\p{L})(\\d[\\d,]*\\s+"
            + "(?:\\p{L}+\\s+){0,2}?(?:дрон|безпілотн|беспилотн|бпла|шахед|ракет)\\p{L}*\\s+(?:було\\s+|были\\s+)?"
            + "(?:збит|знешкодж|сбит|уничтож|перехвач|подавлен)\\p{L}*)");

    private NonIncidentFigures() {
    }

    static boolean isAggregate(String sentence) {
        String t = sentence.toLowerCase(Locale.ROOT);
        return AGGREGATE.matcher(t).find() || SLAVIC_AGGREGATE.matcher(t).find();
    }

    /** The counted equipment ("309 Ukrainian drones") when the clause reports interceptions, else null. */
    static String interceptedFigure(String clause) {
        String t = clause.toLowerCase(Locale.ROOT);
        Matcher m = INTERCEPTION.matcher(t);
        if (m.find()) {
            return clause.substring(m.start(1), m.end(1));
        }
        m = COUNTED_MACHINES.matcher(t);
        if (m.find()) {
            return clause.substring(m.start(), m.end());
        }
        for (Pattern p : new Pattern[] {SLAVIC_INTERCEPTION, SLAVIC_COUNTED_MACHINES}) {
            m = p.matcher(t);
            if (m.find()) {
                return clause.substring(m.start(1), m.end(1));
            }
        }
        return null;
    }
}
