package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;

import org.junit.jupiter.api.Test;

class VenueNotAMarkerTest {

    @Test
    void talksVenuesAreSetAsideAndNeverMarked() {
        Extraction x = extract("Delegations met in Istanbul and later in Abu Dhabi. The talks in Geneva ended, and "
                + "officials flew to Florida, where negotiations resumed. Negotiators gathered in Kyiv on Monday.");
        assertThat(x.candidates()).isEmpty();
        assertThat(x.ignoredMentions()).filteredOn(i -> i.reason() == IgnoredMention.Reason.DIPLOMATIC_VENUE)
                .extracting(i -> i.mention().text())
                .contains("Istanbul", "Abu Dhabi", "Geneva", "Florida", "Kyiv");
    }

    @Test
    void aStrikeElsewhereInTheSameReportIsStillMarked() {
        Extraction x = extract("Talks in Abu Dhabi continued on Sunday. Russian drones killed two people in Odesa.");
        assertThat(x.candidates()).extracting(c -> c.place().name()).containsExactly("Odesa");
    }

    @Test
    void militaryGroupingNamesAreNotPlaces() {
        Extraction x = extract("Russia's Dnepr group of forces said it killed 40 Ukrainian soldiers. The Centre "
                + "grouping claimed to have struck a warehouse. Battlegroup Khortytsia reported 12 clashes.");
        assertThat(x.candidates()).isEmpty();
        assertThat(x.ignoredMentions()).filteredOn(i -> i.reason() == IgnoredMention.Reason.MILITARY_GROUPING)
                .extracting(i -> i.mention().text()).contains("Dnepr", "Centre", "Khortytsia");
    }

    @Test
    void peoplesNamesAreNotPlaces() {
        Extraction x = extract("President Volodymyr Zelenskyy said the attack on Kharkiv killed three people. "
                + "Envoy Steve Witkoff said Moscow was ready to talk.");
        assertThat(x.candidates()).extracting(c -> c.place().name()).containsExactly("Kharkiv");
        assertThat(x.ignoredMentions()).filteredOn(i -> i.reason() == IgnoredMention.Reason.PERSON)
                .extracting(i -> i.mention().text()).contains("Volodymyr Zelenskyy", "Steve Witkoff");
    }

    @Test
    void placesOutsideTheWarMapAreNotMarked() {
        Extraction x = extract("Vilnius airport halted flights after balloons were spotted, and a drone hit a "
                + "warehouse in Rzeszow.");
        assertThat(x.candidates()).isEmpty();
    }
}
