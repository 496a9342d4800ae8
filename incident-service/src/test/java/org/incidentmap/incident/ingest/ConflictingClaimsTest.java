package org.incidentmap.incident.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.ingest.Reports.extract;
import static org.incidentmap.incident.ingest.Reports.only;

import org.junit.jupiter.api.Test;

class ConflictingClaimsTest {

    @Test
    void twoPartiesTotalsAreBothKeptWithTheirClaimants() {
        Extraction x = extract("The UN human rights office said 249 civilians had been killed. Ukrainian officials "
                + "put the civilian death toll at over 2,000.");
        assertThat(x.claims()).extracting(Claim::claimant, Claim::killed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("The UN human rights office", 249),
                        org.assertj.core.groups.Tuple.tuple("Ukrainian officials", 2000));
    }

    @Test
    void eachSideOfASentenceKeepsItsOwnLossFigure() {
        Extraction x = extract("Russia confirmed on Wednesday that nearly 500 of its troops had died, but "
                + "Zelenskyy says Russian forces lost more than 9,000.");
        assertThat(x.claims()).extracting(Claim::claimant, Claim::killed, Claim::killedAtLeast)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Russia", 500, false),
                        org.assertj.core.groups.Tuple.tuple("Zelenskyy", 9000, true));
    }

    @Test
    void differingFiguresForOneIncidentAreBothKeptAndNeitherWins() {
        Candidate c = only(extract("Three people were killed in Horlivka by shelling on Friday, the Russian-installed "
                + "mayor said. Seven people were killed in the strike on Horlivka on Friday, Russia's foreign "
                + "ministry said."));
        assertThat(c.claims()).extracting(Claim::kind).containsOnly(ClaimKind.DISPUTED_FIGURE);
        assertThat(c.claims()).extracting(Claim::claimant, Claim::killed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("the Russian-installed mayor", 3),
                        org.assertj.core.groups.Tuple.tuple("Russia's foreign ministry", 7));
        assertThat(c.evidence()).hasSize(2);
    }
}
