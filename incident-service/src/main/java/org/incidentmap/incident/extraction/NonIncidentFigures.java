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

    private NonIncidentFigures() {
    }

    static boolean isAggregate(String sentence) {
        return AGGREGATE.matcher(sentence.toLowerCase(Locale.ROOT)).find();
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
        return null;
    }
}
