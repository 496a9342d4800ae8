package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;
import static org.incidentmap.incident.extraction.Reports.only;

import org.junit.jupiter.api.Test;

class MergeAcrossSentencesTest {

    @Test
    void figuresInTheNextSentenceJoinTheStrikeBeforeIt() {
        String text = "Russian missiles struck an apartment block in Dnipro on Saturday. Four people were killed "
                + "and 12 injured, the governor said.";
        Candidate c = only(extract(text));
        assertThat(c.place().name()).isEqualTo("Dnipro");
        assertThat(c.killed()).isEqualTo(4);
        assertThat(c.injured()).isEqualTo(12);
        assertThat(c.evidence()).hasSize(2);
        assertThat(c.evidence().get(1).start()).isEqualTo(text.indexOf("Four"));
        assertThat(c.evidence().get(1).end()).isEqualTo(text.length());
    }

    @Test
    void theSamePlaceAndDayMentionedTwiceIsOneCandidateWithTheRisenToll() {
        Candidate c = only(extract("A Russian glide bomb hit Kharkiv on Sunday, killing two people. By the evening "
                + "the death toll in Kharkiv from Sunday's strike had risen to five."));
        assertThat(c.killed()).isEqualTo(5);
        assertThat(c.evidence()).hasSize(2);
    }

    @Test
    void twoPlacesInOneSentenceStayTwoCandidates() {
        Extraction x = extract("Shelling in Kherson left at least two residents dead and seven more were hurt, "
                + "while Donetsk counted two deaths and five wounded after a strike on its market.");
        assertThat(x.candidates()).extracting(c -> c.place().name(), Candidate::killed, Candidate::injured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Kherson", 2, 7),
                        org.assertj.core.groups.Tuple.tuple("Donetsk", 2, 5));
    }

    @Test
    void theSamePlaceOnDifferentDaysStaysApart() {
        Extraction x = extract("Shelling killed one person in Nikopol on Friday. On Sunday a drone wounded two "
                + "people in Nikopol.");
        assertThat(x.candidates()).hasSize(2);
    }

    @Test
    void aRegionWideLineIsSummarisedByTheTownIncidentsInIt() {
        Extraction x = extract("Overnight, Russian drones targeted port infrastructure in the Odesa region. In "
                + "Odesa, a warehouse was hit, and two port workers were wounded in Izmail.");
        assertThat(x.candidates()).extracting(c -> c.place().name(), c -> c.place().precision())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Odesa", GeoPrecision.SETTLEMENT),
                        org.assertj.core.groups.Tuple.tuple("Izmail", GeoPrecision.SETTLEMENT));
    }
}
