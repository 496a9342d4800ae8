package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;

import org.junit.jupiter.api.Test;

class TotalsKeptAsClaimsTest {

    @Test
    void aWarLongTotalIsAClaimWithItsClaimant() {
        Extraction x = extract("The war has cost nearly 13,800 civilian lives since the start of the invasion, "
                + "according to the UN monitoring mission.");
        assertThat(x.candidates()).isEmpty();
        ExtractedClaim c = x.claims().get(0);
        assertThat(c.kind()).isEqualTo(ClaimKind.AGGREGATE_TOTAL);
        assertThat(c.claimant()).isEqualTo("the UN monitoring mission");
        assertThat(c.killed()).isEqualTo(13800);
    }

    @Test
    void aTotalForOnePlaceOverTheWarIsStillNotAnIncident() {
        Extraction x = extract("Regional officials say more than 300 civilians in Kherson have been killed since "
                + "the full-scale invasion.");
        assertThat(x.candidates()).isEmpty();
        assertThat(x.claims()).extracting(ExtractedClaim::kind).containsExactly(ClaimKind.AGGREGATE_TOTAL);
    }

    @Test
    void aWeeklyTotalIsAClaim() {
        Extraction x = extract("Russian strikes killed 43 people in the Donetsk region in the past week, the "
                + "governor said.");
        assertThat(x.candidates()).isEmpty();
        assertThat(x.claims()).extracting(ExtractedClaim::kind).containsExactly(ClaimKind.AGGREGATE_TOTAL);
    }

    @Test
    void aMinistrysClaimOfEnemyLossesIsAClaim() {
        Extraction x = extract("Russia's defence ministry said Ukraine had lost more than 1,300 soldiers over the "
                + "past day near Pokrovsk.");
        assertThat(x.candidates()).isEmpty();
        ExtractedClaim c = x.claims().get(0);
        assertThat(c.kind()).isEqualTo(ClaimKind.MILITARY_LOSSES);
        assertThat(c.claimant()).isEqualTo("Russia's defence ministry");
        assertThat(c.killed()).isEqualTo(1300);
    }

    @Test
    void dronesShotDownAreAClaimNotAMarker() {
        Extraction x = extract("The air force said it shot down 74 of 90 Russian drones over Kyiv overnight.");
        assertThat(x.candidates()).isEmpty();
        assertThat(x.claims()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ClaimKind.INTERCEPTIONS);
            assertThat(c.figure()).isEqualTo("74 of 90 Russian drones");
            assertThat(c.claimant()).isEqualTo("The air force");
        });
    }

    @Test
    void aCityTotalSinceItsLiberationDoesNotJoinTheIncidentBeforeIt() {
        Extraction x = extract("Shelling wounded two people in Kherson on Thursday. Officials say over 600 residents "
                + "have been killed in the city since the liberation in November 2022.");
        assertThat(Reports.only(x).killed()).isNull();
        assertThat(x.claims()).extracting(ExtractedClaim::kind, ExtractedClaim::killed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ClaimKind.AGGREGATE_TOTAL, 600));
    }
}
