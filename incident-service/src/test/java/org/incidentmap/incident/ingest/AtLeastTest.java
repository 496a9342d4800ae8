package org.incidentmap.incident.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.ingest.Reports.extract;
import static org.incidentmap.incident.ingest.Reports.only;

import org.junit.jupiter.api.Test;

class AtLeastTest {

    @Test
    void atLeastMakesALowerBound() {
        Candidate c = only(extract("In Kherson, at least two civilians lost their lives in shelling."));
        assertThat(c.killed()).isEqualTo(2);
        assertThat(c.killedAtLeast()).isTrue();
    }

    @Test
    void overAndMoreThanMakeALowerBound() {
        Extraction x = extract("Ukrainian officials put the civilian death toll at over 2,000. "
                + "Kyiv says Russia's forces lost more than 9,000 troops.");
        assertThat(x.claims()).extracting(Claim::killed).containsExactly(2000, 9000);
        assertThat(x.claims()).allSatisfy(c -> assertThat(c.killedAtLeast()).isTrue());
    }

    @Test
    void nearlyIsAnApproximateFigureNotALowerBound() {
        Claim claim = extract("Moscow confirmed losses on Wednesday, saying nearly 500 of its troops had died.")
                .claims().get(0);
        assertThat(claim.killed()).isEqualTo(500);
        assertThat(claim.killedAtLeast()).isFalse();
    }

    @Test
    void almostIsApproximateAndJustOverIsALowerBound() {
        Claim claim = extract("Almost 15,000 civilians have been killed and just over 40,000 injured since the "
                + "start of the war, according to UN monitors.").claims().get(0);
        assertThat(claim.killed()).isEqualTo(15000);
        assertThat(claim.killedAtLeast()).isFalse();
        assertThat(claim.injured()).isEqualTo(40000);
        assertThat(claim.injuredAtLeast()).isTrue();
    }

    @Test
    void aPlainFigureIsExact() {
        Candidate c = only(extract("Russian drones killed three people in Odesa."));
        assertThat(c.killed()).isEqualTo(3);
        assertThat(c.killedAtLeast()).isFalse();
    }
}
