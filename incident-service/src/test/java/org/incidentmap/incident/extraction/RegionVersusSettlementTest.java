package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;
import static org.incidentmap.incident.extraction.Reports.only;

import org.junit.jupiter.api.Test;

class RegionVersusSettlementTest {

    @Test
    void aNamedRegionGetsRegionPrecision() {
        Candidate c = only(extract("Two drivers died in Russia's Belgorod region when a Ukrainian drone hit their lorry."));
        assertThat(c.place().precision()).isEqualTo(GeoPrecision.REGION);
        assertThat(c.place().country()).isEqualTo("RU");
        assertThat(c.place().mention().regionHint()).isTrue();
        assertThat(c.place().mention().countryHint()).isEqualTo("RU");
    }

    @Test
    void theSameNameAloneIsTheCity() {
        Candidate c = only(extract("A Ukrainian drone strike killed two people in Belgorod."));
        assertThat(c.place().precision()).isEqualTo(GeoPrecision.SETTLEMENT);
        assertThat(c.place().lat()).isCloseTo(50.60, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void oblastWrittenAsPartOfTheNameIsARegion() {
        Candidate c = only(extract("Shelling wounded four people in Kharkiv Oblast on Friday."));
        assertThat(c.place().precision()).isEqualTo(GeoPrecision.REGION);
        assertThat(c.place().mention().text()).isEqualTo("Kharkiv");
    }

    @Test
    void aTownInsideTheRegionItNamesIsTheIncidentPlace() {
        Candidate c = only(extract("In the Donetsk region, a glide bomb killed three people in Kostiantynivka."));
        assertThat(c.place().name()).isEqualTo("Kostiantynivka");
        assertThat(c.place().precision()).isEqualTo(GeoPrecision.SETTLEMENT);
    }

    @Test
    void aCountryIsNeverAnIncidentPlace() {
        Extraction x = extract("Russian strikes killed four civilians in Ukraine.");
        assertThat(x.candidates()).isEmpty();
        assertThat(x.claims()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ClaimKind.UNPLACED));
    }

    @Test
    void aRegionalOfficialSpeaksForTheRegion() {
        Candidate c = only(extract("The Kherson regional governor said two people were wounded by shelling."));
        assertThat(c.place().precision()).isEqualTo(GeoPrecision.REGION);
        assertThat(c.injured()).isEqualTo(2);
    }

    @Test
    void aPluralRegionWordCoversEveryNameBeforeIt() {
        Extraction x = extract("Missiles hit energy infrastructure in the Zhytomyr and Rivne regions overnight.");
        assertThat(x.candidates()).extracting(c -> c.place().name(), c -> c.place().precision())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Zhytomyr", GeoPrecision.REGION),
                        org.assertj.core.groups.Tuple.tuple("Rivne", GeoPrecision.REGION));
    }
}
