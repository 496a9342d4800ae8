package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;
import static org.incidentmap.incident.extraction.Reports.only;

import org.junit.jupiter.api.Test;

class AtLeastTest {

    @Test
    void atLeastMakesALowerBound() {
        Candidate c = only(extract("Artillery fire on Kherson meant at least two residents lost their lives."));
        assertThat(c.killed()).isEqualTo(2);
        assertThat(c.killedAtLeast()).isTrue();
    }

    @Test
    void overAndMoreThanMakeALowerBound() {
        Extraction x = extract("Regional prosecutors set the death toll at over 2,300. "
                + "Kyiv says Russia's forces lost more than 8,400 troops.");
        assertThat(x.claims()).extracting(ExtractedClaim::killed).containsExactly(2300, 8400);
        assertThat(x.claims()).allSatisfy(c -> assertThat(c.killedAtLeast()).isTrue());
    }

    @Test
    void aPersonNounBeforeDeathTollIsNotOnePersonKilled() {
        Extraction x = extract("Regional officials put the civilian death toll at over 2,300, including 40 children.");
        assertThat(x.claims()).extracting(ExtractedClaim::killed).containsExactly(2300);
        assertThat(x.claims().get(0).killedAtLeast()).isTrue();
    }

    @Test
    void nearlyIsAnApproximateFigureNotALowerBound() {
        ExtractedClaim claim = extract("The Kremlin admitted on Tuesday that nearly 700 of its troops had died.")
                .claims().get(0);
        assertThat(claim.killed()).isEqualTo(700);
        assertThat(claim.killedAtLeast()).isFalse();
    }

    @Test
    void almostIsApproximateAndJustOverIsALowerBound() {
        ExtractedClaim claim = extract("Since the start of the war almost 12,500 civilians were killed and just over "
                + "31,000 injured, UN monitors reported.").claims().get(0);
        assertThat(claim.killed()).isEqualTo(12500);
        assertThat(claim.killedAtLeast()).isFalse();
        assertThat(claim.injured()).isEqualTo(31000);
        assertThat(claim.injuredAtLeast()).isTrue();
    }

    @Test
    void aPlainFigureIsExact() {
        Candidate c = only(extract("Russian drones killed three people in Odesa."));
        assertThat(c.killed()).isEqualTo(3);
        assertThat(c.killedAtLeast()).isFalse();
    }
}
