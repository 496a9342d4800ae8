package org.incidentmap.geocoding.geoparse;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentmap.geocoding.match.NameNormalizer;
import org.junit.jupiter.api.Test;

class IncidentLocationRulesTest {

    @Test
    void aPlaceStruckInTheReportIsAnIncidentLocation() {
        assertThat(judge("A missile hit Kharkiv overnight.", "Kharkiv", "UA").incidentLocation()).isTrue();
    }

    @Test
    void militaryGroupingsNamedAfterPlacesAreNot() {
        assertThat(judge("The Dnepr group of forces claimed the strike.", "Dnepr", "UA").reason())
                .isEqualTo("military grouping named after a place");
        assertThat(judge("Units of the group \"Vostok\" advanced.", "Vostok", "RU").incidentLocation()).isFalse();
    }

    @Test
    void peoplesNamesAreNot() {
        assertThat(judge("Governor Kharkiv visited the site.", "Kharkiv", "UA").reason()).isEqualTo("person's name");
        assertThat(judge("Lysenko said the attack was repelled.", "Lysenko", "UA").reason()).isEqualTo("person's name");
    }

    @Test
    void diplomaticVenuesAreNot() {
        assertThat(judge("Delegations met in Istanbul for talks.", "Istanbul", null).reason()).isEqualTo("diplomatic venue");
        assertThat(judge("The ceasefire talks in Jeddah ended.", "Jeddah", null).incidentLocation()).isFalse();
        assertThat(judge("Negotiators gathered in Riyadh.", "Riyadh", null).incidentLocation()).isFalse();
    }

    @Test
    void anUnresolvedNameAfterALocativeStillCountsAsAPlaceWord() {
        String text = "Talks in Geneva brought no result.";
        assertThat(IncidentLocationRules.looksLikePlace(text, text.indexOf("Geneva"), "geneva")).isTrue();
        assertThat(IncidentLocationRules.looksLikePlace(text, 0, "talks")).isFalse();
    }

    private static IncidentLocationRules.Verdict judge(String text, String mention, String country) {
        int start = text.indexOf(mention);
        return IncidentLocationRules.judge(text, start, start + mention.length(), NameNormalizer.fold(mention), country);
    }
}
