package org.incidentmap.incident.extraction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
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

    /** An optional year after a day and month: "8 March 2025", "March 8, 2025", "8 лютого 2025 року". */
    private static final String YEAR = "(?:,?\\s+((?:19|20)\\d{2})(?!\\d))?";
    private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october"
            + "|november|december)";
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? " + MONTH + "\\b" + YEAR);
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?\\b" + YEAR);
    private static final Pattern LAST_WEEKDAY = Pattern.compile("\\blast " + WEEKDAY + "\\b");
    private static final Pattern WEEKDAY_WORD = Pattern.compile("\\b" + WEEKDAY + "\\b");
    private static final Pattern YESTERDAY = Pattern.compile("\\byesterday\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(today|this morning|overnight|last night|tonight|"
            + "earlier on|this afternoon|this evening)\\b");

    /** Ukrainian and Russian month names in the genitive, as dates write them ("8 лютого", "8 февраля"). */
    private static final Map<String, Month> SLAVIC_MONTHS = slavicMonths();
    private static final Pattern SLAVIC_DAY_MONTH = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})\\s+("
            + String.join("|", SLAVIC_MONTHS.keySet()) + ")(?!\\p{L})" + YEAR);
    /** "у неділю", "в ніч на неділю", "в воскресенье", "в ночь на субботу": the latest such day. */
    private static final Map<String, DayOfWeek> SLAVIC_WEEKDAYS = Map.ofEntries(
            Map.entry("понеділок", DayOfWeek.MONDAY), Map.entry("вівторок", DayOfWeek.TUESDAY),
            Map.entry("середу", DayOfWeek.WEDNESDAY), Map.entry("четвер", DayOfWeek.THURSDAY),
            Map.entry("п'ятницю", DayOfWeek.FRIDAY), Map.entry("суботу", DayOfWeek.SATURDAY),
            Map.entry("неділю", DayOfWeek.SUNDAY), Map.entry("понедельник", DayOfWeek.MONDAY),
            Map.entry("вторник", DayOfWeek.TUESDAY), Map.entry("среду", DayOfWeek.WEDNESDAY),
            Map.entry("четверг", DayOfWeek.THURSDAY), Map.entry("пятницу", DayOfWeek.FRIDAY),
            Map.entry("субботу", DayOfWeek.SATURDAY), Map.entry("воскресенье", DayOfWeek.SUNDAY));
    private static final Pattern SLAVIC_WEEKDAY = Pattern.compile("(?<!\\p{L})(?:у|в|во)\\s+(?:ніч на\\s+|ночь на\\s+)?("
            + String.join("|", SLAVIC_WEEKDAYS.keySet()) + ")(?!\\p{L})");
    private static final Pattern SLAVIC_DAY_BEFORE_YESTERDAY = Pattern.compile("(?<!\\p{L})(?:позавчора|позавчера)(?!\\p{L})");
    private static final Pattern SLAVIC_YESTERDAY = Pattern.compile("(?<!\\p{L})(?:вчора|учора|вчера|минулого дня|"
            + "вчорашн\\p{L}*|вчерашн\\p{L}*)(?!\\p{L})");
    /**
     * The night just ended, the past day and today are the publication day, as the morning summaries date
     * them: "вночі", "цієї ночі", "минулої ночі", "минулої доби", "сьогодні", "ночью", "минувшей ночью",
     * "за минувшие сутки", "сегодня", "утром".
     */
    private static final Pattern SLAVIC_TODAY = Pattern.compile("(?<!\\p{L})(?:сьогодні|вночі|уночі|цієї ночі|"
            + "минулої ночі|минулої доби|протягом доби|за добу|вранці|зранку|сегодня|ночью|этой ночью|минувшей ночью|"
            + "прошлой ночью|минувшей ночи|за минувшие сутки|за прошедшие сутки|за сутки|утром|сегодняшн\\p{L}*|"
            + "сьогоднішн\\p{L}*)(?!\\p{L})");

    private DateResolver() {
    }

    /** The date stated in {@code text} in the report's language, if any. */
    static Optional<LocalDate> find(String text, LocalDate published, Language language) {
        return language.slavic() ? findSlavic(text, published) : find(text, published);
    }

    static boolean isSlavicMonth(String word) {
        return SLAVIC_MONTHS.containsKey(Morphology.normalised(word));
    }

    private static Optional<LocalDate> findSlavic(String text, LocalDate published) {
        String t = Morphology.normalised(text);
        Matcher m = SLAVIC_DAY_MONTH.matcher(t);
        if (m.find()) {
            return Optional.of(dated(published, SLAVIC_MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)), m.group(3)));
        }
        m = SLAVIC_WEEKDAY.matcher(t);
        if (m.find()) {
            return Optional.of(published.with(TemporalAdjusters.previousOrSame(SLAVIC_WEEKDAYS.get(m.group(1)))));
        }
        if (SLAVIC_DAY_BEFORE_YESTERDAY.matcher(t).find()) {
            return Optional.of(published.minusDays(2));
        }
        if (SLAVIC_YESTERDAY.matcher(t).find()) {
            return Optional.of(published.minusDays(1));
        }
        if (SLAVIC_TODAY.matcher(t).find()) {
            return Optional.of(published);
        }
        return Optional.empty();
    }

    private static Map<String, Month> slavicMonths() {
        String[] uk = {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
            "жовтня", "листопада", "грудня"};
        String[] ru = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
            "октября", "ноября", "декабря"};
        Map<String, Month> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            out.put(uk[i], Month.of(i + 1));
            out.put(ru[i], Month.of(i + 1));
        }
        return Map.copyOf(out);
    }

    /** The date stated in English {@code text}, if any. */
    static Optional<LocalDate> find(String text, LocalDate published) {
        String t = text.toLowerCase(Locale.ROOT);
        Matcher m = DAY_MONTH.matcher(t);
        if (m.find()) {
            return Optional.of(dated(published, month(m.group(2)), Integer.parseInt(m.group(1)), m.group(3)));
        }
        m = MONTH_DAY.matcher(t);
        if (m.find()) {
            return Optional.of(dated(published, month(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
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

    /**
     * The day of a stated day and month: in the stated year when the text gives one, otherwise the latest
     * such day on or before publication.
     */
    private static LocalDate dated(LocalDate published, Month month, int day, String year) {
        if (year != null) {
            int y = Integer.parseInt(year);
            return LocalDate.of(y, month, Math.min(day, month.length(Year.isLeap(y))));
        }
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
