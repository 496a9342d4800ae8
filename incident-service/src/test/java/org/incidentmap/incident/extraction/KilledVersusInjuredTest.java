package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;
import static org.incidentmap.incident.extraction.Reports.only;

import org.junit.jupiter.api.Test;

class KilledVersusInjuredTest {

    @Test
    void killedVocabularyCountsTheDead() {
        for (String sentence : new String[] {
                "Two people died in a missile strike on Kharkiv.",
                "Two civilians lost their lives in shelling of Kharkiv.",
                "Shelling of Kharkiv left two dead.",
                "A drone strike took out two people in Kharkiv.",
                "Kharkiv saw two deaths after the attack.",
                "The strike on Kharkiv claimed the lives of two residents."}) {
            Candidate c = only(extract(sentence));
            assertThat(c.killed()).as(sentence).isEqualTo(2);
            assertThat(c.injured()).as(sentence).isNull();
        }
    }

    @Test
    void injuredVocabularyCountsTheHurt() {
        for (String sentence : new String[] {
                "Five people were injured in a missile strike on Kharkiv.",
                "Shelling of Kharkiv wounded five.",
                "In Kharkiv, five more were hurt in the attack.",
                "The attack on Kharkiv caused five injuries."}) {
            Candidate c = only(extract(sentence));
            assertThat(c.injured()).as(sentence).isEqualTo(5);
            assertThat(c.killed()).as(sentence).isNull();
        }
    }

    @Test
    void verbsBeforeFiguresKeepTheirOwnKind() {
        Candidate c = only(extract("Russian shelling killed two men and wounded three other people in Kherson."));
        assertThat(c.killed()).isEqualTo(2);
        assertThat(c.injured()).isEqualTo(3);
    }

    @Test
    void aCountOpeningTheSentenceIsTheSubjectOfItsPassiveVerb() {
        Candidate c = only(extract("Two employees of a power plant in Kurchatov, in Russia's Kursk region, were "
                + "injured in a drone attack."));
        assertThat(c.place().name()).isEqualTo("Kurchatov");
        assertThat(c.injured()).isEqualTo(2);
    }

    @Test
    void sustainedInjuriesCountAsInjured() {
        assertThat(only(extract("In Brovary, three people sustained injuries from falling debris.")).injured())
                .isEqualTo(3);
    }

    @Test
    void soughtMedicalHelpCountsAsInjured() {
        assertThat(only(extract("Five people sought medical help after a drone hit a dormitory in Kharkiv.")).injured())
                .isEqualTo(5);
    }
}
