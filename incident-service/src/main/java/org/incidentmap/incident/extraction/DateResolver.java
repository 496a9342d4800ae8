package org.incidentmap.incident.extraction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the date words of a clause against the report's publication date. A weekday means its most
 * recent occurrence on or before publication ("on Saturday", "Saturday's attacks", "overnight into
 * Sunday"); "last Friday" is the one before that when the report appears on a Friday. "Overnight" and
 * "last night" are dated to the morning the night ended, i.e. the publication day, as the overnight
 * attack summaries do.
 */
final class DateResolver {

    private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october"
            + "|november|december)";
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? " + MONTH + "\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern LAST_WEEKDAY = Pattern.compile("\\blast " + WEEKDAY + "\\b");
    private static final Pattern WEEKDAY_WORD = Pattern.compile("\\b" + WEEKDAY + "\\b");
    private static final Pattern YESTERDAY = Pattern.compile("\\byesterday\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(today|this morning|overnight|last night|tonight|"
            + "earlier on|this afternoon|this evening)\\b");

    private DateResolver() {
    }

    /** The date stated in {@code text}, if any. */
    static Optional<LocalDate> find(String text, LocalDate published) {
        String t = text.toLowerCase(Locale.ROOT);
        Matcher m = DAY_MONTH.matcher(t);
        if (m.find()) {
            return Optional.of(inPublishedYear(published, month(m.group(2)), Integer.parseInt(m.group(1))));
        }
        m = MONTH_DAY.matcher(t);
        if (m.find()) {
            return Optional.of(inPublishedYear(published, month(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = LAST_WEEKDAY.matcher(t);
        if (m.find()) {
            return Optional.of(published.with(TemporalAdjusters.previous(weekday(m.group(1)))));
        }
        m = WEEKDAY_WORD.matcher(t);
        if (m.find()) {
            return Optional.of(published.with(TemporalAdjusters.previousOrSame(weekday(m.group(1)))));
        }
        if (YESTERDAY.matcher(t).find()) {
            return Optional.of(published.minusDays(1));
        }
        if (TODAY.matcher(t).find()) {
            return Optional.of(published);
        }
        return Optional.empty();
    }

    private static LocalDate inPublishedYear(LocalDate published, Month month, int day) {
        LocalDate d = LocalDate.of(published.getYear(), month, Math.min(day, month.length(published.isLeapYear())));
        return d.isAfter(published) ? d.minusYears(1) : d;
    }

    private static Month month(String name) {
        return Month.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static DayOfWeek weekday(String name) {
        return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    }

}
