package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;
import static org.incidentmap.incident.extraction.Reports.only;

import org.junit.jupiter.api.Test;

class ConflictingClaimsTest {

    @Test
    void twoPartiesTotalsAreBothKeptWithTheirClaimants() {
        Extraction x = extract("The UN mission said 310 civilians had been killed by the previous evening. Kyiv's "
                + "prosecutors set the death toll at over 1,700.");
        assertThat(x.claims()).extracting(ExtractedClaim::claimant, ExtractedClaim::killed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("The UN mission", 310),
                        org.assertj.core.groups.Tuple.tuple("Kyiv's prosecutors", 1700));
    }

    @Test
    void eachSideOfASentenceKeepsItsOwnLossFigure() {
        Extraction x = extract("Moscow admitted that nearly 700 of its soldiers had died, but Ukraine's general "
                + "staff says Russian forces lost more than 8,400.");
        assertThat(x.claims()).extracting(ExtractedClaim::claimant, ExtractedClaim::killed, ExtractedClaim::killedAtLeast)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Moscow", 700, false),
                        org.assertj.core.groups.Tuple.tuple("Ukraine's general staff", 8400, true));
    }

    @Test
    void differingFiguresForOneIncidentAreBothKeptAndNeitherWins() {
        Candidate c = only(extract("Three people were killed in Horlivka by shelling on Friday, the Russian-installed "
                + "mayor said. Seven people were killed in the strike on Horlivka on Friday, Russia's foreign "
                + "ministry said."));
        assertThat(c.claims()).extracting(ExtractedClaim::kind).containsOnly(ClaimKind.DISPUTED_FIGURE);
        assertThat(c.claims()).extracting(ExtractedClaim::claimant, ExtractedClaim::killed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("the Russian-installed mayor", 3),
                        org.assertj.core.groups.Tuple.tuple("Russia's foreign ministry", 7));
        assertThat(c.evidence()).hasSize(2);
    }
}
