package org.incidentmap.incident.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentmap.incident.extraction.Reports.extract;
import static org.incidentmap.incident.extraction.Reports.only;

import org.junit.jupiter.api.Test;

class EventWordingTest {

    @Test
    void aDroneStrikeIsAnAirDroneStrikeByTheNamedSide() {
        Candidate c = only(extract("A Ukrainian drone strike killed two people in Belgorod."));
        assertThat(c.eventType()).isEqualTo("Explosions/Remote violence");
        assertThat(c.subEventType()).isEqualTo("Air/drone strike");
        assertThat(c.weapons()).containsExactly("drone");
        assertThat(c.actor()).isEqualTo("Ukraine");
    }

    @Test
    void missileOnAnApartmentBlockIsShellingArtilleryMissile() {
        Candidate c = only(extract("A Russian ballistic missile hit an apartment block in Ternopil, wounding 30."));
        assertThat(c.subEventType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(c.weapons()).containsExactly("missile");
        assertThat(c.targets()).containsExactly("residential building");
        assertThat(c.actor()).isEqualTo("Russia");
    }

    @Test
    void glideBombsAndEnergyTargetsAreRecognised() {
        Candidate c = only(extract("Russian glide bombs damaged a power substation in Sloviansk."));
        assertThat(c.weapons()).containsExactly("glide bomb");
        assertThat(c.targets()).containsExactly("energy infrastructure");
        assertThat(c.killed()).isNull();
    }

    @Test
    void unstatedSideStaysUnknownAndConfidenceIsLower() {
        Candidate vague = only(extract("Two people were killed in the Sumy region."));
        Candidate rich = only(extract("On Friday a Russian missile killed two people in Sumy."));
        assertThat(vague.actor()).isNull();
        assertThat(vague.subEventType()).isNull();
        assertThat(vague.confidence()).isLessThan(rich.confidence());
    }

    @Test
    void militaryTargetsAreRecognised() {
        Candidate c = only(extract("Ukrainian drones struck an ammunition depot near occupied Bakhmut."));
        assertThat(c.targets()).containsExactly("military facility");
        assertThat(c.actor()).isEqualTo("Ukraine");
    }
}
