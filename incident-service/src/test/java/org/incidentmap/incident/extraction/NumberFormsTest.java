package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;
import static org.incidentmap.incident.extraction.Reports.only;

import org.junit.jupiter.api.Test;

class NumberFormsTest {

    @Test
    void digitsWithThousandsSeparatorsAreOneNumber() {
        ExtractedClaim claim = extract("Officials said 1,250 civilians have been killed in Ukraine since the start of the war.")
                .claims().get(0);
        assertThat(claim.killed()).isEqualTo(1250);
    }

    @Test
    void numberWordsCountPeople() {
        Candidate c = only(extract("Sumy authorities counted one fatality and eighteen injuries after the drone raid."));
        assertThat(c.killed()).isEqualTo(1);
        assertThat(c.injured()).isEqualTo(18);
    }

    @Test
    void compoundNumberWordsAreAdded() {
        Candidate c = only(extract("A missile strike on Poltava injured twenty-three people on Friday."));
        assertThat(c.injured()).isEqualTo(23);
    }

    @Test
    void aDozenIsTwelve() {
        Candidate c = only(extract("A dozen people were wounded when shells hit Nikopol."));
        assertThat(c.injured()).isEqualTo(12);
    }

    @Test
    void aSinglePersonCountsAsOneIncludingWithAnAge() {
        assertThat(only(extract("A woman was killed by Russian shelling in Kherson.")).killed()).isEqualTo(1);
        assertThat(only(extract("A 58-year-old man was killed when a drone hit his car in Beryslav.")).killed())
                .isEqualTo(1);
    }

    @Test
    void countsAfterIncludingAreNotAddedToTheTotal() {
        Candidate c = only(extract("Eleven people, including three children, were injured in Zaporizhzhia."));
        assertThat(c.injured()).isEqualTo(11);
    }

    @Test
    void measurementsOrdinalsAndYearsAreNotCasualties() {
        Extraction x = extract("On day 1,200 of the war, a nine-storey block in Dnipro was hit, and a 1,000-kilometre "
                + "front line held. In 2024 fewer were hurt.");
        assertThat(x.candidates()).allSatisfy(c -> {
            assertThat(c.killed()).isNull();
            assertThat(c.injured()).isNull();
        });
        assertThat(x.claims()).allSatisfy(c -> assertThat(c.killed()).isNull());
    }

    @Test
    void spansOfTimeAreNotPeople() {
        Candidate c = only(extract("In the Kherson region, Russian attacks over the past 24 hours killed four people."));
        assertThat(c.killed()).isEqualTo(4);
    }
}
