package org.incidentmap.incident.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Rejects dates in the future. */
public final class Dates {

    /** Clocks of the machines that send reports disagree by a little. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private Dates() {
    }

    /** A calendar date is in the future only when it is after tomorrow in UTC: places east of UTC are ahead. */
    public static boolean isFuture(LocalDate date, Clock clock) {
        return date != null && date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
    }

    public static boolean isFuture(OffsetDateTime time, Clock clock) {
        return time != null && time.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW));
    }
}
