package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;
import static org.incidentmap.incident.extraction.Reports.only;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The reports are published on Monday 1 December 2025. */
class DatesTest {

    @Test
    void overnightIntoSundayIsThatSunday() {
        Candidate c = only(extract("Drones pounded Odesa overnight into Sunday, killing two people."));
        assertThat(c.occurredOn()).isEqualTo(LocalDate.of(2025, 11, 30));
        assertThat(c.timePrecision()).isEqualTo(1);
    }

    @Test
    void onSaturdayIsTheLastSaturdayBeforePublication() {
        Candidate c = only(extract("On Saturday a missile killed one person in Dnipro."));
        assertThat(c.occurredOn()).isEqualTo(LocalDate.of(2025, 11, 29));
    }

    @Test
    void aBareWeekdayAndAPossessiveWeekdayResolveTheSameWay() {
        assertThat(only(extract("Shelling injured four people in Kherson Thursday.")).occurredOn())
                .isEqualTo(LocalDate.of(2025, 11, 27));
        assertThat(only(extract("Saturday's shelling of Donetsk caused two deaths.")).occurredOn())
                .isEqualTo(LocalDate.of(2025, 11, 29));
    }

    @Test
    void yesterdayIsTheDayBeforePublication() {
        assertThat(only(extract("A glide bomb killed three people in Kramatorsk yesterday.")).occurredOn())
                .isEqualTo(LocalDate.of(2025, 11, 30));
    }

    @Test
    void lastFridayAndAnExplicitDate() {
        assertThat(only(extract("A drone injured two in Sumy last Friday.")).occurredOn())
                .isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(only(extract("On 14 November a missile killed five in Ternopil.")).occurredOn())
                .isEqualTo(LocalDate.of(2025, 11, 14));
    }

    @Test
    void aStatedYearIsKeptEvenWhenItIsNotThePublicationYear() {
        LocalDate published = LocalDate.of(2024, 1, 1);
        assertThat(DateResolver.find("on 8 march 2025 a drone hit the town", published))
                .contains(LocalDate.of(2025, 3, 8));
        assertThat(DateResolver.find("on March 8, 2023, shelling hit the town", published))
                .contains(LocalDate.of(2023, 3, 8));
        assertThat(DateResolver.find("8 лютого 2025 року дрон атакував місто", published, Language.UK))
                .contains(LocalDate.of(2025, 2, 8));
        assertThat(DateResolver.find("8 февраля 2025 года беспилотник атаковал город", published, Language.RU))
                .contains(LocalDate.of(2025, 2, 8));
        assertThat(DateResolver.find("29 february 2024 a missile struck", published)).contains(LocalDate.of(2024, 2, 29));
    }

    @Test
    void withoutAYearADayAndMonthIsTheLatestBeforePublication() {
        LocalDate published = LocalDate.of(2025, 1, 10);
        assertThat(DateResolver.find("on 28 december a missile struck", published)).contains(LocalDate.of(2024, 12, 28));
        assertThat(DateResolver.find("28 грудня ракета влучила", published, Language.UK))
                .contains(LocalDate.of(2024, 12, 28));
        // a figure after the day and month is no year
        assertThat(DateResolver.find("on 5 january 300 drones were launched", published))
                .contains(LocalDate.of(2025, 1, 5));
    }

    @Test
    void aDateInAnEarlierSentenceCarriesForward() {
        Candidate c = only(extract("Russia attacked the Kyiv area overnight into Sunday. In Vyshhorod a drone hit "
                + "a house, killing one person and injuring 18."));
        assertThat(c.place().name()).isEqualTo("Vyshhorod");
        assertThat(c.occurredOn()).isEqualTo(LocalDate.of(2025, 11, 30));
    }

    @Test
    void withoutADateTheReportDayIsUsedWithWeekPrecision() {
        Candidate c = only(extract("A missile killed two people in Zaporizhzhia."));
        assertThat(c.occurredOn()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(c.timePrecision()).isEqualTo(2);
    }

    @Test
    void relativeDatesCountInKyivTime() {
        ReportExtractor extractor = new ReportExtractor(new FixedMentionResolver());
        // 23:30 UTC on 30 November is already 1 December in Kyiv
        Extraction x = extractor.extract(Report.of("A drone killed one person in Odesa yesterday.",
                java.time.Instant.parse("2025-11-30T23:30:00Z")));
        assertThat(only(x).occurredOn()).isEqualTo(LocalDate.of(2025, 11, 30));
    }
}
